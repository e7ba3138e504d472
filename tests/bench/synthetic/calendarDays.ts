/*
 * Calendar arithmetic on `YYYY-MM-DD` days, always in UTC, so that the
 * machine's time zone never shifts a day.
 */

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Returns the calendar days from `earlier` to `later`; ISO timestamps count by their UTC day. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(later.slice(0, 10)) - Date.parse(earlier.slice(0, 10))) / DAY_MS);
}

/** Returns the day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(day) + count * DAY_MS).toISOString().slice(0, 10);
}

/** Returns the ISO weekday of a day: 1 is Monday, 7 is Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Formats a day as the Hugging Face Papers page shows it: "Mar 18", with ", 2024" when the year differs from `pageYear`. */
export function formatPageDate(day: string, pageYear: number): string {
  const year = Number(day.slice(0, 4));
  const text = `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;
  return year === pageYear ? text : `${text}, ${year}`;
}
