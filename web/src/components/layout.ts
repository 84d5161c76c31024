// Layout shared by the pages: the phone breakpoint, and the classes every list page uses.
import { makeStyles, tokens } from '@fluentui/react-components';

/** The media query of phone widths, where menus stack, columns drop and lists go to one column. */
export const PHONE = '@media (max-width: 640px)';

/**
 * The classes of a list page (App registrations, Partner users, Indirect resellers, Customers,
 * a customer's tabs…): the page's column, the toolbar of buttons above the list, and the table's
 * cells. A page adds its own classes beside these with its own makeStyles.
 */
export const useListPageStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  /** Long names, domains and IDs wrap instead of pushing the table past a phone's width. */
  cell: { overflowWrap: 'anywhere' },
  /** Lines stacked in one cell (a name over its ID). */
  stack: { display: 'flex', flexDirection: 'column' },
  /** A column left out at phone width, where the row's name and actions matter most. */
  wide: { [PHONE]: { display: 'none' } },
  /** Around a table wider than the page: it scrolls sideways instead. */
  scroll: { overflowX: 'auto', maxWidth: '100%' },
});
