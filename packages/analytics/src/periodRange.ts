import type { DuckDBConnection } from "@duckdb/node-api";
import type { Bucket, TrendFilter } from "@alignment-trends/schema";
import { readRow } from "./database/readRows";
import { filteredPapersSql } from "./filteredPapers";
import { coarseDateCountSql } from "./periods";

/**
 * The maximum number of periods in one series: about 19 years of weeks. A longer
 * axis cannot be drawn legibly, and a typo in a year would otherwise produce
 * responses of hundreds of megabytes.
 */
export const MAX_PERIODS = 1000;

/** A requested series would have more than `MAX_PERIODS` periods. The message explains how to narrow it. */
export class PeriodRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PeriodRangeError";
  }
}

const DAY_MS = 86_400_000;

/** Numbers a date's month, quarter or year on one running scale, so that differences count periods. */
function periodIndex(bucket: "month" | "quarter" | "year", date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (bucket === "year") return year;
  if (bucket === "quarter") return year * 4 + Math.floor((month - 1) / 3);
  return year * 12 + month - 1;
}

/** Returns the milliseconds since the epoch of the Monday that starts the week of `date`. */
function weekStart(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`);
  return time - ((new Date(time).getUTCDay() + 6) % 7) * DAY_MS;
}

/** Returns how many periods of a bucket the inclusive range from `from` to `to` (`YYYY-MM-DD`) touches. */
export function countPeriods(bucket: Bucket, from: string, to: string): number {
  if (bucket === "week") return Math.round((weekStart(to) - weekStart(from)) / (7 * DAY_MS)) + 1;
  return periodIndex(bucket, to) - periodIndex(bucket, from) + 1;
}

/**
 * Raises `PeriodRangeError` when the series for this filter and bucket would
 * have more than `MAX_PERIODS` periods. Open ends of the range take the
 * earliest and latest trend dates of the papers the filter keeps.
 */
export async function assertPeriodCount(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<void> {
  let { from, to } = filter;
  if (!from || !to) {
    const facts = filteredPapersSql(filter);
    const bounds = await readRow(connection, {
      sql: `WITH facts AS (${facts.sql}) SELECT min(trend_on) AS low, max(trend_on) AS high FROM facts`,
      params: facts.params,
    });
    if (bounds.low === null || bounds.high === null) return;
    from ??= String(bounds.low);
    to ??= String(bounds.high);
  }
  const periods = countPeriods(bucket, from, to);
  if (periods > MAX_PERIODS) {
    throw new PeriodRangeError(
      `The range ${from} to ${to} has ${periods} ${bucket}s, more than the ${MAX_PERIODS} a series can show; choose a longer period or a shorter range`,
    );
  }
}

/**
 * Returns how many papers the filter keeps whose date is too coarse for one
 * period of the bucket, such as papers known only to the month in a weekly
 * series. Charts leave them out and report how many.
 */
export async function countCoarseDates(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<number> {
  const { coarse } = await countLeftOutPapers(connection, filter, bucket);
  return coarse;
}

/** Papers a filter keeps that a series over time leaves out: without a date, and dated too coarsely for one period. */
export interface LeftOutCounts {
  undated: number;
  coarse: number;
}

/**
 * Counts the papers the filter keeps that have no date, and, for a `bucket`,
 * those whose date is too coarse for one of its periods, in one scan.
 */
export async function countLeftOutPapers(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket | null): Promise<LeftOutCounts> {
  const facts = filteredPapersSql(filter);
  const row = await readRow(connection, {
    sql: `WITH facts AS (${facts.sql})
      SELECT count(*) FILTER (WHERE trend_on IS NULL)::INTEGER AS undated, ${bucket === null ? "0" : coarseDateCountSql(bucket)} AS coarse FROM facts`,
    params: facts.params,
  });
  return { undated: Number(row.undated), coarse: Number(row.coarse) };
}
