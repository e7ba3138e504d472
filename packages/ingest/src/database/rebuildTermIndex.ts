import { DuckDBListValue, type DuckDBConnection } from "@duckdb/node-api";
import { CLAUSE_BREAK_PATTERN, MAX_INDEXED_WORDS, readRow, STOP_WORDS } from "@alignment-trends/analytics";
import { PAPER_TERMS_COLUMNS } from "./createSchema";
import { TERM_TEXT_HASH_SQL } from "./termTextHashSql";

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
 * The share of all papers at or above which a load rewrites the index in term
 * order instead of appending its papers' terms. A rewrite costs time in
 * proportion to the whole index: most of the 58 s that 3,000 records took to
 * load into 100,000 papers on two shared cores. So a small load skips it. The
 * appended rows sit unsorted at the end until a load of at least this share
 * rewrites the index.
 */
const REWRITE_SHARE = 0.1;

/**
 * The largest number of index rows a load deletes in place; past it, the load
 * rewrites the index. DuckDB keeps the marks of deleted rows in memory, per
 * vector of 2,048 rows, until the transaction ends. The index is in term
 * order, so each deleted row of a paper lands in its own vector. In a 100,000-paper index
 * (13,000 vectors), deleting 2,700 rows fitted in a 100 MB limit and not in
 * 60 MB, and deleting rows in every vector needed between 250 and 400 MB:
 * about 25 KB per vector touched. So this bound keeps a delete near 200 MB at
 * any size, well within the ingest's 512 MB default. A rewrite sorts on disk
 * past the limit, so its memory is bounded.
 */
const MAX_DELETED_ROWS = 8_000;

/** When a load rewrites the index instead of changing it in place; tests lower them. */
export interface TermIndexLimits {
  rewriteShare: number;
  maxDeletedRows: number;
}

const DEFAULT_LIMITS: TermIndexLimits = { rewriteShare: REWRITE_SHARE, maxDeletedRows: MAX_DELETED_ROWS };

/** The outcome of a term index update: papers whose terms it computed, rows it removed, and whether it rewrote the table. */
export interface TermIndexOutcome {
  indexed: number;
  removedRows: number;
  rewritten: boolean;
}

/**
 * Brings the term index up to date inside the caller's transaction. It acts
 * only on the papers in `pending_papers` whose title or abstract changed or
 * that are gone: their old rows go, and those that still exist get new rows.
 * `paper_term_texts` keeps, per indexed paper, the hash of its text and its
 * number of rows.
 *
 * A load that indexes at least a tenth of the papers, or would delete more
 * than `MAX_DELETED_ROWS` rows, rewrites the whole table in term order.
 * DuckDB keeps the least and greatest value of each column per row group, so
 * a lookup of one term then reads a few row groups instead of all of them:
 * about ten times faster on 1.5 million rows.
 */
export async function rebuildTermIndex(connection: DuckDBConnection, limits: TermIndexLimits = DEFAULT_LIMITS): Promise<TermIndexOutcome> {
  if (MAX_INDEXED_WORDS !== 3) throw new Error("the term index SQL builds terms of up to three words; change it with MAX_INDEXED_WORDS");

  // Find the touched papers whose indexed text is new, changed or gone.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE term_changes AS
     WITH touched AS (
       SELECT DISTINCT paper_id FROM pending_papers
     ),
     current AS (
       SELECT paper_id, ${TERM_TEXT_HASH_SQL} AS text_hash FROM papers WHERE paper_id IN (SELECT paper_id FROM touched)
     ),
     recorded AS (
       SELECT paper_id, text_hash, terms FROM paper_term_texts WHERE paper_id IN (SELECT paper_id FROM touched)
     )
     SELECT t.paper_id, c.text_hash, s.terms AS old_terms
     FROM touched t LEFT JOIN current c USING (paper_id) LEFT JOIN recorded s USING (paper_id)
     WHERE c.text_hash IS DISTINCT FROM s.text_hash`,
  );
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE term_queue AS
     SELECT row_number() OVER () AS n, paper_id FROM term_changes WHERE text_hash IS NOT NULL`,
  );
  const counts = await readRow(connection, {
    sql: `SELECT (SELECT count(*) FROM term_queue) AS queued,
                 (SELECT coalesce(sum(old_terms), 0) FROM term_changes) AS removed,
                 (SELECT count(*) FROM papers) AS papers`,
  });
  const queued = Number(counts.queued);
  const removedRows = Number(counts.removed);

  // Compute the changed papers' terms a slice at a time.
  await connection.run(`CREATE OR REPLACE TEMP TABLE new_terms (${PAPER_TERMS_COLUMNS})`);
  const stop = new DuckDBListValue([...STOP_WORDS]);
  for (let first = 1; first <= queued; first += SLICE_PAPERS) {
    await connection.run(SLICE_TERMS_SQL, { first, last: first + SLICE_PAPERS - 1, stop, clause_break: CLAUSE_BREAK_PATTERN });
  }

  const rewritten = queued >= limits.rewriteShare * Number(counts.papers) || removedRows > limits.maxDeletedRows;
  if (rewritten) {
    // Write the kept rows and the new ones, sorted, in place of the old table.
    await connection.run(`CREATE TABLE paper_terms_next (${PAPER_TERMS_COLUMNS})`);
    await connection.run(
      `INSERT INTO paper_terms_next
       SELECT * FROM (
         SELECT paper_id, term, in_title FROM paper_terms WHERE paper_id NOT IN (SELECT paper_id FROM term_changes WHERE old_terms IS NOT NULL)
         UNION ALL
         SELECT paper_id, term, in_title FROM new_terms
       ) ORDER BY term, paper_id`,
    );
    await connection.run("DROP TABLE paper_terms");
    await connection.run("ALTER TABLE paper_terms_next RENAME TO paper_terms");
  } else {
    if (removedRows > 0) {
      await connection.run("DELETE FROM paper_terms WHERE paper_id IN (SELECT paper_id FROM term_changes WHERE old_terms IS NOT NULL)");
    }
    await connection.run("INSERT INTO paper_terms SELECT paper_id, term, in_title FROM new_terms ORDER BY term, paper_id");
  }

  // Record the text each indexed paper's rows now come from.
  await connection.run("DELETE FROM paper_term_texts WHERE paper_id IN (SELECT paper_id FROM term_changes)");
  await connection.run(
    `INSERT INTO paper_term_texts
     SELECT q.paper_id, c.text_hash, coalesce(n.terms, 0)
     FROM term_queue q JOIN term_changes c USING (paper_id)
     LEFT JOIN (SELECT paper_id, count(*)::INTEGER AS terms FROM new_terms GROUP BY paper_id) n USING (paper_id)`,
  );

  for (const table of ["new_terms", "term_queue", "term_changes"]) await connection.run(`DROP TABLE ${table}`);
  return { indexed: queued, removedRows, rewritten };
}
