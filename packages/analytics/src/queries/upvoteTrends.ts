import type { DuckDBConnection } from "@duckdb/node-api";
import type { Bucket, TrendFilter, UpvoteTrendPoint } from "@alignment-trends/schema";
import { readRows, type SqlQuery } from "../database/readRows";
import { formatPeriodLabel, periodAggregatesSql } from "../periods";

/** Total, median and maximum upvotes per period, of the filter's upvote basis; papers without that count are left out of the figures. */
export function upvoteTrendsSql(filter: TrendFilter, bucket: Bucket): SqlQuery {
  return periodAggregatesSql(filter, bucket, [
    { name: "papers", sql: "count(*)::INTEGER", empty: "0" },
    { name: "total_upvotes", sql: "coalesce(sum(upvote_count), 0)::BIGINT", empty: "0" },
    { name: "median_upvotes", sql: "median(upvote_count::DOUBLE)", empty: "NULL" },
    { name: "max_upvotes", sql: "max(upvote_count)::INTEGER", empty: "NULL" },
  ]);
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
