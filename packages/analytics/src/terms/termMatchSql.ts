import type { DuckDBValue } from "@duckdb/node-api";
import { CLAUSE_BREAK_PATTERN, shapeTerm } from "./termText";

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
      conditions.push(`EXISTS (SELECT 1 FROM paper_terms t WHERE t.paper_id = p.paper_id AND t.term = $${name})`);
      params[name] = shape.term;
      return;
    }
    indexed = false;
    // Clause breaks become "|", which the pattern does not cross, as the index does not.
    // Words hold only letters and digits, so they need no escaping inside the expression.
    conditions.push(`regexp_matches(regexp_replace(lower(nfc_normalize(p.title || ' | ' || coalesce(p.abstract, ''))), $clause_break, '|', 'g'), $${name})`);
    params[name] = `(^|[^\\p{L}\\p{N}])${shape.words.join("[^\\p{L}\\p{N}|]+")}($|[^\\p{L}\\p{N}])`;
    params.clause_break = CLAUSE_BREAK_PATTERN;
  });
  return { condition: conditions.length > 0 ? `(${conditions.join(" OR ")})` : "false", params, indexed };
}
