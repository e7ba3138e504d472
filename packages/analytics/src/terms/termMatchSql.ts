import type { DuckDBValue } from "@duckdb/node-api";
import { shapeTerm } from "./termText";
import { wordPatternSql } from "./wordPatternSql";

/** The SQL that tests a paper (alias `p`) for a term, its parameters, and whether it reads the term index. */
export interface TermMatch {
  condition: string;
  params: Record<string, DuckDBValue>;
  indexed: boolean;
}

/** Splits a term as users write it, `DPO | direct preference optimization`, into its alternatives. */
export function splitAlternatives(term: string): string[] {
  return term
    .split("|")
    .map((alternative) => alternative.trim())
    .filter((alternative) => alternative.length > 0);
}

/**
 * Returns the SQL condition that a paper's title or abstract holds any
 * alternative of a term as whole words, case folded. Alternatives of one to
 * three words that start and end with a content word come from the term
 * index; others fall back to a regular expression over the text, which reads
 * every paper the rest of the filter keeps and is slower. `prefix` names the
 * parameters so that several terms can share one query. `scanText` makes
 * every alternative use the regular expression, which benchmarks and tests
 * use to compare both paths.
 */
export function termMatchSql(term: string, prefix: string, options: { scanText?: boolean } = {}): TermMatch {
  const conditions: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  let indexed = true;
  splitAlternatives(term).forEach((alternative, index) => {
    const shape = shapeTerm(alternative);
    const name = `${prefix}_${index}`;
    if (shape.words.length === 0) {
      conditions.push("false");
      return;
    }
    if (shape.indexed && !options.scanText) {
      conditions.push(`p.paper_id IN (SELECT t.paper_id FROM paper_terms t WHERE t.term = $${name})`);
      params[name] = shape.term;
      return;
    }
    indexed = false;
    const pattern = wordPatternSql(shape.words, name, { wordPrefix: false });
    conditions.push(pattern.condition);
    Object.assign(params, pattern.params);
  });
  return { condition: conditions.length > 0 ? `(${conditions.join(" OR ")})` : "false", params, indexed };
}
