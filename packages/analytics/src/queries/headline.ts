import type { DuckDBConnection } from "@duckdb/node-api";
import type { Headline, TrendFilter } from "@alignment-trends/schema";
import { readRow, type SqlQuery } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";

/** Returns the SQL for the headline figures over the papers the filter keeps. */
export function headlineSql(filter: TrendFilter): SqlQuery {
  const facts = filteredPapersSql(filter);
  return {
    sql: `WITH facts AS (${facts.sql})
      SELECT count(*)::INTEGER AS papers,
        count(*) FILTER (WHERE trend_on IS NULL)::INTEGER AS undated,
        count(*) FILTER (WHERE scope = 'alignment')::INTEGER AS alignment_papers,
        count(code_url)::INTEGER AS with_code,
        median(authors_count::DOUBLE) AS median_authors,
        median(upvote_count::DOUBLE) AS median_upvotes,
        min(trend_on) AS first_date,
        arg_min(trend_precision, {'date': trend_on, 'precision': CASE trend_precision WHEN 'day' THEN 1 WHEN 'month' THEN 2 ELSE 3 END}) AS first_precision,
        max(trend_end) AS last_date,
        arg_max(trend_precision, {'date': trend_end, 'precision': CASE trend_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 ELSE 1 END}) AS last_precision,
        (SELECT count(*)::INTEGER FROM digests WHERE status = 'loaded') AS digests
      FROM facts`,
    params: facts.params,
  };
}

export async function getHeadline(connection: DuckDBConnection, filter: TrendFilter): Promise<Headline> {
  const row = await readRow(connection, headlineSql(filter));
  const papers = Number(row.papers);
  const withCode = Number(row.with_code);
  return {
    papers,
    undatedPapers: Number(row.undated),
    alignmentPapers: Number(row.alignment_papers),
    withCode,
    codeShare: papers === 0 ? null : Math.round((withCode / papers) * 10_000) / 10_000,
    medianAuthors: row.median_authors === null ? null : Number(row.median_authors),
    medianUpvotes: row.median_upvotes === null ? null : Number(row.median_upvotes),
    firstDate: row.first_date === null ? null : String(row.first_date),
    firstDatePrecision: row.first_precision === null ? null : (String(row.first_precision) as Headline["firstDatePrecision"]),
    lastDate: row.last_date === null ? null : String(row.last_date),
    lastDatePrecision: row.last_precision === null ? null : (String(row.last_precision) as Headline["lastDatePrecision"]),
    digests: Number(row.digests),
  };
}
