import type { DuckDBConnection } from "@duckdb/node-api";
import type { Bucket, CodeTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { readRows, type SqlQuery } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { fitsPeriodSql, formatPeriodLabel, periodAggregatesSql, periodStartSql } from "../periods";

/** Papers per period and how many of them link to code. */
export function codeTrendsSql(filter: TrendFilter, bucket: Bucket): SqlQuery {
  return periodAggregatesSql(filter, bucket, [
    { name: "papers", sql: "count(*)::INTEGER", empty: "0" },
    { name: "with_code", sql: "count(code_url)::INTEGER", empty: "0" },
  ]);
}

/** Papers with code per period and code host. */
export function codeHostsSql(filter: TrendFilter, bucket: Bucket): SqlQuery {
  const facts = filteredPapersSql(filter);
  return {
    sql: `WITH facts AS (${facts.sql})
      SELECT ${periodStartSql(bucket, "trend_on")} AS period_start, code_host, count(*)::INTEGER AS papers
      FROM facts WHERE ${fitsPeriodSql(bucket)} AND code_url IS NOT NULL
      GROUP BY ALL`,
    params: facts.params,
  };
}

/** Returns the code hosts seen under the filter, most papers first. */
export async function listCodeHosts(connection: DuckDBConnection, filter: TrendFilter): Promise<string[]> {
  const facts = filteredPapersSql(filter);
  const rows = await readRows(connection, {
    sql: `WITH facts AS (${facts.sql})
      SELECT code_host, count(*) AS papers FROM facts WHERE code_host IS NOT NULL GROUP BY code_host ORDER BY papers DESC, code_host`,
    params: facts.params,
  });
  return rows.map((row) => String(row.code_host));
}

/**
 * Returns per period the papers, those with a code link, their share (null
 * for a period without papers) and the count per code host.
 */
export async function getCodeTrends(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<CodeTrendPoint[]> {
  const periods = await readRows(connection, codeTrendsSql(filter, bucket));
  const hostRows = await readRows(connection, codeHostsSql(filter, bucket));
  const hosts = await listCodeHosts(connection, filter);

  const byPeriod = new Map<string, Record<string, number>>();
  for (const row of hostRows) {
    const entry = byPeriod.get(String(row.period_start)) ?? {};
    entry[String(row.code_host)] = Number(row.papers);
    byPeriod.set(String(row.period_start), entry);
  }

  return periods.map((row) => {
    const start = String(row.period_start);
    const papers = Number(row.papers);
    const withCode = Number(row.with_code);
    const found = byPeriod.get(start) ?? {};
    return {
      periodStart: start,
      periodEnd: String(row.period_end),
      label: formatPeriodLabel(bucket, start),
      papers,
      withCode,
      codeShare: papers === 0 ? null : Math.round((withCode / papers) * 10_000) / 10_000,
      hosts: Object.fromEntries(hosts.map((host) => [host, found[host] ?? 0])),
    };
  });
}
