import { DuckDBListValue, type DuckDBConnection } from "@duckdb/node-api";
import { CLAUSE_BREAK_PATTERN, MAX_INDEXED_WORDS, STOP_WORDS } from "@alignment-trends/analytics";

/*
 * The words of a text, as the analytics split queries: NFC, lower case, runs
 * of letters and digits. Terms are runs of one to three words within one
 * clause of the title or of the abstract that start and end with a content
 * word; `in_title` is true when the title contains the term.
 */
const INDEX_TERMS_SQL = `
INSERT INTO paper_terms
WITH texts AS (
  SELECT paper_id, title AS text, true AS in_title FROM papers WHERE paper_id IN (SELECT paper_id FROM affected_papers)
  UNION ALL
  SELECT paper_id, abstract, false FROM papers WHERE abstract IS NOT NULL AND paper_id IN (SELECT paper_id FROM affected_papers)
),
clauses AS (
  SELECT paper_id, in_title, unnest(string_split_regex(lower(nfc_normalize(text)), $clause_break)) AS clause FROM texts
),
words AS (
  SELECT paper_id, in_title, regexp_extract_all(clause, '[\\p{L}\\p{N}]+') AS words FROM clauses
),
grams AS (
  SELECT paper_id, in_title, unnest(list_concat(
    list_transform(words, w -> {'term': w, 'first': w, 'last': w}),
    list_transform(range(1, len(words)), k -> {'term': words[k] || ' ' || words[k + 1], 'first': words[k], 'last': words[k + 1]}),
    list_transform(range(1, len(words) - 1), k -> {'term': words[k] || ' ' || words[k + 1] || ' ' || words[k + 2], 'first': words[k], 'last': words[k + 2]})
  )) AS gram
  FROM words
)
SELECT paper_id, gram.term, bool_or(in_title)
FROM grams
WHERE NOT list_contains($stop, gram.first) AND NOT list_contains($stop, gram.last) AND length(gram.term) <= 80
GROUP BY paper_id, gram.term`;

/**
 * Rebuilds the term index rows of the papers in `affected_papers`, inside the
 * caller's transaction, so that term comparisons and emerging terms read
 * (term, paper) pairs instead of scanning abstracts.
 */
export async function indexTerms(connection: DuckDBConnection): Promise<void> {
  if (MAX_INDEXED_WORDS !== 3) throw new Error("the term index SQL builds terms of up to three words; change it with MAX_INDEXED_WORDS");
  await connection.run("DELETE FROM paper_terms WHERE paper_id IN (SELECT paper_id FROM affected_papers)");
  await connection.run(INDEX_TERMS_SQL, { stop: new DuckDBListValue([...STOP_WORDS]), clause_break: CLAUSE_BREAK_PATTERN });
}
