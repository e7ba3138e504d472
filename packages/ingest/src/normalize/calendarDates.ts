import { isCalendarDate, type DatedValue } from "@alignment-trends/schema";
import { formatCalendarDate, monthNumber } from "./monthDay";

/** Returns the first `YYYY-MM-DD` in a file name when it is a real calendar day, else null. */
export function dayInFileName(fileName: string): string | null {
  const match = /(\d{4})-(\d{2})-(\d{2})/u.exec(fileName);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return match[0];
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/u;

/**
 * Returns the UTC calendar day of an ISO 8601 date or timestamp such as
 * `2024-06-18T09:12:00Z`, or null when it is not one or names no real day. A
 * timestamp without a zone keeps the day as written, whatever the local zone.
 */
export function utcDayOfTimestamp(timestamp: string | null | undefined): string | null {
  const match = timestamp ? TIMESTAMP.exec(timestamp.trim()) : null;
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const zone = match[6];
  if (!zone || !match[4]) return day;
  const offset = zone === "Z" ? "Z" : zone.replace(/^([+-]\d{2})(\d{2})$/u, "$1:$2");
  const instant = new Date(`${day}T${match[4]}:${match[5]}:00${offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString().slice(0, 10);
}

/** Returns the UTC calendar day of an RFC 822 date such as `Wed, 19 Nov 2025 00:00:00 +0000`, or null. */
export function utcDayOfRfc822(text: string): string | null {
  const match = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UT|UTC|Z)?\s*$/u.exec(text);
  if (!match) return null;
  const month = monthNumber(match[2]!);
  if (!month || !isCalendarDate(Number(match[3]), month, Number(match[1]))) return null;
  const zone = !match[7] || /^(?:GMT|UTC?|Z)$/u.test(match[7]) ? "+0000" : match[7];
  const iso = `${formatCalendarDate(Number(match[3]), month, Number(match[1]))}T${match[4]}:${match[5]}:${match[6] ?? "00"}${zone.slice(0, 3)}:${zone.slice(3)}`;
  return utcDayOfTimestamp(iso);
}

/** Returns a date known to the month, such as `YY.MM` (`23.06` is June 2023), or null when it is not one. */
export function monthOfShortDate(text: string): DatedValue | null {
  const match = /^\s*(\d{2})\.(\d{2})\s*$/u.exec(text);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return null;
  return { date: `20${match[1]}-${match[2]}-01`, precision: "month" };
}

/** Returns a date known to the year, stored as January 1 with year precision. */
export function yearOnly(year: number): DatedValue {
  return { date: formatCalendarDate(year, 1, 1), precision: "year" };
}
