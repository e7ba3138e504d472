import type { DuckDBConnection } from "@duckdb/node-api";
import { EMERGING_TITLE_RULE, HAS_ABSTRACT_SQL, readRow, readRows, trendMonthSql } from "@alignment-trends/analytics";
import { TERM_MONTH_SERIES_COLUMNS, TERM_MONTHS_COLUMNS } from "./createSchema";
import { TERM_TEXT_HASH_SQL } from "./termTextHashSql";

/** The papers an update looks at: those a load touched (the `pending_papers` temp table), or every paper. */
export type TermMonthsSelection = "pending" | "all";

/** The terms `term_months` counts. */
const COUNTED_TERMS = "SELECT term_id, term FROM term_month_counted";

const SELECTED_SQL: Record<TermMonthsSelection, string> = {
  pending: "SELECT DISTINCT paper_id FROM pending_papers",
  all: "SELECT paper_id FROM papers UNION SELECT paper_id FROM term_month_papers",
};

/**
 * The share of `term_months` rows at or above which an update rewrites the
 * counts in order instead of changing rows in place. The emerging-terms
 * queries read a range of months or a few terms, so tables in month and in
 * term order let DuckDB skip the row groups outside them.
 */
const REWRITE_SHARE = 0.1;

/**
 * Counted terms per statement. Counting a million synthetic papers in one
 * statement ran out of DuckDB's 512 MB: it held every title term and all the
 * counts at once.
 */
const SLICE_TERMS = 50_000;

/** When an update rewrites the table, and how many terms each statement counts; tests lower them. */
export interface TermMonthsLimits {
  rewriteShare: number;
  sliceTerms: number;
}

const DEFAULT_LIMITS: TermMonthsLimits = { rewriteShare: REWRITE_SHARE, sliceTerms: SLICE_TERMS };

/** The second half of an update, run after the term index contains the papers' new rows. */
export interface TermMonthsUpdate {
  finish(): Promise<TermMonthsOutcome>;
}

/** The outcome of an update: papers counted again, terms it began to count, and whether it rewrote the table. */
export interface TermMonthsOutcome {
  papers: number;
  newTerms: number;
  rewritten: boolean;
}

/**
 * Starts bringing `term_months` up to date for the selected papers, inside
 * the caller's transaction. `term_months` counts, per date basis, month,
 * scope and term, the papers with an abstract whose date fits that month
 * (`papers`) and those with the term in their title (`title_papers`).
 *
 * It counts only terms in the titles of at least two counted papers, because
 * an emerging term must be in at least two recent titles: 625,000 of the
 * 5.7 million title terms of a million synthetic papers. `term_month_terms`
 * keeps every title term with an integer id and its number of title papers,
 * and `term_month_counted` the ids and texts of the terms `term_months`
 * counts. A term once counted stays counted. Integer ids halved the time to
 * scan the table. Looking up the candidates' texts in the counted terms alone
 * took 10 ms instead of 50 ms at a million papers. `term_month_papers`
 * records the months and scope each paper was counted under. Every statement
 * covers one slice of terms (`sliceTerms`), so memory stays bounded at any
 * size.
 *
 * Call it before the term index changes: it takes back the counts of papers
 * whose months, scope or text changed, using their old index rows. Then call
 * `finish` after the index contains their new rows. A load whose papers
 * changed only in upvotes or other fields skips the rest.
 */
export async function startTermMonthsUpdate(
  connection: DuckDBConnection,
  selection: TermMonthsSelection,
  limits: TermMonthsLimits = DEFAULT_LIMITS,
): Promise<TermMonthsUpdate> {
  // Find the selected papers whose counted state or indexed text changed.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE term_month_changes AS
     WITH selected AS (${SELECTED_SQL[selection]}),
     current AS (
       SELECT * FROM (${currentStatesSql("SELECT paper_id FROM selected")}) c
       JOIN (SELECT paper_id, ${TERM_TEXT_HASH_SQL} AS text_hash FROM papers WHERE paper_id IN (SELECT paper_id FROM selected)) USING (paper_id)
     ),
     recorded AS (
       SELECT r.*, x.text_hash FROM term_month_papers r LEFT JOIN paper_term_texts x USING (paper_id)
       WHERE r.paper_id IN (SELECT paper_id FROM selected)
     )
     SELECT coalesce(c.paper_id, r.paper_id) AS paper_id, c.paper_id IS NOT NULL AS counted
     FROM current c FULL JOIN recorded r USING (paper_id)
     WHERE c.listed_month IS DISTINCT FROM r.listed_month
        OR c.published_month IS DISTINCT FROM r.published_month
        OR c.scope IS DISTINCT FROM r.scope
        OR c.text_hash IS DISTINCT FROM r.text_hash`,
  );
  await connection.run(`CREATE OR REPLACE TABLE term_month_delta (${TERM_MONTHS_COLUMNS})`);
  await connection.run("CREATE OR REPLACE TEMP TABLE term_title_changes (term VARCHAR, papers INTEGER)");

  // Take back the title terms and counts of the changed papers, from their recorded state and old index rows.
  const recorded = "SELECT paper_id FROM term_month_papers WHERE paper_id IN (SELECT paper_id FROM term_month_changes)";
  const { papers: recordedPapers } = await readRow(connection, { sql: `SELECT count(*) AS papers FROM (${recorded})` });
  if (Number(recordedPapers) > 0) {
    await connection.run(`INSERT INTO term_title_changes ${titleTermsSql(recorded, -1)}`);
    for (const slice of await sliceTerms(connection, limits.sliceTerms, COUNTED_TERMS)) {
      await connection.run(`INSERT INTO term_month_delta ${countsSql(slice, COUNTED_TERMS, recorded, -1)}`, slice.params);
    }
  }
  await connection.run("DELETE FROM term_month_papers WHERE paper_id IN (SELECT paper_id FROM term_month_changes)");

  return { finish: () => finishTermMonthsUpdate(connection, limits) };
}

async function finishTermMonthsUpdate(connection: DuckDBConnection, limits: TermMonthsLimits): Promise<TermMonthsOutcome> {
  const { papers: changedPapers } = await readRow(connection, { sql: "SELECT count(*) AS papers FROM term_month_changes" });
  if (Number(changedPapers) === 0) {
    await dropUpdateTables(connection);
    return { papers: 0, newTerms: 0, rewritten: false };
  }

  // Record the state the changed papers now count under, and add their title terms.
  const countedPapers = "SELECT paper_id FROM term_month_changes WHERE counted";
  await connection.run(`INSERT INTO term_month_papers ${currentStatesSql(countedPapers)}`);
  await connection.run(`INSERT INTO term_title_changes ${titleTermsSql(countedPapers, 1)}`);
  await updateTitleCounts(connection);

  // Terms now in enough titles to become emerging start to be counted.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE term_month_new_terms AS
     SELECT term_id, term FROM term_month_terms
     WHERE title_papers >= $min_titles AND term_id NOT IN (SELECT term_id FROM term_month_counted)`,
    { min_titles: EMERGING_TITLE_RULE.minTitlePapers },
  );
  const work = await readRow(connection, {
    sql: `SELECT (SELECT count(*) FROM term_month_changes WHERE counted) AS papers, (SELECT count(*) FROM term_month_new_terms) AS new_terms,
      (SELECT count(*) FROM term_month_counted) AS counted_terms`,
  });

  // Count the changed papers under the terms counted before, and every paper under the new ones.
  const newTerms = "SELECT term_id, term FROM term_month_new_terms";
  const slices = await sliceTerms(connection, limits.sliceTerms, `${COUNTED_TERMS} UNION ALL ${newTerms}`);
  for (const slice of slices) {
    if (Number(work.papers) > 0 && Number(work.counted_terms) > 0) {
      await connection.run(`INSERT INTO term_month_delta ${countsSql(slice, COUNTED_TERMS, countedPapers, 1)}`, slice.params);
    }
    if (Number(work.new_terms) > 0) {
      await connection.run(`INSERT INTO term_month_delta ${countsSql(slice, newTerms, "SELECT paper_id FROM term_month_papers", 1)}`, slice.params);
    }
  }
  await connection.run("INSERT INTO term_month_counted SELECT term_id, term FROM term_month_new_terms ORDER BY term_id");

  const rewritten = await applyTermMonthsDelta(connection, slices, limits.rewriteShare);
  await dropUpdateTables(connection);
  return { papers: Number(changedPapers), newTerms: Number(work.new_terms), rewritten };
}

async function dropUpdateTables(connection: DuckDBConnection): Promise<void> {
  for (const table of ["term_month_delta", "term_month_changes", "term_title_changes", "term_month_new_terms"]) {
    await connection.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * Returns a SELECT of each title term of the papers of `paperIdsSql` with its
 * number of those papers, times `sign`.
 *
 * NOTE: this and the slices read the whole term index for a few papers. A
 * load of 102 records into a million papers took 91 s against 44 s before
 * the monthly counts, 53 s of it in their statements.
 */
function titleTermsSql(paperIdsSql: string, sign: 1 | -1): string {
  return `SELECT term, ${sign} * count(*) FROM paper_terms WHERE in_title AND paper_id IN (${paperIdsSql}) GROUP BY term`;
}

/** Adds `term_title_changes` to the title counts of `term_month_terms`, giving each term new to it an id above all earlier ones. */
async function updateTitleCounts(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE term_title_sums AS
     SELECT term, sum(papers)::INTEGER AS papers FROM term_title_changes GROUP BY term HAVING sum(papers) <> 0`,
  );
  await connection.run(
    `UPDATE term_month_terms t SET title_papers = t.title_papers + s.papers FROM term_title_sums s WHERE t.term = s.term`,
  );
  const { last_id: lastId } = await readRow(connection, { sql: "SELECT coalesce(max(term_id), 0) AS last_id FROM term_month_terms" });
  await connection.run(
    `INSERT INTO term_month_terms
     SELECT $last_id + row_number() OVER (ORDER BY s.term), s.term, s.papers
     FROM term_title_sums s ANTI JOIN term_month_terms t ON t.term = s.term
     ORDER BY s.term`,
    { last_id: Number(lastId) },
  );
  await connection.run("DROP TABLE term_title_sums");
}

/** Returns a SELECT of the months and scope that the papers of `paperIdsSql` count under now, for those that count. */
function currentStatesSql(paperIdsSql: string): string {
  return `SELECT * FROM (
      SELECT p.paper_id, ${trendMonthSql("listed")} AS listed_month, ${trendMonthSql("published")} AS published_month, p.scope
      FROM papers p WHERE ${HAS_ABSTRACT_SQL} AND p.paper_id IN (${paperIdsSql})
    ) WHERE listed_month IS NOT NULL OR published_month IS NOT NULL`;
}

/**
 * Returns a SELECT of the counts that the papers of `paperIdsSql`, in their
 * recorded state, give the slice's terms of `termsSql` (`term_id`, `term`),
 * each multiplied by `sign`. A paper counts once under each date basis whose month
 * it has. Joining one row per paper and splitting by basis after the join
 * keeps half as many rows in memory as a row per basis.
 */
function countsSql(slice: TermSlice, termsSql: string, paperIdsSql: string, sign: 1 | -1): string {
  return `WITH terms AS (
      SELECT term_id, term FROM (${termsSql}) WHERE ${slice.condition("term")}
    ),
    joined AS (
      SELECT s.listed_month, s.published_month, s.scope, d.term_id, t.in_title
      FROM paper_terms t JOIN terms d ON d.term = t.term
      JOIN (SELECT * FROM term_month_papers WHERE paper_id IN (${paperIdsSql})) s USING (paper_id)
      WHERE ${slice.condition("t.term")}
    )
    SELECT 'listed', listed_month, scope, term_id, ${sign} * count(*), ${sign} * count(*) FILTER (WHERE in_title)
    FROM joined WHERE listed_month IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'published', published_month, scope, term_id, ${sign} * count(*), ${sign} * count(*) FILTER (WHERE in_title)
    FROM joined WHERE published_month IS NOT NULL GROUP BY ALL`;
}

/** A range of terms in text order, as a condition on a column and the values it binds. */
interface TermSlice {
  condition(column: string): string;
  params: Record<string, string>;
}

/**
 * Splits the terms of `termsSql`, a SELECT with a `term` column, into ranges
 * of `size` terms. A
 * statement over one range keeps only that range's terms and counts in
 * memory, and reads only its part of the term index, which is in term order.
 */
async function sliceTerms(connection: DuckDBConnection, size: number, termsSql: string): Promise<TermSlice[]> {
  const bounds = await readRows(connection, {
    sql: `SELECT term FROM (SELECT term, row_number() OVER (ORDER BY term) AS n FROM (${termsSql}))
      WHERE n % $size = 1 AND n > 1 ORDER BY term`,
    params: { size },
  });
  const edges = [null, ...bounds.map((row) => String(row.term)), null];
  return edges.slice(1).map((to, index) => {
    const from = edges[index]!;
    const params: Record<string, string> = {};
    if (from !== null) params.slice_from = from;
    if (to !== null) params.slice_to = to;
    return {
      params,
      condition: (column) =>
        [from === null ? "" : `${column} >= $slice_from`, to === null ? "" : `${column} < $slice_to`].filter(Boolean).join(" AND ") || "true",
    };
  });
}

/**
 * Adds `term_month_delta` to `term_months` and `term_month_series` and drops
 * rows that reach zero papers. A delta of at least `rewriteShare` of the
 * table's rows rewrites both tables from merged counts, one slice of terms at
 * a time. A smaller delta updates and appends in place. Returns whether it
 * rewrote.
 */
async function applyTermMonthsDelta(connection: DuckDBConnection, slices: TermSlice[], rewriteShare: number): Promise<boolean> {
  const sizes = await readRow(connection, {
    sql: "SELECT (SELECT count(*) FROM term_month_delta) AS changed, (SELECT count(*) FROM term_months) AS held",
  });

  // With no counts held, no paper had counts to take back, and each term's counts come from one statement, so the delta has one row per key.
  if (Number(sizes.held) === 0) {
    await writeSortedCounts(connection, "term_month_delta");
    return Number(sizes.changed) > 0;
  }
  if (Number(sizes.changed) >= rewriteShare * Number(sizes.held)) {
    await connection.run(`CREATE OR REPLACE TABLE term_month_merged (${TERM_MONTHS_COLUMNS})`);
    for (const slice of slices) {
      await connection.run(
        `INSERT INTO term_month_merged
         WITH ids AS (SELECT term_id FROM term_month_counted WHERE ${slice.condition("term")})
         SELECT basis, month, scope, term_id, sum(papers)::INTEGER, sum(title_papers)::INTEGER
         FROM (
           SELECT * FROM term_months WHERE term_id IN (SELECT term_id FROM ids)
           UNION ALL
           SELECT * FROM term_month_delta WHERE term_id IN (SELECT term_id FROM ids)
         )
         GROUP BY ALL HAVING sum(papers) > 0`,
        slice.params,
      );
    }
    // Dropping, not deleting: DuckDB keeps a mark per deleted row in memory until the transaction ends.
    await connection.run("DROP TABLE term_months");
    await connection.run("DROP TABLE term_month_series");
    await connection.run(`CREATE TABLE term_months (${TERM_MONTHS_COLUMNS})`);
    await connection.run(`CREATE TABLE term_month_series (${TERM_MONTH_SERIES_COLUMNS})`);
    await writeSortedCounts(connection, "term_month_merged");
    await connection.run("DROP TABLE term_month_merged");
    return true;
  }

  await connection.run(
    `CREATE OR REPLACE TEMP TABLE term_month_sums AS
     SELECT basis, month, scope, term_id, sum(papers)::INTEGER AS papers, sum(title_papers)::INTEGER AS title_papers
     FROM term_month_delta GROUP BY ALL HAVING sum(papers) <> 0 OR sum(title_papers) <> 0`,
  );
  const sameKey = "m.basis = s.basis AND m.month = s.month AND m.scope = s.scope AND m.term_id = s.term_id";
  await connection.run(
    `UPDATE term_months m SET papers = m.papers + s.papers, title_papers = m.title_papers + s.title_papers FROM term_month_sums s WHERE ${sameKey}`,
  );
  await connection.run(
    `INSERT INTO term_months SELECT s.* FROM term_month_sums s ANTI JOIN term_months m ON ${sameKey} ORDER BY s.basis, s.month, s.term_id`,
  );
  await connection.run("DELETE FROM term_months WHERE papers <= 0");
  await connection.run(`UPDATE term_month_series m SET papers = m.papers + s.papers FROM term_month_sums s WHERE ${sameKey}`);
  await connection.run(
    `INSERT INTO term_month_series
     SELECT s.basis, s.scope, s.term_id, s.month, s.papers FROM term_month_sums s ANTI JOIN term_month_series m ON ${sameKey}
     ORDER BY s.basis, s.term_id, s.month`,
  );
  await connection.run("DELETE FROM term_month_series WHERE papers <= 0");
  await connection.run("DROP TABLE term_month_sums");
  return false;
}

/**
 * Writes the counts of `source` with papers into the empty `term_months`, in
 * month order, and `term_month_series`, in term order. The candidates read a
 * range of months and the bursts a few terms over every month. So each table
 * lets DuckDB skip the row groups outside its range, and the bursts of 20
 * terms took 30 ms instead of 200 ms at a million papers.
 */
async function writeSortedCounts(connection: DuckDBConnection, source: string): Promise<void> {
  await connection.run(`INSERT INTO term_months SELECT * FROM ${source} WHERE papers > 0 ORDER BY basis, month, term_id`);
  await connection.run(
    `INSERT INTO term_month_series SELECT basis, scope, term_id, month, papers FROM ${source} WHERE papers > 0 ORDER BY basis, term_id, month`,
  );
}
