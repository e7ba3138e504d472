import type { DigestDateSource } from "../digestParser";
import { formatCalendarDate, resolveYearlessDate } from "../../normalize/monthDay";

export interface CaptureDateEvidence {
  asOf: string | null;
  /** The page's header date, which Hugging Face shows without a year. */
  header: { month: number; day: number } | null;
  /** Every year written out on the page. */
  explicitYears: number[];
  today: string;
}

/**
 * Decides the day a papers page was captured. `--as-of` wins. Otherwise the
 * page shows a year only on dates outside its own year, so the capture year is
 * the year after the latest year written on the page (or this year when none
 * is), never later than today. The header's month and day then fix the day;
 * without a header the capture date is the end of that year or today, whichever
 * comes first.
 */
export function inferCaptureDate(evidence: CaptureDateEvidence): { date: string; source: DigestDateSource } {
  if (evidence.asOf) return { date: evidence.asOf, source: "as-of" };

  const todayYear = Number(evidence.today.slice(0, 4));
  const latestExplicitYear = evidence.explicitYears.length > 0 ? Math.max(...evidence.explicitYears) : null;
  const year = Math.min(latestExplicitYear === null ? todayYear : latestExplicitYear + 1, todayYear);
  const endOfYear = formatCalendarDate(year, 12, 31);
  const latestPossible = endOfYear < evidence.today ? endOfYear : evidence.today;

  if (evidence.header) {
    const date = resolveYearlessDate(evidence.header.month, evidence.header.day, latestPossible);
    if (date) return { date, source: "page header" };
  }
  return { date: latestPossible, source: "today" };
}
