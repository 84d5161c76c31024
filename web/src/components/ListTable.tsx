// The table of a list page: its accessible name, a header row from a list of columns, and the
// rows the caller renders (TableRow / TableCell). Rows that expand to their details use
// ExpanderCell (the button) and DetailsRow (the row below it), with an `expander` column.
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  type TableProps,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

import { useListPageStyles } from './layout';

const useStyles = makeStyles({
  expander: { width: '48px' },
});

export interface Column {
  /** The header's content (none for an expander column without a hidden label). */
  label?: ReactNode;
  /** Left out at phone width (give the row's cell `useListPageStyles().wide` too). */
  wide?: boolean;
  /** The narrow column of the rows' ExpanderCells. */
  expander?: boolean;
  className?: string;
}

interface Props {
  label: string;
  /** `false` leaves a column out (one the user's role does not see). */
  columns: ReadonlyArray<Column | false>;
  size?: TableProps['size'];
  children: ReactNode;
}

export function ListTable({ label, columns, size, children }: Props) {
  const styles = useStyles();
  const list = useListPageStyles();
  return (
    <Table aria-label={label} size={size}>
      <TableHeader>
        <TableRow>
          {columns.map(
            (c, i) =>
              c && (
                <TableHeaderCell
                  key={i}
                  className={mergeClasses(c.expander && styles.expander, c.wide && list.wide, c.className)}
                >
                  {c.label}
                </TableHeaderCell>
              ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

interface ExpanderProps {
  expanded: boolean;
  /** The id of the DetailsRow this button shows and hides. */
  controls: string;
  /** What the button opens, e.g. "Details of Contoso". */
  label: string;
  onToggle: () => void;
}

/** The first cell of an expandable row: the button that shows or hides the row's details. */
export function ExpanderCell({ expanded, controls, label, onToggle }: ExpanderProps) {
  const styles = useStyles();
  return (
    <TableCell className={styles.expander}>
      <Button
        appearance="subtle"
        icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={expanded}
        aria-controls={controls}
        aria-label={label}
        onClick={onToggle}
      />
    </TableCell>
  );
}

/** The row under an expanded one: one cell across the table's columns. */
export function DetailsRow({ id, colSpan, children }: { id: string; colSpan: number; children: ReactNode }) {
  return (
    <TableRow id={id}>
      <TableCell colSpan={colSpan}>{children}</TableCell>
    </TableRow>
  );
}
