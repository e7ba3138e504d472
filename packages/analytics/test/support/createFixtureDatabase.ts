import { DuckDBInstance } from "@duckdb/node-api";

/*
 * A small trends database in layout version 4, as the ingest writes it. Its
 * rows cover the export's edge cases: papers dated by listing, by a
 * month-precise or only a year-precise publication date, sightings from an
 * undated digest, and a month without papers (2024-07). The integration tests
 * check the export against a database the ingest itself built. The monthly
 * term counts, which the export leaves out, are empty.
 */
const LINK = "STRUCT(url VARCHAR, kind VARCHAR, host VARCHAR)[]";

const TABLES = [
  "CREATE TABLE build_info (schema_version INTEGER NOT NULL, build_id VARCHAR NOT NULL, built_at TIMESTAMP NOT NULL, taxonomy_version VARCHAR)",
  `CREATE TABLE digests (digest_id INTEGER NOT NULL, path VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, format VARCHAR, priority INTEGER,
    status VARCHAR NOT NULL, error VARCHAR, digest_date DATE, digest_date_source VARCHAR, records INTEGER NOT NULL, new_papers INTEGER NOT NULL,
    updated_papers INTEGER NOT NULL, duplicates_in_file INTEGER NOT NULL, rejected INTEGER NOT NULL, ingested_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE sightings (paper_id VARCHAR NOT NULL, digest_id INTEGER NOT NULL, location VARCHAR NOT NULL, priority INTEGER NOT NULL,
    arxiv_id VARCHAR, title VARCHAR NOT NULL, title_key VARCHAR NOT NULL, abstract VARCHAR, authors VARCHAR[], authors_count INTEGER,
    published_on DATE, published_precision VARCHAR, listed_on DATE, seen_on DATE, upvotes INTEGER, comments INTEGER, code_url VARCHAR,
    code_host VARCHAR, project_page VARCHAR, keywords VARCHAR[], links ${LINK}, extra JSON)`,
  `CREATE TABLE papers (paper_id VARCHAR NOT NULL, arxiv_id VARCHAR, title VARCHAR NOT NULL, title_key VARCHAR NOT NULL, abstract VARCHAR,
    authors VARCHAR[], authors_count INTEGER, published_on DATE, published_precision VARCHAR, first_listed_on DATE, upvotes INTEGER,
    upvotes_first_week INTEGER, comments INTEGER, code_url VARCHAR, code_host VARCHAR, project_page VARCHAR, keywords VARCHAR[], links ${LINK},
    field_sources STRUCT(title INTEGER, abstract INTEGER, authors INTEGER, published INTEGER, upvotes INTEGER, code INTEGER),
    sightings INTEGER NOT NULL, scope VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL)`,
  "CREATE TABLE rejects (digest_id INTEGER NOT NULL, path VARCHAR NOT NULL, location VARCHAR NOT NULL, reason VARCHAR NOT NULL, detail VARCHAR NOT NULL, raw VARCHAR)",
  "CREATE TABLE topics (topic_id VARCHAR NOT NULL, label VARCHAR NOT NULL, description VARCHAR NOT NULL, position INTEGER NOT NULL, rules JSON NOT NULL)",
  "CREATE TABLE paper_topics (paper_id VARCHAR NOT NULL, topic_id VARCHAR NOT NULL, evidence VARCHAR[] NOT NULL, taxonomy_version VARCHAR NOT NULL)",
  "CREATE TABLE paper_terms (paper_id VARCHAR NOT NULL, term VARCHAR NOT NULL, in_title BOOLEAN NOT NULL)",
  "CREATE TABLE term_months (basis VARCHAR NOT NULL, month DATE NOT NULL, scope VARCHAR NOT NULL, term_id INTEGER NOT NULL, papers INTEGER NOT NULL, title_papers INTEGER NOT NULL)",
  "CREATE TABLE term_month_series (basis VARCHAR NOT NULL, scope VARCHAR NOT NULL, term_id INTEGER NOT NULL, month DATE NOT NULL, papers INTEGER NOT NULL)",
  "CREATE TABLE term_month_papers (paper_id VARCHAR NOT NULL, listed_month DATE, published_month DATE, scope VARCHAR NOT NULL)",
  "CREATE TABLE term_month_terms (term_id INTEGER NOT NULL, term VARCHAR NOT NULL, title_papers INTEGER NOT NULL)",
  "CREATE TABLE term_month_counted (term_id INTEGER NOT NULL, term VARCHAR NOT NULL)",
  "CREATE TABLE paper_scopes (paper_id VARCHAR NOT NULL, scope VARCHAR NOT NULL, evidence VARCHAR[] NOT NULL, taxonomy_version VARCHAR NOT NULL)",
];

const ROWS = [
  "INSERT INTO build_info VALUES (4, 'build-fixture', TIMESTAMP '2024-09-01 10:00:00', '2024.9.1')",
  `INSERT INTO digests VALUES
    (1, '/digests/daily/2024-05-31.json', 'hash-1', 'hf-daily-api', 50, 'loaded', NULL, DATE '2024-05-31', 'file name', 2, 2, 0, 0, 0, TIMESTAMP '2024-09-01 09:00:00'),
    (2, '/digests/awesome-list.md', 'hash-2', 'dated-table-markdown', 10, 'loaded', NULL, NULL, NULL, 3, 2, 1, 0, 1, TIMESTAMP '2024-09-01 09:00:01'),
    (3, '/digests/newsletter-2024-07-02.md', 'hash-3', 'daily-table-markdown', 20, 'loaded', NULL, DATE '2024-07-02', 'heading', 2, 1, 1, 0, 0, TIMESTAMP '2024-09-01 09:00:02')`,
  `INSERT INTO papers VALUES
    ('2405.00001', '2405.00001', 'Reward models that say why', 'reward models that say why', 'We train reward models.', ['Ada', 'Ben'], 2,
      DATE '2024-05-30', 'day', DATE '2024-05-31', 10, 8, 3, 'https://github.com/x/rm', 'github.com', NULL, ['reward', 'rlhf'],
      [{'url': 'https://github.com/x/rm', 'kind': 'code', 'host': 'github.com'}], {'title': 1, 'abstract': 1, 'authors': 1, 'published': 1, 'upvotes': 1, 'code': 1},
      2, 'alignment', TIMESTAMP '2024-09-01 09:00:03'),
    ('2406.00002', '2406.00002', 'Sequence alignment at scale', 'sequence alignment at scale', NULL, NULL, 5,
      DATE '2024-05-28', 'day', DATE '2024-06-01', NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      [], {'title': 3, 'abstract': NULL, 'authors': 3, 'published': 3, 'upvotes': NULL, 'code': NULL},
      1, 'off-topic', TIMESTAMP '2024-09-01 09:00:03'),
    ('t0123456789abcdef', NULL, 'Registering images', 'registering images', NULL, NULL, 3,
      DATE '2024-06-01', 'month', NULL, 4, NULL, NULL, 'https://gitlab.com/y/reg', 'gitlab.com', 'https://y.example/reg', NULL,
      [{'url': 'https://gitlab.com/y/reg', 'kind': 'code', 'host': 'gitlab.com'}], {'title': 2, 'abstract': NULL, 'authors': 2, 'published': 2, 'upvotes': 2, 'code': 2},
      1, 'other-alignment', TIMESTAMP '2024-09-01 09:00:03'),
    ('2301.00004', '2301.00004', 'A survey of safety', 'a survey of safety', NULL, NULL, 1,
      DATE '2023-01-01', 'year', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      [], {'title': 2, 'abstract': NULL, 'authors': 2, 'published': 2, 'upvotes': NULL, 'code': NULL},
      1, 'alignment', TIMESTAMP '2024-09-01 09:00:03'),
    ('2408.00005', '2408.00005', 'Honest agents', 'honest agents', 'Agents that do not lie.', ['Cy'], 1,
      DATE '2024-08-14', 'day', DATE '2024-08-15', 0, 0, NULL, NULL, NULL, NULL, NULL,
      [], {'title': 1, 'abstract': 1, 'authors': 1, 'published': 1, 'upvotes': 1, 'code': NULL},
      1, 'alignment', TIMESTAMP '2024-09-01 09:00:03')`,
  `INSERT INTO sightings VALUES
    ('2405.00001', 1, 'index 0', 50, '2405.00001', 'Reward models that say why', 'reward models that say why', 'We train reward models.', ['Ada', 'Ben'], 2,
      DATE '2024-05-30', 'day', DATE '2024-05-31', DATE '2024-05-31', 10, 3, 'https://github.com/x/rm', 'github.com', NULL, ['reward', 'rlhf'],
      [{'url': 'https://github.com/x/rm', 'kind': 'code', 'host': 'github.com'}], '{"ai_summary": "Reward models explain."}'),
    ('2405.00001', 3, 'line 12', 20, '2405.00001', 'Reward Models that Say Why', 'reward models that say why', NULL, NULL, NULL,
      NULL, NULL, DATE '2024-07-01', DATE '2024-07-02', 7, NULL, NULL, NULL, NULL, NULL, [], NULL),
    ('2406.00002', 3, 'line 13', 20, '2406.00002', 'Sequence alignment at scale', 'sequence alignment at scale', NULL, NULL, 5,
      DATE '2024-05-28', 'day', DATE '2024-06-01', DATE '2024-07-02', NULL, NULL, NULL, NULL, NULL, NULL, [], NULL),
    ('t0123456789abcdef', 2, 'line 4', 10, NULL, 'Registering images', 'registering images', NULL, NULL, 3,
      DATE '2024-06-01', 'month', NULL, NULL, 4, NULL, 'https://gitlab.com/y/reg', 'gitlab.com', 'https://y.example/reg', NULL,
      [{'url': 'https://gitlab.com/y/reg', 'kind': 'code', 'host': 'gitlab.com'}], NULL),
    ('2301.00004', 2, 'line 5', 10, '2301.00004', 'A survey of safety', 'a survey of safety', NULL, NULL, 1,
      DATE '2023-01-01', 'year', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, [], NULL),
    ('2408.00005', 1, 'index 1', 50, '2408.00005', 'Honest agents', 'honest agents', 'Agents that do not lie.', ['Cy'], 1,
      DATE '2024-08-14', 'day', DATE '2024-08-15', DATE '2024-08-15', 0, NULL, NULL, NULL, NULL, NULL, [], NULL)`,
  "INSERT INTO rejects VALUES (2, '/digests/awesome-list.md', 'line 9', 'missing title', 'the row has no title cell', '| | 2024 |')",
  `INSERT INTO topics VALUES
    ('rlhf', 'RLHF and RLAIF', 'Learning from human or AI feedback.', 0, '{"phrases": [{"phrase": "rlhf", "weight": 3}]}'),
    ('safety', 'Safety', 'Avoiding harmful behaviour.', 1, '{"phrases": [{"phrase": "safety", "weight": 2}]}')`,
  `INSERT INTO paper_topics VALUES
    ('2405.00001', 'rlhf', ['reward model (abstract)'], '2024.9.1'),
    ('2405.00001', 'safety', ['safety (abstract)'], '2024.9.1'),
    ('t0123456789abcdef', 'safety', ['safety (title)'], '2024.9.1'),
    ('2301.00004', 'safety', ['safety (title)'], '2024.9.1')`,
  "INSERT INTO paper_terms VALUES ('2405.00001', 'reward', true), ('2405.00001', 'reward models', true), ('2408.00005', 'honest', true)",
  `INSERT INTO paper_scopes VALUES
    ('2405.00001', 'alignment', ['reward model (abstract)'], '2024.9.1'),
    ('2406.00002', 'off-topic', [], '2024.9.1'),
    ('t0123456789abcdef', 'other-alignment', ['image registration (title)'], '2024.9.1'),
    ('2301.00004', 'alignment', ['safety (title)'], '2024.9.1'),
    ('2408.00005', 'alignment', ['honest (title)'], '2024.9.1')`,
];

/** Writes the fixture database to `databasePath`, which must not exist yet. */
export async function createFixtureDatabase(databasePath: string): Promise<void> {
  const instance = await DuckDBInstance.create(databasePath);
  const connection = await instance.connect();
  try {
    for (const statement of [...TABLES, ...ROWS]) await connection.run(statement);
    await connection.run("CHECKPOINT");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
