// Layout shared by the pages: the phone breakpoint, and the classes every list page uses.

/** The media query of phone widths, where menus stack, columns drop and lists go to one column. */
export const PHONE = '@media (max-width: 640px)';
