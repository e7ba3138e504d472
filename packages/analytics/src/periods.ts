import type { Bucket, TrendFilter } from "@alignment-trends/schema";
import type { SqlQuery } from "./database/readRows";
import { filteredPapersSql } from "./filteredPapers";

/** The SQL interval of one period of each bucket. */
const BUCKET_INTERVAL: Record<Bucket, string> = {
  week: "INTERVAL 7 DAY",
  month: "INTERVAL 1 MONTH",
  quarter: "INTERVAL 3 MONTH",
  year: "INTERVAL 1 YEAR",
};

/**
 * Returns the SQL that truncates a date column to the start of its period.
 * `bucket` comes from the validated `Bucket` enum, so it is safe to place in
 * the text as a date part name. Weeks start on Monday.
 */
export function periodStartSql(bucket: Bucket, column: string): string {
  return `CAST(date_trunc('${bucket}', ${column}) AS DATE)`;
}

/**
 * Returns the SQL condition that a paper of `facts` has a date and that its
 * whole date span lies in one period of the bucket: a paper known only to the
 * month fits a month, quarter or year, but no week.
 */
export function fitsPeriodSql(bucket: Bucket, alias = ""): string {
  const prefix = alias ? `${alias}.` : "";
  return `${prefix}trend_on IS NOT NULL AND date_trunc('${bucket}', ${prefix}trend_on) = date_trunc('${bucket}', ${prefix}trend_end)`;
}

/** Returns the SQL that counts the papers of `facts` that have a date too coarse for one period of the bucket. */
export function coarseDateCountSql(bucket: Bucket): string {
  return `count(*) FILTER (WHERE trend_on IS NOT NULL AND NOT (${fitsPeriodSql(bucket)}))::INTEGER`;
}

/**
 * Returns common table expressions `bounds` and `periods` listing every period
 * from the filter's `from` (else the earliest trend date in `facts`) to its
 * `to` (else the latest), so periods without papers appear as zeros, not gaps.
 * Each period has `period_start` and `period_end` (the last day in it).
 */
export function periodSeriesSql(bucket: Bucket): string {
  const interval = BUCKET_INTERVAL[bucket];
  return `bounds AS (
    SELECT coalesce($f_from_bound::DATE, min(trend_on)) AS low, coalesce($f_to_bound::DATE, max(trend_end)) AS high
    FROM facts WHERE trend_on IS NOT NULL
  ),
  periods AS (
    SELECT CAST(period_start AS DATE) AS period_start, CAST(period_start + ${interval} - INTERVAL 1 DAY AS DATE) AS period_end
    FROM (
      SELECT unnest(generate_series(date_trunc('${bucket}', low), date_trunc('${bucket}', high), ${interval})) AS period_start
      FROM bounds WHERE low IS NOT NULL AND high IS NOT NULL
    )
  )`;
}

/** Returns the parameters `periodSeriesSql` binds. */
export function periodBoundParams(filter: TrendFilter): { f_from_bound: string | null; f_to_bound: string | null } {
  return { f_from_bound: filter.from ?? null, f_to_bound: filter.to ?? null };
}

/** Formats a period start for an axis: `2025-06-02` for weeks, `2025-06`, `2025 Q2`, `2025`. */
export function formatPeriodLabel(bucket: Bucket, periodStart: string): string {
  const year = periodStart.slice(0, 4);
  const month = Number(periodStart.slice(5, 7));
  switch (bucket) {
    case "week":
      return periodStart;
    case "month":
      return periodStart.slice(0, 7);
    case "quarter":
      return `${year} Q${Math.floor((month - 1) / 3) + 1}`;
    case "year":
      return year;
  }
}

/** One aggregate column per period: its SQL over the papers of a period, and its value for a period without papers. */
export interface PeriodAggregate {
  name: string;
  sql: string;
  empty: string;
}

/**
 * Returns one row per period of the range with `period_start`, `period_end`
 * and each aggregate over the filtered papers dated in that period. Periods
 * without papers get each aggregate's `empty` value, so the axis has no gaps.
 */
export function periodAggregatesSql(filter: TrendFilter, bucket: Bucket, aggregates: PeriodAggregate[]): SqlQuery {
  const facts = filteredPapersSql(filter);
  const computed = aggregates.map((aggregate) => `${aggregate.sql} AS ${aggregate.name}`).join(",\n          ");
  const selected = aggregates.map((aggregate) => `coalesce(stats.${aggregate.name}, ${aggregate.empty}) AS ${aggregate.name}`).join(", ");
  return {
    sql: `WITH facts AS (${facts.sql}),
      ${periodSeriesSql(bucket)},
      stats AS (
        SELECT ${periodStartSql(bucket, "trend_on")} AS period_start,
          ${computed}
        FROM facts WHERE ${fitsPeriodSql(bucket)} GROUP BY 1
      )
      SELECT periods.period_start, periods.period_end, ${selected}
      FROM periods LEFT JOIN stats USING (period_start)
      ORDER BY periods.period_start`,
    params: { ...facts.params, ...periodBoundParams(filter) },
  };
}
