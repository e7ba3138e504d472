import { DuckDBListValue, type DuckDBConnection } from "@duckdb/node-api";
import { CLAUSE_BREAK_PATTERN, MAX_INDEXED_WORDS, readRow, STOP_WORDS } from "@alignment-trends/analytics";
import { PAPER_TERMS_COLUMNS } from "./createSchema";

/*
 * The words of a text, as the analytics split queries: NFC, lower case, runs
 * of letters and digits. Terms are runs of one to three words within one
 * clause of the title or of the abstract that start and end with a content
 * word; `in_title` is true when the title contains the term. Each word is
 * looked up in the stop list once, and a term reads the flags of its first and
 * last word: three to four times faster than testing both ends of every term.
 */
const SLICE_TERMS_SQL = `
INSERT INTO new_terms
WITH slice AS (
  SELECT paper_id FROM term_queue WHERE n BETWEEN $first AND $last
),
texts AS (
  SELECT paper_id, title AS text, true AS in_title FROM papers WHERE paper_id IN (SELECT paper_id FROM slice)
  UNION ALL
  SELECT paper_id, abstract, false FROM papers WHERE abstract IS NOT NULL AND paper_id IN (SELECT paper_id FROM slice)
),
clauses AS (
  SELECT paper_id, in_title, unnest(string_split_regex(lower(nfc_normalize(text)), $clause_break)) AS clause FROM texts
),
words AS (
  SELECT paper_id, in_title, regexp_extract_all(clause, '[\\p{L}\\p{N}]+') AS words FROM clauses
),
flagged AS (
  SELECT paper_id, in_title, words, list_transform(words, w -> list_contains($stop, w)) AS stop FROM words
),
terms AS (
  SELECT paper_id, in_title, unnest(list_concat(
    list_transform(list_filter(range(1, len(words) + 1), k -> NOT stop[k]), k -> words[k]),
    list_transform(list_filter(range(1, len(words)), k -> NOT stop[k] AND NOT stop[k + 1]), k -> words[k] || ' ' || words[k + 1]),
    list_transform(list_filter(range(1, len(words) - 1), k -> NOT stop[k] AND NOT stop[k + 2]), k -> words[k] || ' ' || words[k + 1] || ' ' || words[k + 2])
  )) AS term
  FROM flagged
)
SELECT paper_id, term, bool_or(in_title) AS in_title FROM terms WHERE length(term) <= 80 GROUP BY paper_id, term`;

/**
 * Papers whose terms are computed in one statement. The statement keeps all
 * of a slice's terms in memory at once (about 300 per paper with an
 * abstract), so slices keep an ingest of any size within DuckDB's memory
 * limit.
 */
const SLICE_PAPERS = 10_000;

/**
 * The share of all papers below which a load appends its papers' terms to the
 * index instead of rewriting it in term order. A rewrite costs time in
 * proportion to the whole index: most of the 58 s that 3,000 records took to
 * load into 100,000 papers on two shared cores. So a small load skips it. The appended rows sit unsorted at the end until a
 * load of at least this share rewrites the index.
 */
const REWRITE_SHARE = 0.1;

/**
 * Brings the term index up to date inside the caller's transaction: the rows
 * of papers in `pending_papers` go, and the pending papers that still exist
 * get their rows computed afresh. A load that touches at least a tenth of the
 * papers rewrites the whole table in term order. DuckDB keeps the least and
 * greatest value of each column per row group, so a lookup of one term then
 * reads a few row groups instead of all of them: about ten times faster on
 * 1.5 million rows. DuckDB's sort spills to disk, so a rewrite fits in its
 * memory limit.
 */
export async function rebuildTermIndex(connection: DuckDBConnection): Promise<void> {
  if (MAX_INDEXED_WORDS !== 3) throw new Error("the term index SQL builds terms of up to three words; change it with MAX_INDEXED_WORDS");

  // Compute the pending papers' terms a slice at a time.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE term_queue AS
     SELECT row_number() OVER () AS n, paper_id FROM papers WHERE paper_id IN (SELECT paper_id FROM pending_papers)`,
  );
  await connection.run(`CREATE OR REPLACE TEMP TABLE new_terms (${PAPER_TERMS_COLUMNS})`);
  const counts = await readRow(connection, { sql: "SELECT (SELECT count(*) FROM term_queue) AS queued, (SELECT count(*) FROM papers) AS papers" });
  const queued = Number(counts.queued);
  const stop = new DuckDBListValue([...STOP_WORDS]);
  for (let first = 1; first <= queued; first += SLICE_PAPERS) {
    await connection.run(SLICE_TERMS_SQL, { first, last: first + SLICE_PAPERS - 1, stop, clause_break: CLAUSE_BREAK_PATTERN });
  }

  if (queued >= REWRITE_SHARE * Number(counts.papers)) {
    // Write the kept rows and the new ones, sorted, in place of the old table.
    await connection.run(`CREATE TABLE paper_terms_next (${PAPER_TERMS_COLUMNS})`);
    await connection.run(
      `INSERT INTO paper_terms_next
       SELECT * FROM (
         SELECT paper_id, term, in_title FROM paper_terms WHERE paper_id NOT IN (SELECT paper_id FROM pending_papers)
         UNION ALL
         SELECT paper_id, term, in_title FROM new_terms
       ) ORDER BY term, paper_id`,
    );
    await connection.run("DROP TABLE paper_terms");
    await connection.run("ALTER TABLE paper_terms_next RENAME TO paper_terms");
  } else {
    await connection.run("DELETE FROM paper_terms WHERE paper_id IN (SELECT paper_id FROM pending_papers)");
    await connection.run("INSERT INTO paper_terms SELECT paper_id, term, in_title FROM new_terms ORDER BY term, paper_id");
  }
  await connection.run("DROP TABLE new_terms");
  await connection.run("DROP TABLE term_queue");
}
