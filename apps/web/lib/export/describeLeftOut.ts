import type { LeftOutCounts } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, type Bucket, type TrendFilter } from "@alignment-trends/schema";
import { formatInteger } from "../format";

function papersHave(count: number): string {
  return count === 1 ? "1 paper has" : `${formatInteger(count)} papers have`;
}

/**
 * Says which papers the filter keeps but a series over time leaves out:
 * papers without a date, and, for a `bucket`, papers whose date is known
 * only to a longer span. `counts` comes from `countLeftOutPapers` with the
 * same filter and bucket. Returns no notes when none are left out.
 */
export function describeLeftOut(counts: LeftOutCounts, filter: TrendFilter, bucket: Bucket | null): string[] {
  const notes: string[] = [];
  if (counts.undated > 0) {
    notes.push(`${papersHave(counts.undated)} no date (${DATE_BASIS_LABELS[filter.dateBasis]}) and ${counts.undated === 1 ? "is" : "are"} left out.`);
  }
  if (bucket !== null && counts.coarse > 0) {
    notes.push(`${papersHave(counts.coarse)} a date known only to a span longer than one ${bucket} and ${counts.coarse === 1 ? "is" : "are"} left out.`);
  }
  return notes;
}
