import type { DuckDBValue } from "@duckdb/node-api";
import { CLAUSE_BREAK_PATTERN } from "./termText";

/** A condition on a paper (alias `p`) and its parameters. */
export interface SqlCondition {
  condition: string;
  params: Record<string, DuckDBValue>;
}

/**
 * Returns the condition that a paper's title or abstract contains `words` in a
 * row within one clause, by a regular expression over the text, normalized
 * as the term index is. With `wordPrefix` the last word may also begin a
 * longer word, so "reward hack" finds "reward hacking". The expression reads
 * every paper the rest of the filter keeps, so it is the path for phrases
 * that the term index does not contain.
 */
export function wordPatternSql(words: string[], name: string, options: { wordPrefix: boolean }): SqlCondition {
  // Clause breaks become "|", which the pattern does not cross, as the index does not.
  // Words contain only letters and digits, so they need no escaping inside the expression.
  const end = options.wordPrefix ? "" : "($|[^\\p{L}\\p{N}])";
  return {
    condition: `regexp_matches(regexp_replace(lower(nfc_normalize(p.title || ' | ' || coalesce(p.abstract, ''))), $clause_break, '|', 'g'), $${name})`,
    params: { [name]: `(^|[^\\p{L}\\p{N}])${words.join("[^\\p{L}\\p{N}|]+")}${end}`, clause_break: CLAUSE_BREAK_PATTERN },
  };
}
