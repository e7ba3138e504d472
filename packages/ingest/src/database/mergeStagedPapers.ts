import type { DuckDBConnection } from "@duckdb/node-api";
import { readRow } from "@alignment-trends/analytics";

export interface MergeContext {
  digestId: number;
  digestDate: string | null;
  /** The rank of the digest's source; a field takes a new value only from a source of equal or higher rank. */
  sourcePriority: number;
}

export interface MergeCounts {
  newPapers: number;
  updatedPapers: number;
  duplicatesInFile: number;
}

/*
 * Resolution keeps the first record of each identity in the file, then finds
 * the paper each one belongs to: by arXiv id, else by normalized title. A
 * record with an arXiv id whose title matches a paper known only by its title
 * takes that paper over and gives it the arXiv id as its key.
 * NOTE: within one file, a record with an arXiv id and a title-only record of
 * the same paper resolve separately, so they stay two papers until a later
 * digest links them. No format read today mixes both kinds in one file.
 */
const RESOLVE_SQL = `
CREATE OR REPLACE TEMP TABLE resolved AS
WITH ranked AS (
  SELECT *, row_number() OVER (PARTITION BY coalesce(arxiv_id, 'title:' || title_key) ORDER BY row_no) AS occurrence
  FROM staged_records
),
firsts AS (SELECT * EXCLUDE (occurrence) FROM ranked WHERE occurrence = 1),
by_arxiv AS (
  SELECT f.row_no, p.paper_id FROM firsts f JOIN papers p ON p.arxiv_id = f.arxiv_id
),
by_title AS (
  SELECT f.row_no, min(p.paper_id) AS paper_id
  FROM firsts f JOIN papers p ON p.title_key = f.title_key
  WHERE (f.arxiv_id IS NULL OR p.arxiv_id IS NULL) AND f.row_no NOT IN (SELECT row_no FROM by_arxiv)
  GROUP BY f.row_no
),
matched AS (
  SELECT f.*,
    coalesce(a.paper_id, t.paper_id) AS existing_id,
    a.paper_id IS NULL AND t.paper_id IS NOT NULL AND f.arxiv_id IS NOT NULL AS rekey,
    coalesce(a.paper_id, f.arxiv_id, t.paper_id, f.new_paper_id) AS paper_id
  FROM firsts f LEFT JOIN by_arxiv a USING (row_no) LEFT JOIN by_title t USING (row_no)
)
SELECT m.*, p.source_priority AS old_priority
FROM matched m LEFT JOIN papers p ON p.paper_id = m.existing_id
QUALIFY row_number() OVER (PARTITION BY coalesce(m.existing_id, m.paper_id) ORDER BY m.row_no) = 1`;

const CHILD_TABLES = ["sightings", "paper_authors", "paper_keywords", "paper_links", "paper_topics", "paper_scopes"];

const INSERT_NEW_PAPERS_SQL = `
INSERT INTO papers
SELECT paper_id, arxiv_id, title, title_key, abstract, published_on, published_precision, NULL, authors_count,
  0, comments, code_url, code_host, project_page, $priority, 'off-topic', now()::TIMESTAMP
FROM resolved WHERE existing_id IS NULL`;

const PRECISION_RANK = (column: string) =>
  `CASE ${column} WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END`;

/** A field takes the new value when it has none, or when the new source ranks at least as high. */
const takeNew = (column: string) =>
  `CASE WHEN r.${column} IS NOT NULL AND (papers.${column} IS NULL OR $priority >= papers.source_priority) THEN r.${column} ELSE papers.${column} END`;

/** A published date takes the new value when it is more precise, or as precise from a source of equal or higher rank. */
const takeNewDate = (column: string) => `CASE WHEN r.published_on IS NOT NULL AND (
    papers.published_on IS NULL
    OR ${PRECISION_RANK("r.published_precision")} > ${PRECISION_RANK("papers.published_precision")}
    OR (${PRECISION_RANK("r.published_precision")} = ${PRECISION_RANK("papers.published_precision")} AND $priority >= papers.source_priority)
  ) THEN r.${column} ELSE papers.${column} END`;

const UPDATE_EXISTING_PAPERS_SQL = `
UPDATE papers SET
  title = CASE WHEN $priority >= papers.source_priority THEN r.title ELSE papers.title END,
  abstract = ${takeNew("abstract")},
  published_on = ${takeNewDate("published_on")},
  published_precision = ${takeNewDate("published_precision")},
  authors_count = ${takeNew("authors_count")},
  comments = ${takeNew("comments")},
  code_url = ${takeNew("code_url")},
  code_host = CASE WHEN r.code_url IS NOT NULL AND (papers.code_url IS NULL OR $priority >= papers.source_priority) THEN r.code_host ELSE papers.code_host END,
  project_page = ${takeNew("project_page")},
  source_priority = greatest(papers.source_priority, $priority),
  updated_at = now()::TIMESTAMP
FROM resolved r
WHERE papers.paper_id = r.paper_id AND r.existing_id IS NOT NULL`;

const INSERT_SIGHTINGS_SQL = `
INSERT INTO sightings
SELECT paper_id, $digestId, location, listed_on, coalesce($digestDate::DATE, listed_on), upvotes, comments
FROM resolved`;

/** Replaces a paper's list (authors or keywords) when the record has one and it may overwrite the paper's. */
const replaceListSql = (table: string, stagedTable: string, flag: string, columns: string) => [
  `CREATE OR REPLACE TEMP TABLE list_updates AS
   SELECT r.paper_id, r.row_no FROM resolved r
   WHERE r.${flag} AND (
     r.existing_id IS NULL OR $priority >= r.old_priority
     OR NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.paper_id = r.paper_id)
   )`,
  `DELETE FROM ${table} WHERE paper_id IN (SELECT paper_id FROM list_updates)`,
  `INSERT INTO ${table} SELECT u.paper_id, ${columns} FROM list_updates u JOIN ${stagedTable} s USING (row_no)`,
];

const INSERT_LINKS_SQL = `
INSERT INTO paper_links
SELECT DISTINCT r.paper_id, l.url, l.kind, l.host
FROM resolved r JOIN staged_links l USING (row_no)
WHERE NOT EXISTS (SELECT 1 FROM paper_links x WHERE x.paper_id = r.paper_id AND x.url = l.url)`;

/** The latest upvotes come from the sighting with the latest date; ties go to the digest ingested last. */
const UPDATE_DERIVED_SQL = `
UPDATE papers SET upvotes = coalesce(d.upvotes, 0), first_listed_on = d.first_listed_on
FROM (
  SELECT paper_id,
    max_by(upvotes, {'seen': coalesce(seen_on, DATE '0001-01-01'), 'digest': digest_id}) FILTER (WHERE upvotes IS NOT NULL) AS upvotes,
    min(listed_on) AS first_listed_on
  FROM sightings WHERE paper_id IN (SELECT paper_id FROM resolved)
  GROUP BY paper_id
) d
WHERE papers.paper_id = d.paper_id`;

/**
 * Merges the staged records of one digest into the papers, inside the
 * caller's transaction. Returns how many papers were new, how many existing
 * papers gained a sighting, and how many records repeated a paper already in
 * this file. The `resolved` temp table lists the papers touched afterwards.
 */
export async function mergeStagedPapers(connection: DuckDBConnection, context: MergeContext): Promise<MergeCounts> {
  const priority = { priority: context.sourcePriority };

  // Resolve each record to a paper, and re-key papers that gained an arXiv id.
  await connection.run(RESOLVE_SQL);
  await connection.run("CREATE OR REPLACE TEMP TABLE rekeys AS SELECT existing_id AS old_id, paper_id AS new_id FROM resolved WHERE rekey");
  const rekeys = await readRow(connection, { sql: "SELECT count(*)::INTEGER AS n FROM rekeys" });
  if (Number(rekeys.n) > 0) {
    await connection.run("UPDATE papers SET paper_id = k.new_id, arxiv_id = k.new_id FROM rekeys k WHERE papers.paper_id = k.old_id");
    for (const table of CHILD_TABLES) {
      await connection.run(`UPDATE ${table} SET paper_id = k.new_id FROM rekeys k WHERE ${table}.paper_id = k.old_id`);
    }
  }

  // Insert new papers and merge fields into existing ones.
  await connection.run(UPDATE_EXISTING_PAPERS_SQL, priority);
  await connection.run(INSERT_NEW_PAPERS_SQL, priority);

  // Record this digest's sightings and the lists it carries.
  await connection.run(INSERT_SIGHTINGS_SQL, { digestId: context.digestId, digestDate: context.digestDate });
  for (const statement of replaceListSql("paper_authors", "staged_authors", "has_authors", "s.position, s.name")) {
    await connection.run(statement, statement.includes("$priority") ? priority : undefined);
  }
  for (const statement of replaceListSql("paper_keywords", "staged_keywords", "has_keywords", "s.keyword")) {
    await connection.run(statement, statement.includes("$priority") ? priority : undefined);
  }
  await connection.run(INSERT_LINKS_SQL);

  // Refresh the values derived from all sightings.
  await connection.run(UPDATE_DERIVED_SQL);

  const counts = await readRow(connection, {
    sql: `SELECT
      count(*) FILTER (WHERE existing_id IS NULL) AS new_papers,
      count(*) FILTER (WHERE existing_id IS NOT NULL) AS updated_papers,
      (SELECT count(*) FROM staged_records) - count(*) AS duplicates
      FROM resolved`,
  });
  return {
    newPapers: Number(counts.new_papers),
    updatedPapers: Number(counts.updated_papers),
    duplicatesInFile: Number(counts.duplicates),
  };
}
