import { z } from "zod";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reports whether `year-month-day` names a real day of the Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * A calendar day as `YYYY-MM-DD`. Calendar days are kept as strings, never as
 * `Date` objects, so that no time zone can move a paper to another day.
 */
export const CalendarDateSchema = z.string().refine(
  (value) => {
    const match = ISO_DATE.exec(value);
    if (!match) return false;
    return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  },
  { message: "expected a calendar date as YYYY-MM-DD" },
).meta({ format: "date" });
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/** How much of a date a source gave: the day, only the month, or only the year. */
export const DatePrecisionSchema = z.enum(["day", "month", "year"]);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/**
 * A date with its precision. A date known to the month is stored as the first
 * day of that month, and one known to the year as January 1, with the precision
 * saying which parts are real.
 */
export const DatedValueSchema = z.object({
  date: CalendarDateSchema,
  precision: DatePrecisionSchema,
});
export type DatedValue = z.infer<typeof DatedValueSchema>;
