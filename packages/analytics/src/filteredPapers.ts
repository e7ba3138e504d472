import type { DuckDBValue } from "@duckdb/node-api";
import { DuckDBListValue } from "@duckdb/node-api";
import type { DateBasis, TrendFilter, UpvoteBasis } from "@alignment-trends/schema";
import type { SqlQuery } from "./database/readRows";
import { searchMatchSql } from "./terms/searchMatchSql";
import { termMatchSql } from "./terms/termMatchSql";

/**
 * The date a paper counts under, per date basis, with the precision of that
 * date: a listing is always known to the day, a publication date may be known
 * only to the month or the year.
 */
const TREND_DATE_SQL: Record<DateBasis, { date: string; precision: string }> = {
  listed: {
    date: "coalesce(p.first_listed_on, p.published_on)",
    precision: "CASE WHEN p.first_listed_on IS NOT NULL THEN 'day' ELSE p.published_precision END",
  },
  published: { date: "p.published_on", precision: "p.published_precision" },
};

/** Returns the SQL for the last day a date of the given precision may stand for: the day itself, or the end of its month or year. */
function lastPossibleDaySql(date: string, precision: string): string {
  return `CASE ${precision} WHEN 'month' THEN last_day(${date}) WHEN 'year' THEN make_date(year(${date}), 12, 31) ELSE ${date} END`;
}

/**
 * Whether a paper has an abstract, read from the digest that gave it. The
 * merge sets both from the same sightings, so they are null together. Testing
 * the abstract itself for null made DuckDB read every abstract: a monthly
 * count over 100,000 papers took 220 ms instead of 1 ms.
 */
export const HAS_ABSTRACT_SQL = "p.field_sources.abstract IS NOT NULL";

/**
 * Returns the SQL for the first day of the month a paper of `papers p` counts
 * under on the date basis. It is NULL when the paper has no date or its date
 * may lie in more than one month, so it is set for the papers that
 * `fitsPeriodSql("month")` keeps.
 */
export function trendMonthSql(basis: DateBasis): string {
  const trend = TREND_DATE_SQL[basis];
  const month = `date_trunc('month', ${trend.date})`;
  return `CASE WHEN ${month} = date_trunc('month', ${lastPossibleDaySql(trend.date, trend.precision)}) THEN CAST(${month} AS DATE) END`;
}

/** The upvote count each basis uses. */
const UPVOTES_SQL: Record<UpvoteBasis, string> = {
  latest: "p.upvotes",
  "first-week": "p.upvotes_first_week",
};

/** The maximum number of terms a text query uses; later terms are ignored. */
export const MAX_SEARCH_TERMS = 10;

/**
 * Splits a text query into the terms that must all appear: words separated by
 * spaces, and phrases in double quotes kept whole. `searchMatchSql` matches
 * each one.
 */
export function searchTerms(query: string): string[] {
  const terms = [...query.matchAll(/"([^"]+)"|(\S+)/gu)].map((match) => (match[1] ?? match[2] ?? "").trim().replace(/\s+/gu, " "));
  return terms.filter((term) => term.length > 0).slice(0, MAX_SEARCH_TERMS);
}

/**
 * Returns a SELECT of the papers the filter keeps, for use as a common table
 * expression. Each row adds `trend_on` (the date it counts under) with its
 * `trend_precision`,
 * `trend_end` (the last day that date may stand for: the end of the month for
 * a date known to the month) and `upvote_count` (the upvotes of the filter's
 * basis). A date range keeps only papers whose whole date span lies inside
 * it, so a paper known only to the year never lands in one month. `has_abstract`
 * is true when the paper has an abstract. Every value
 * is a bound parameter named `f_*`, so the text never contains user input.
 */
export function filteredPapersSql(filter: TrendFilter): SqlQuery {
  const trend = TREND_DATE_SQL[filter.dateBasis];
  const trendEnd = lastPossibleDaySql(trend.date, trend.precision);
  const upvotes = UPVOTES_SQL[filter.upvoteBasis];
  const conditions: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const add = (condition: string, name: string, value: DuckDBValue) => {
    conditions.push(condition);
    params[name] = value;
  };

  if (filter.from) add(`${trend.date} >= $f_from::DATE`, "f_from", filter.from);
  if (filter.to) add(`${trendEnd} <= $f_to::DATE`, "f_to", filter.to);
  if (filter.scope) add("p.scope = $f_scope", "f_scope", filter.scope);
  if (filter.topics.length > 0) {
    add(
      "EXISTS (SELECT 1 FROM paper_topics t WHERE t.paper_id = p.paper_id AND list_contains($f_topics, t.topic_id))",
      "f_topics",
      new DuckDBListValue(filter.topics),
    );
  }
  if (filter.hasCode !== undefined) add("(p.code_url IS NOT NULL) = $f_has_code", "f_has_code", filter.hasCode);
  if (filter.codeHost) add("p.code_host = $f_code_host", "f_code_host", filter.codeHost);
  if (filter.minUpvotes !== undefined) add(`${upvotes} >= $f_min_upvotes`, "f_min_upvotes", filter.minUpvotes);
  if (filter.minAuthors !== undefined) add("p.authors_count >= $f_min_authors", "f_min_authors", filter.minAuthors);
  if (filter.maxAuthors !== undefined) add("p.authors_count <= $f_max_authors", "f_max_authors", filter.maxAuthors);
  if (filter.allTopics.length > 0) {
    add(
      "(SELECT count(DISTINCT t.topic_id) FROM paper_topics t WHERE t.paper_id = p.paper_id AND list_contains($f_all_topics, t.topic_id)) = len(list_distinct($f_all_topics))",
      "f_all_topics",
      new DuckDBListValue(filter.allTopics),
    );
  }
  filter.terms.forEach((term, index) => {
    const match = termMatchSql(term, `f_term${index}`);
    conditions.push(match.condition);
    Object.assign(params, match.params);
  });
  const phrases = searchTerms(filter.q ?? "");
  if (phrases.length > 0) {
    const match = searchMatchSql(phrases, "f_q");
    conditions.push(match.condition);
    Object.assign(params, match.params);
  }

  const where = conditions.length > 0 ? `WHERE ${conditions.join("\n  AND ")}` : "";
  const columns = `p.*, ${trend.date} AS trend_on, ${trend.precision} AS trend_precision, ${trendEnd} AS trend_end, ${upvotes} AS upvote_count, ${HAS_ABSTRACT_SQL} AS has_abstract`;
  return { sql: `SELECT ${columns} FROM papers p\n${where}`, params };
}
