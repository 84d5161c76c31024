// Rows as an RFC 4180 CSV file: a cell with a comma, quote or line break is quoted, its quotes doubled.
export function toCsv(rows: (string | number)[][]): Blob {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return new Blob([rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' });
}
