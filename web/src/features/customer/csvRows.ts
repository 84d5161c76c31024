// Reads an RFC 4180 CSV text (quoted cells, doubled quotes, CRLF or LF) into rows of cells: the
// upload's result file, shown as a table. A trailing line break ends the last row, not a new one.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The columns of the portal's upload file, as the API names them (not translated: data). */
export const UPLOAD_COLUMNS = ['First name', 'Last name', 'Display name', 'Email', 'Status update'];
export const STATUS_COLUMN = 'Status update';
/** The columns a row may leave empty (hidden in the results at phone width). */
export const OPTIONAL_COLUMNS = ['First name', 'Last name'];
/** What the API writes in "Status update" for a row it imported. */
export const CREATED = 'Created';
