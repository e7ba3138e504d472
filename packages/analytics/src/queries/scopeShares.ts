import type { DuckDBConnection } from "@duckdb/node-api";
import { MIN_PAPERS_FOR_SHARE, type Bucket, type ScopeSharePoint, type TrendFilter } from "@alignment-trends/schema";
import { readRows } from "../database/readRows";
import { formatPeriodLabel, periodAggregatesSql } from "../periods";

export type { ScopeSharePoint } from "@alignment-trends/schema";

function share(part: number, whole: number): number | null {
  return whole < MIN_PAPERS_FOR_SHARE ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * Returns per period the papers of the whole feed, and how many of them are
 * alignment research and how many use "alignment" in another sense, with
 * their shares. The filter's scope is ignored, because the shares compare
 * the scopes. A period with fewer than `MIN_PAPERS_FOR_SHARE` papers has no
 * shares.
 */
export async function getScopeShares(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<ScopeSharePoint[]> {
  const rows = await readRows(
    connection,
    periodAggregatesSql({ ...filter, scope: undefined }, bucket, [
      { name: "papers", sql: "count(*)::INTEGER", empty: "0" },
      { name: "alignment_papers", sql: "count(*) FILTER (WHERE scope = 'alignment')::INTEGER", empty: "0" },
      { name: "other_papers", sql: "count(*) FILTER (WHERE scope = 'other-alignment')::INTEGER", empty: "0" },
    ]),
  );
  return rows.map((row) => {
    const papers = Number(row.papers);
    return {
      periodStart: String(row.period_start),
      periodEnd: String(row.period_end),
      label: formatPeriodLabel(bucket, String(row.period_start)),
      papers,
      alignmentPapers: Number(row.alignment_papers),
      otherAlignmentPapers: Number(row.other_papers),
      alignmentShare: share(Number(row.alignment_papers), papers),
      otherAlignmentShare: share(Number(row.other_papers), papers),
    };
  });
}
