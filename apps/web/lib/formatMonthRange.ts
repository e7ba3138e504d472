const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function readMonth(date: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})/u.exec(date);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`Invalid date "${date}": expected YYYY-MM or YYYY-MM-DD`);
  return { year: Number(match[1]), month };
}

/**
 * Formats the months from the one of `start` to the one of `end` as
 * `Jun 2026`, `Apr–Aug 2026` or `Nov 2025–Feb 2026`. Both are ISO dates (or
 * `YYYY-MM`) and only their year and month count, so the text never shifts
 * with the time zone.
 */
export function formatMonthRange(start: string, end: string): string {
  const first = readMonth(start);
  const last = readMonth(end);
  const firstName = MONTH_NAMES[first.month - 1]!;
  const lastName = MONTH_NAMES[last.month - 1]!;
  if (first.year !== last.year) return `${firstName} ${first.year}–${lastName} ${last.year}`;
  if (first.month === last.month) return `${firstName} ${first.year}`;
  return `${firstName}–${lastName} ${first.year}`;
}

/** Returns the last day of the month that an ISO date falls in, as an ISO date. */
export function lastDayOfMonth(date: string): string {
  const { year, month } = readMonth(date);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
