import type { DuckDBValue } from "@duckdb/node-api";
import type { DateBasis, TrendFilter } from "@alignment-trends/schema";
import type { SqlQuery } from "../database/readRows";

/** The SELECTs over the monthly term counts that stand for the papers a filter keeps; their values are named `tm_*`. */
export interface TermMonthsQueries {
  /** One row per counted paper: `month`. */
  papers: SqlQuery;
  /** One row per month, scope and term: `month`, `term_id`, `papers`, `title_papers`. */
  counts: SqlQuery;
  /** The same rows from the copy in term order, for a few terms over every month: `month`, `term_id`, `papers`. */
  series: SqlQuery;
}

/** The column of `term_month_papers` holding the month a paper counts under, per date basis. */
const MONTH_COLUMN: Record<DateBasis, string> = { listed: "listed_month", published: "published_month" };

/**
 * Returns SELECTs of the monthly term counts that stand for the papers the
 * filter keeps, or null when the filter keeps papers the counts cannot tell
 * apart. `term_month_papers` lists the papers with an abstract whose date
 * fits one month, and `term_months` counts them per date basis, month, scope
 * and term, for every term in at least two counted titles. So they serve a
 * filter on scope and on whole months only: a `from` inside a month or a `to`
 * before a month's end keeps part of that month, and any other condition
 * needs each paper's own row.
 */
export function termMonthsSql(filter: TrendFilter): TermMonthsQueries | null {
  const others =
    filter.topics.length > 0 ||
    filter.allTopics.length > 0 ||
    filter.terms.length > 0 ||
    filter.q !== undefined ||
    filter.hasCode !== undefined ||
    filter.codeHost !== undefined ||
    filter.minUpvotes !== undefined ||
    filter.minAuthors !== undefined ||
    filter.maxAuthors !== undefined;
  if (others || (filter.from && !isMonthStart(filter.from)) || (filter.to && !isMonthEnd(filter.to))) return null;

  const conditions: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  if (filter.scope) {
    conditions.push("scope = $tm_scope");
    params.tm_scope = filter.scope;
  }
  if (filter.from) {
    conditions.push("month >= $tm_from::DATE");
    params.tm_from = filter.from;
  }
  if (filter.to) {
    conditions.push("month <= $tm_to::DATE");
    params.tm_to = filter.to;
  }

  const conditionsSql = conditions.map((condition) => ` AND ${condition}`).join("");
  return {
    papers: {
      sql: `SELECT month FROM (SELECT ${MONTH_COLUMN[filter.dateBasis]} AS month, scope FROM term_month_papers) WHERE month IS NOT NULL${conditionsSql}`,
      params,
    },
    counts: {
      sql: `SELECT month, term_id, papers, title_papers FROM term_months WHERE basis = $tm_basis${conditionsSql}`,
      params: { ...params, tm_basis: filter.dateBasis },
    },
    series: {
      sql: `SELECT month, term_id, papers FROM term_month_series WHERE basis = $tm_basis${conditionsSql}`,
      params: { ...params, tm_basis: filter.dateBasis },
    },
  };
}

function isMonthStart(date: string): boolean {
  return date.endsWith("-01");
}

function isMonthEnd(date: string): boolean {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;
}
