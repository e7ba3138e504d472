import type { DuckDBValue } from "@duckdb/node-api";
import { DuckDBListValue } from "@duckdb/node-api";
import type { TrendFilter } from "@alignment-trends/schema";
import type { SqlQuery } from "./database/readRows";

/**
 * The date a paper counts under on a time axis: the first day a digest listed
 * it, else its published date.
 */
export const TREND_DATE_SQL = "coalesce(p.first_listed_on, p.published_on)";

/** The most terms a text query uses; later terms are ignored. */
export const MAX_SEARCH_TERMS = 10;

/**
 * Splits a text query into the terms that must all appear: words separated by
 * spaces, and phrases in double quotes kept whole. Matching folds case.
 */
export function searchTerms(query: string): string[] {
  const terms = [...query.matchAll(/"([^"]+)"|(\S+)/gu)].map((match) => (match[1] ?? match[2] ?? "").trim().replace(/\s+/gu, " "));
  return terms.filter((term) => term.length > 0).slice(0, MAX_SEARCH_TERMS);
}

/**
 * Returns a SELECT of the papers the filter keeps, with their trend date as
 * `trend_on`, for use as a common table expression. Every value is a bound
 * parameter named `f_*`, so the text never contains user input.
 */
export function filteredPapersSql(filter: TrendFilter): SqlQuery {
  const conditions: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  const add = (condition: string, name: string, value: DuckDBValue) => {
    conditions.push(condition);
    params[name] = value;
  };

  if (filter.from) add(`${TREND_DATE_SQL} >= $f_from::DATE`, "f_from", filter.from);
  if (filter.to) add(`${TREND_DATE_SQL} <= $f_to::DATE`, "f_to", filter.to);
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
  if (filter.minUpvotes !== undefined) add("p.upvotes >= $f_min_upvotes", "f_min_upvotes", filter.minUpvotes);
  if (filter.minAuthors !== undefined) add("p.authors_count >= $f_min_authors", "f_min_authors", filter.minAuthors);
  if (filter.maxAuthors !== undefined) add("p.authors_count <= $f_max_authors", "f_max_authors", filter.maxAuthors);
  searchTerms(filter.q ?? "").forEach((term, index) => {
    add(`contains(lower(p.title || ' ' || coalesce(p.abstract, '')), lower($f_q${index}))`, `f_q${index}`, term);
  });

  const where = conditions.length > 0 ? `WHERE ${conditions.join("\n  AND ")}` : "";
  return { sql: `SELECT p.*, ${TREND_DATE_SQL} AS trend_on FROM papers p\n${where}`, params };
}
