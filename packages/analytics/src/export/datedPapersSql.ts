import { TrendFilterSchema, type TrendFilter } from "@alignment-trends/schema";
import type { SqlQuery } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { fitsPeriodSql } from "../periods";

/** The filter of the dashboard as it first opens: every paper, dated first listed else published, with the latest upvotes. */
export const DEFAULT_FILTER: TrendFilter = TrendFilterSchema.parse({});

/**
 * Returns a SELECT of every paper with the trend columns of `filteredPapersSql`
 * under `DEFAULT_FILTER` and `month`: the `YYYY-MM` of the paper's first
 * listing, else of its publication. The month is null for a paper without a
 * date and for one dated only to the year, because the monthly charts leave
 * both out.
 */
export function datedPapersSql(): SqlQuery {
  const papers = filteredPapersSql(DEFAULT_FILTER);
  return {
    sql: `SELECT *, CASE WHEN ${fitsPeriodSql("month")} THEN strftime(trend_on, '%Y-%m') END AS month FROM (${papers.sql})`,
    params: papers.params,
  };
}
