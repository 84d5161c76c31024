// The date range of the activity log: whole days in the user's time zone, as <input type="date">
// values (YYYY-MM-DD), turned into the instants the API takes.

/** A day as YYYY-MM-DD in local time, `daysBack` days before today. */
export function localDay(daysBack = 0, from = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() - daysBack);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The first (or, with `endOfDay`, the last) instant of a YYYY-MM-DD day in local time. */
export function dayBound(day: string, endOfDay = false): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return endOfDay ? new Date(y, mo, d, 23, 59, 59, 999) : new Date(y, mo, d);
}
