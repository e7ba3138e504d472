import type { DuckDBConnection } from "@duckdb/node-api";
import type { Bucket, TrendFilter, UpvoteTrendPoint } from "@alignment-trends/schema";
import { readRows, type SqlQuery } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { formatPeriodLabel, periodBoundParams, periodSeriesSql, periodStartSql } from "../periods";

/** Total, median and maximum of the latest upvote counts per period. */
export function upvoteTrendsSql(filter: TrendFilter, bucket: Bucket): SqlQuery {
  const facts = filteredPapersSql(filter);
  return {
    sql: `WITH facts AS (${facts.sql}),
      ${periodSeriesSql(bucket)},
      stats AS (
        SELECT ${periodStartSql(bucket, "trend_on")} AS period_start,
          count(*)::INTEGER AS papers,
          sum(upvotes)::BIGINT AS total_upvotes,
          median(upvotes::DOUBLE) AS median_upvotes,
          max(upvotes)::INTEGER AS max_upvotes
        FROM facts WHERE trend_on IS NOT NULL GROUP BY 1
      )
      SELECT periods.period_start, periods.period_end, coalesce(papers, 0) AS papers, coalesce(total_upvotes, 0) AS total_upvotes,
        median_upvotes, max_upvotes
      FROM periods LEFT JOIN stats USING (period_start)
      ORDER BY periods.period_start`,
    params: { ...facts.params, ...periodBoundParams(filter) },
  };
}

export async function getUpvoteTrends(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<UpvoteTrendPoint[]> {
  const rows = await readRows(connection, upvoteTrendsSql(filter, bucket));
  return rows.map((row) => ({
    periodStart: String(row.period_start),
    periodEnd: String(row.period_end),
    label: formatPeriodLabel(bucket, String(row.period_start)),
    papers: Number(row.papers),
    totalUpvotes: Number(row.total_upvotes),
    medianUpvotes: row.median_upvotes === null ? null : Number(row.median_upvotes),
    maxUpvotes: row.max_upvotes === null ? null : Number(row.max_upvotes),
  }));
}
