import type { DuckDBConnection } from "@duckdb/node-api";
import type { AuthorTrendPoint, Bucket, TeamSizeBin, TrendFilter } from "@alignment-trends/schema";
import { readRows, type SqlQuery } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { formatPeriodLabel, periodAggregatesSql } from "../periods";

/** Team-size bins of the distribution chart; `max` null means no upper bound. */
export const TEAM_SIZE_BINS: readonly { label: string; min: number; max: number | null }[] = [
  { label: "1", min: 1, max: 1 },
  { label: "2", min: 2, max: 2 },
  { label: "3", min: 3, max: 3 },
  { label: "4", min: 4, max: 4 },
  { label: "5", min: 5, max: 5 },
  { label: "6–10", min: 6, max: 10 },
  { label: "11–20", min: 11, max: 20 },
  { label: "21–50", min: 21, max: 50 },
  { label: "51+", min: 51, max: null },
];

/** Mean and median authors per paper per period, over papers whose author count is known. */
export function authorTrendsSql(filter: TrendFilter, bucket: Bucket): SqlQuery {
  return periodAggregatesSql(filter, bucket, [
    { name: "papers", sql: "count(*)::INTEGER", empty: "0" },
    { name: "with_count", sql: "count(authors_count)::INTEGER", empty: "0" },
    { name: "mean_authors", sql: "avg(authors_count)", empty: "NULL" },
    { name: "median_authors", sql: "median(authors_count::DOUBLE)", empty: "NULL" },
  ]);
}

export async function getAuthorTrends(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<AuthorTrendPoint[]> {
  const rows = await readRows(connection, authorTrendsSql(filter, bucket));
  return rows.map((row) => ({
    periodStart: String(row.period_start),
    periodEnd: String(row.period_end),
    label: formatPeriodLabel(bucket, String(row.period_start)),
    papers: Number(row.papers),
    papersWithAuthorCount: Number(row.with_count),
    meanAuthors: row.mean_authors === null ? null : Math.round(Number(row.mean_authors) * 100) / 100,
    medianAuthors: row.median_authors === null ? null : Number(row.median_authors),
  }));
}

/** How many papers have each team size, over papers whose author count is known, with the date filter applied. */
export function teamSizesSql(filter: TrendFilter): SqlQuery {
  const facts = filteredPapersSql(filter);
  const bins = TEAM_SIZE_BINS.map((bin, index) => `(${index}, ${bin.min}, ${bin.max ?? "NULL"})`).join(", ");
  return {
    sql: `WITH facts AS (${facts.sql}),
      bins(position, min_authors, max_authors) AS (VALUES ${bins})
      SELECT b.position, b.min_authors, b.max_authors, count(f.paper_id)::INTEGER AS papers
      FROM bins b LEFT JOIN facts f
        ON f.trend_on IS NOT NULL AND f.authors_count >= b.min_authors AND (b.max_authors IS NULL OR f.authors_count <= b.max_authors)
      GROUP BY ALL ORDER BY b.position`,
    params: facts.params,
  };
}

export async function getTeamSizes(connection: DuckDBConnection, filter: TrendFilter): Promise<TeamSizeBin[]> {
  const rows = await readRows(connection, teamSizesSql(filter));
  return rows.map((row) => ({
    label: TEAM_SIZE_BINS[Number(row.position)]!.label,
    minAuthors: Number(row.min_authors),
    maxAuthors: row.max_authors === null ? null : Number(row.max_authors),
    papers: Number(row.papers),
  }));
}
