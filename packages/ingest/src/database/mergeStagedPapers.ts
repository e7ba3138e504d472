import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";

/** Counts of one digest's merge: new papers, known papers, and records repeated in the file. */
export interface MergeCounts {
  newPapers: number;
  updatedPapers: number;
  duplicatesInFile: number;
}

/*
 * A staged record without an arXiv id takes the arXiv id of a staged record
 * with the same title key, when exactly one such id exists, so that a title
 * seen in one digest and an id seen in another of the same load meet.
 */
const RESOLVE_BATCH_IDS_SQL = `
CREATE OR REPLACE TEMP TABLE staged_ids AS
WITH titled_ids AS (
  SELECT title_key, min(arxiv_id) AS arxiv_id
  FROM staged_records WHERE arxiv_id IS NOT NULL
  GROUP BY title_key HAVING count(DISTINCT arxiv_id) = 1
)
SELECT s.row_no, coalesce(s.arxiv_id, t.arxiv_id) AS arxiv_id, s.title_key
FROM staged_records s LEFT JOIN titled_ids t ON s.arxiv_id IS NULL AND t.title_key = s.title_key`;

/*
 * Each staged record finds its paper: by arXiv id, else by a title key seen
 * in an earlier sighting. A record with an arXiv id whose title matches a
 * paper known only by title takes that paper over, which re-keys it to the
 * arXiv id. A record without an arXiv id that matches several papers by title
 * joins the one with an arXiv id, then the lowest id, so that runs repeat.
 */
const MATCH_EXISTING_SQL = `
CREATE OR REPLACE TEMP TABLE staged_matches AS
WITH known_titles AS (
  SELECT DISTINCT s.title_key, s.paper_id, p.arxiv_id
  FROM sightings s JOIN papers p USING (paper_id)
  WHERE s.title_key IN (SELECT title_key FROM staged_ids)
),
by_arxiv AS (
  SELECT i.row_no, p.paper_id FROM staged_ids i JOIN papers p ON p.arxiv_id = i.arxiv_id
),
by_title AS (
  SELECT i.row_no, arg_min(k.paper_id, {'lacks_arxiv': k.arxiv_id IS NULL, 'id': k.paper_id}) AS paper_id
  FROM staged_ids i JOIN known_titles k ON k.title_key = i.title_key
  WHERE i.row_no NOT IN (SELECT row_no FROM by_arxiv) AND (i.arxiv_id IS NULL OR k.arxiv_id IS NULL)
  GROUP BY i.row_no
)
SELECT i.row_no,
  coalesce(a.paper_id, t.paper_id) AS existing_id,
  a.paper_id IS NULL AND t.paper_id IS NOT NULL AND i.arxiv_id IS NOT NULL AS rekey,
  coalesce(a.paper_id, i.arxiv_id, t.paper_id, s.new_paper_id) AS paper_id,
  i.arxiv_id
FROM staged_ids i
JOIN staged_records s USING (row_no)
LEFT JOIN by_arxiv a USING (row_no)
LEFT JOIN by_title t USING (row_no)`;

/**
 * One sighting per paper per digest: the first record of a paper in a file
 * wins, later ones count as duplicates. `first_digest` is the earliest digest
 * of the load that has the paper, the one a new paper counts as new for.
 */
const KEEP_FIRST_SQL = `
CREATE OR REPLACE TEMP TABLE staged_resolved AS
SELECT s.*, m.paper_id AS resolved_id, m.existing_id, m.rekey, m.arxiv_id AS resolved_arxiv_id,
  min(s.digest_id) OVER (PARTITION BY m.paper_id) AS first_digest
FROM staged_records s JOIN staged_matches m USING (row_no)
QUALIFY row_number() OVER (PARTITION BY s.digest_id, m.paper_id ORDER BY s.row_no) = 1`;

const INSERT_SIGHTINGS_SQL = `
INSERT INTO sightings
SELECT resolved_id, digest_id, location, priority, resolved_arxiv_id, title, title_key, abstract, authors, authors_count,
  published_on, published_precision, listed_on, seen_on, upvotes, comments, code_url, code_host, project_page,
  keywords, links, extra::JSON
FROM staged_resolved`;

/** Ranks sightings for a field: the most trusted source first, then the digest loaded last. */
const SOURCE_RANK = "{'priority': s.priority, 'digest': s.digest_id}";
/** Ranks sightings for counts that change over time: the latest seen first. */
const TIME_RANK = "{'seen': coalesce(s.seen_on, DATE '0001-01-01'), 'digest': s.digest_id}";
/**
 * Ranks upvote counts: the latest seen first, and on the same day the higher
 * count, because counts only grow and the order two digests of one day were
 * captured in is unknown.
 */
const UPVOTE_RANK = "{'seen': coalesce(s.seen_on, DATE '0001-01-01'), 'upvotes': s.upvotes}";
/** Ranks published dates: the most precise first, then by source. */
const DATE_RANK = `{'precision': CASE s.published_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 ELSE 1 END, 'priority': s.priority, 'digest': s.digest_id}`;

const bestOf = (column: string, rank = SOURCE_RANK) => `arg_max(s.${column}, ${rank}) FILTER (WHERE s.${column} IS NOT NULL)`;
const sourceOf = (column: string, rank = SOURCE_RANK) => `arg_max(s.digest_id, ${rank}) FILTER (WHERE s.${column} IS NOT NULL)`;

/*
 * A paper's row is derived from all its sightings. Each field takes the value
 * of the most trusted source that has one, and `field_sources` records which
 * digest gave it. Upvotes are the latest count seen, null when no digest gave
 * one; `upvotes_first_week` is the latest count seen within 7 days after the
 * paper was first listed.
 */
const DERIVE_PAPERS_SQL = `
INSERT INTO papers
WITH first_listed AS (
  SELECT paper_id, min(listed_on) AS first_listed_on FROM sightings
  WHERE paper_id IN (SELECT paper_id FROM affected_papers) GROUP BY paper_id
)
SELECT s.paper_id,
  max(s.arxiv_id) AS arxiv_id,
  arg_max(s.title, ${SOURCE_RANK}) AS title,
  arg_max(s.title_key, ${SOURCE_RANK}) AS title_key,
  ${bestOf("abstract")} AS abstract,
  ${bestOf("authors")} AS authors,
  coalesce(len(${bestOf("authors")}), ${bestOf("authors_count")}) AS authors_count,
  ${bestOf("published_on", DATE_RANK)} AS published_on,
  ${bestOf("published_precision", DATE_RANK)} AS published_precision,
  any_value(f.first_listed_on) AS first_listed_on,
  ${bestOf("upvotes", UPVOTE_RANK)} AS upvotes,
  arg_max(s.upvotes, ${UPVOTE_RANK}) FILTER (
    WHERE s.upvotes IS NOT NULL AND s.seen_on BETWEEN f.first_listed_on AND f.first_listed_on + INTERVAL 7 DAY
  ) AS upvotes_first_week,
  ${bestOf("comments", TIME_RANK)} AS comments,
  ${bestOf("code_url")} AS code_url,
  arg_max(s.code_host, ${SOURCE_RANK}) FILTER (WHERE s.code_url IS NOT NULL) AS code_host,
  ${bestOf("project_page")} AS project_page,
  ${bestOf("keywords")} AS keywords,
  list_distinct(flatten(list(s.links))) AS links,
  {
    'title': arg_max(s.digest_id, ${SOURCE_RANK}),
    'abstract': ${sourceOf("abstract")},
    'authors': coalesce(${sourceOf("authors")}, ${sourceOf("authors_count")}),
    'published': ${sourceOf("published_on", DATE_RANK)},
    'upvotes': ${sourceOf("upvotes", UPVOTE_RANK)},
    'code': ${sourceOf("code_url")}
  } AS field_sources,
  count(*)::INTEGER AS sightings,
  'off-topic' AS scope,
  now()::TIMESTAMP AS updated_at
FROM sightings s JOIN first_listed f USING (paper_id)
GROUP BY s.paper_id`;

/**
 * Merges the staged records into the database inside the caller's
 * transaction: matches each record to its paper, re-keys papers that gained
 * an arXiv id, inserts one sighting per paper per digest, and derives the rows
 * of every paper touched, including those in `removed_papers` that lost
 * sightings (a paper left with none is dropped). Afterwards the temp table
 * `affected_papers` lists the papers whose rows changed, and `pending_papers`
 * has gained them for tagging and term indexing. Returns the counts
 * per digest id.
 */
export async function mergeStagedPapers(connection: DuckDBConnection): Promise<Map<number, MergeCounts>> {
  // Match each staged record to a paper, new or known.
  await connection.run(RESOLVE_BATCH_IDS_SQL);
  await connection.run(MATCH_EXISTING_SQL);
  await connection.run(KEEP_FIRST_SQL);

  // Re-key papers known by title that now have an arXiv id, and drop their old derived rows.
  await connection.run("CREATE OR REPLACE TEMP TABLE rekeys AS SELECT DISTINCT existing_id AS old_id, resolved_id AS new_id FROM staged_resolved WHERE rekey");
  await connection.run("UPDATE sightings SET paper_id = k.new_id, arxiv_id = k.new_id FROM rekeys k WHERE sightings.paper_id = k.old_id");
  for (const table of ["papers", "paper_topics", "paper_scopes"]) {
    await connection.run(`DELETE FROM ${table} WHERE paper_id IN (SELECT old_id FROM rekeys)`);
  }

  // Record the sightings, then derive the rows of every paper they touch.
  await connection.run(INSERT_SIGHTINGS_SQL);
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE affected_papers AS SELECT resolved_id AS paper_id FROM staged_resolved UNION SELECT paper_id FROM removed_papers",
  );
  await connection.run("DELETE FROM papers WHERE paper_id IN (SELECT paper_id FROM affected_papers)");
  await connection.run(DERIVE_PAPERS_SQL);
  // Re-keyed papers are pending too, so that their tags and terms under the old id go.
  await connection.run("INSERT INTO pending_papers SELECT paper_id FROM affected_papers UNION SELECT old_id FROM rekeys");

  const rows = await readRows(connection, {
    sql: `SELECT r.digest_id,
        count(*) FILTER (WHERE r.existing_id IS NULL AND r.digest_id = r.first_digest)::INTEGER AS new_papers,
        count(*) FILTER (WHERE r.existing_id IS NOT NULL OR r.digest_id > r.first_digest)::INTEGER AS updated_papers,
        (SELECT count(*) FROM staged_records s WHERE s.digest_id = r.digest_id)::INTEGER - count(*)::INTEGER AS duplicates
      FROM staged_resolved r GROUP BY r.digest_id`,
  });
  return new Map(
    rows.map((row) => [
      Number(row.digest_id),
      { newPapers: Number(row.new_papers), updatedPapers: Number(row.updated_papers), duplicatesInFile: Number(row.duplicates) },
    ]),
  );
}
