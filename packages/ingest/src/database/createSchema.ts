import type { DuckDBConnection } from "@duckdb/node-api";
import { DATABASE_SCHEMA_VERSION, readRows } from "@alignment-trends/analytics";
import { TERM_TEXT_HASH_SQL } from "./termTextHashSql";
import { startTermMonthsUpdate } from "./updateTermMonths";

/** The columns of the term index, one row per paper and term. */
export const PAPER_TERMS_COLUMNS = "paper_id VARCHAR NOT NULL, term VARCHAR NOT NULL, in_title BOOLEAN NOT NULL";

/** The columns of `term_months`, one row per date basis, month, scope and term (by its id in `term_month_terms`). */
export const TERM_MONTHS_COLUMNS =
  "basis VARCHAR NOT NULL, month DATE NOT NULL, scope VARCHAR NOT NULL, term_id INTEGER NOT NULL, papers INTEGER NOT NULL, title_papers INTEGER NOT NULL";

/** The columns of `term_month_series`: the papers of `term_months`, kept in term order. */
export const TERM_MONTH_SERIES_COLUMNS = "basis VARCHAR NOT NULL, scope VARCHAR NOT NULL, term_id INTEGER NOT NULL, month DATE NOT NULL, papers INTEGER NOT NULL";

/** The layout version this ingest writes; readers refuse a file of another version. */
export const SCHEMA_VERSION = DATABASE_SCHEMA_VERSION;

/** The layout version before `term_months`, which the ingest upgrades in place. */
const UPGRADABLE_VERSION = 3;

/*
 * Sightings are the history: one row per paper per digest with every value
 * that digest gave, inserted and never changed except to re-key a paper. A
 * paper's row is derived from its sightings after each load, so a change of
 * merge rules needs no digest read again. Tables have no primary keys because
 * DuckDB checks a key on delete and re-insert within one transaction as if
 * the old row were still there; the loader keeps ids unique and tests check it.
 */
const LINK_TYPE = "STRUCT(url VARCHAR, kind VARCHAR, host VARCHAR)[]";

const SCHEMA_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS build_info (
    schema_version INTEGER NOT NULL,
    build_id VARCHAR NOT NULL,
    built_at TIMESTAMP NOT NULL,
    taxonomy_version VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS digests (
    digest_id INTEGER NOT NULL,
    path VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    format VARCHAR,
    priority INTEGER,
    status VARCHAR NOT NULL,
    error VARCHAR,
    digest_date DATE,
    digest_date_source VARCHAR,
    records INTEGER NOT NULL,
    new_papers INTEGER NOT NULL,
    updated_papers INTEGER NOT NULL,
    duplicates_in_file INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS sightings (
    paper_id VARCHAR NOT NULL,
    digest_id INTEGER NOT NULL,
    location VARCHAR NOT NULL,
    priority INTEGER NOT NULL,
    arxiv_id VARCHAR,
    title VARCHAR NOT NULL,
    title_key VARCHAR NOT NULL,
    abstract VARCHAR,
    authors VARCHAR[],
    authors_count INTEGER,
    published_on DATE,
    published_precision VARCHAR,
    listed_on DATE,
    seen_on DATE,
    upvotes INTEGER,
    comments INTEGER,
    code_url VARCHAR,
    code_host VARCHAR,
    project_page VARCHAR,
    keywords VARCHAR[],
    links ${LINK_TYPE},
    extra JSON
  )`,
  `CREATE TABLE IF NOT EXISTS papers (
    paper_id VARCHAR NOT NULL,
    arxiv_id VARCHAR,
    title VARCHAR NOT NULL,
    title_key VARCHAR NOT NULL,
    abstract VARCHAR,
    authors VARCHAR[],
    authors_count INTEGER,
    published_on DATE,
    published_precision VARCHAR,
    first_listed_on DATE,
    upvotes INTEGER,
    upvotes_first_week INTEGER,
    comments INTEGER,
    code_url VARCHAR,
    code_host VARCHAR,
    project_page VARCHAR,
    keywords VARCHAR[],
    links ${LINK_TYPE},
    field_sources STRUCT(title INTEGER, abstract INTEGER, authors INTEGER, published INTEGER, upvotes INTEGER, code INTEGER),
    sightings INTEGER NOT NULL,
    scope VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS rejects (
    digest_id INTEGER NOT NULL,
    path VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR NOT NULL,
    raw VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS topics (
    topic_id VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    rules JSON NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS paper_topics (
    paper_id VARCHAR NOT NULL,
    topic_id VARCHAR NOT NULL,
    evidence VARCHAR[] NOT NULL,
    taxonomy_version VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS paper_terms (${PAPER_TERMS_COLUMNS})`,
  `CREATE TABLE IF NOT EXISTS paper_term_texts (
    paper_id VARCHAR NOT NULL,
    text_hash UHUGEINT NOT NULL,
    terms INTEGER NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS term_months (${TERM_MONTHS_COLUMNS})`,
  `CREATE TABLE IF NOT EXISTS term_month_series (${TERM_MONTH_SERIES_COLUMNS})`,
  `CREATE TABLE IF NOT EXISTS term_month_papers (
    paper_id VARCHAR NOT NULL,
    listed_month DATE,
    published_month DATE,
    scope VARCHAR NOT NULL
  )`,
  "CREATE TABLE IF NOT EXISTS term_month_terms (term_id INTEGER NOT NULL, term VARCHAR NOT NULL, title_papers INTEGER NOT NULL)",
  "CREATE TABLE IF NOT EXISTS term_month_counted (term_id INTEGER NOT NULL, term VARCHAR NOT NULL)",
  `CREATE TABLE IF NOT EXISTS paper_scopes (
    paper_id VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    evidence VARCHAR[] NOT NULL,
    taxonomy_version VARCHAR NOT NULL
  )`,
];

/**
 * Creates the tables of an empty database, or checks that an existing one has
 * the layout this code writes. A file of the version before fills the tables
 * it lacks and takes the current version with a new build id. The result
 * reports the upgrade, since such a file must be published even when no
 * digest changed. Raises on a file of any other layout version.
 */
export async function createSchema(connection: DuckDBConnection): Promise<{ upgraded: boolean }> {
  let upgraded = false;
  if (await hasTable(connection, "build_info")) {
    const [info] = await readRows(connection, { sql: "SELECT schema_version FROM build_info" });
    upgraded = info?.schema_version === UPGRADABLE_VERSION;
    if (info && info.schema_version !== SCHEMA_VERSION && !upgraded) {
      throw new Error(
        `database layout version ${String(info.schema_version)} differs from version ${SCHEMA_VERSION} that this ingest writes; ingest into a new database file with --db`,
      );
    }
  }
  const hadTermTexts = await hasTable(connection, "paper_term_texts");
  for (const statement of SCHEMA_STATEMENTS) await connection.run(statement);
  if (!hadTermTexts) await recordIndexedTexts(connection);
  if (upgraded) {
    const update = await startTermMonthsUpdate(connection, "all");
    await update.finish();
    await connection.run("UPDATE build_info SET schema_version = $version, build_id = uuid()::VARCHAR", { version: SCHEMA_VERSION });
  }
  return { upgraded };
}

async function hasTable(connection: DuckDBConnection, name: string): Promise<boolean> {
  const [row] = await readRows(connection, {
    sql: "SELECT count(*) AS tables FROM duckdb_tables() WHERE table_name = $name AND database_name = current_database()",
    params: { name },
  });
  return row !== undefined && row.tables === 1;
}

/**
 * Fills `paper_term_texts` in a database written before it existed. Every
 * load brought the index of the papers it touched up to date, so the rows of
 * each paper come from its current text.
 */
async function recordIndexedTexts(connection: DuckDBConnection): Promise<void> {
  await connection.run(
    `INSERT INTO paper_term_texts
     SELECT p.paper_id, ${TERM_TEXT_HASH_SQL}, coalesce(t.terms, 0)
     FROM papers p LEFT JOIN (SELECT paper_id, count(*)::INTEGER AS terms FROM paper_terms GROUP BY paper_id) t USING (paper_id)`,
  );
}
