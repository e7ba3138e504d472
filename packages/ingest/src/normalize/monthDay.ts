import { isCalendarDate } from "@alignment-trends/schema";

const MONTH_NAMES = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];

/** Returns the month number (1 to 12) of an English month name, its three-letter abbreviation or `Sept`, else null. */
export function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((month) => month === lower || month.slice(0, 3) === lower);
  if (index !== -1) return index + 1;
  return lower === "sept" ? 9 : null;
}

/** Formats a year, month and day as `YYYY-MM-DD`. */
export function formatCalendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Resolves a month and day without a year to the latest such day on or before
 * `captureDate` (`YYYY-MM-DD`), because a page shows dates without a year only
 * for its own year. Feb 29 goes back to the latest leap year. Returns null if
 * the month and day never form a date.
 */
export function resolveYearlessDate(month: number, day: number, captureDate: string): string | null {
  if (!isCalendarDate(2000, month, day)) return null;
  const captureYear = Number(captureDate.slice(0, 4));
  for (let year = captureYear; year > captureYear - 8; year -= 1) {
    if (!isCalendarDate(year, month, day)) continue;
    const candidate = formatCalendarDate(year, month, day);
    if (candidate <= captureDate) return candidate;
  }
  return null;
}
