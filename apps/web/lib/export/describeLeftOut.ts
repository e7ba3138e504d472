import { countCoarseDates, getHeadline } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, type Bucket, type TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { formatInteger } from "../format";

function papersHave(count: number): string {
  return count === 1 ? "1 paper has" : `${formatInteger(count)} papers have`;
}

/**
 * Says which papers the filter keeps but a series over time leaves out:
 * papers without a date, and, for a `bucket`, papers whose date is known
 * only to a longer span. Returns no notes when none are left out.
 */
export async function describeLeftOut(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket | null): Promise<string[]> {
  const notes: string[] = [];
  const { undatedPapers } = await getHeadline(connection, filter);
  if (undatedPapers > 0) {
    notes.push(`${papersHave(undatedPapers)} no date (${DATE_BASIS_LABELS[filter.dateBasis]}) and ${undatedPapers === 1 ? "is" : "are"} left out.`);
  }
  if (bucket !== null) {
    const coarse = await countCoarseDates(connection, filter, bucket);
    if (coarse > 0) {
      notes.push(`${papersHave(coarse)} a date known only to a span longer than one ${bucket} and ${coarse === 1 ? "is" : "are"} left out.`);
    }
  }
  return notes;
}
