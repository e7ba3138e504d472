import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DatasetManifestSchema, type DatasetManifest } from "@alignment-trends/schema";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readRows, type Row } from "../../src/database/readRows";
import { ExportAbortedError, exportParquetDataset } from "../../src/export/exportParquetDataset";
import { OutputFolderError } from "../../src/export/outputFolder";
import { createFixtureDatabase } from "../support/createFixtureDatabase";

const EXPORTED_AT = new Date("2024-09-02T12:00:00.000Z");
const PARTITIONED_TABLES = ["papers", "sightings", "paper_topics", "paper_scopes"];
const MONTH_FOLDER = /^month=(\d{4}-(0[1-9]|1[0-2])|__HIVE_DEFAULT_PARTITION__)$/u;

let folder: string;
let databasePath: string;
let outputFolder: string;
let manifest: DatasetManifest;
let reader: { instance: DuckDBInstance; connection: DuckDBConnection };

/** Returns the rows of a query over the exported files, run in an in-memory DuckDB. */
function query(sql: string, params?: Record<string, string>): Promise<Row[]> {
  return readRows(reader.connection, { sql, params });
}

/** Returns the SQL that reads every file of an exported table, with the month from the folder names. */
function tableSql(table: string): string {
  const pattern = PARTITIONED_TABLES.includes(table) ? `${table}/**/*.parquet` : `${table}/*.parquet`;
  return `read_parquet('${path.join(outputFolder, pattern)}', hive_partitioning = true)`;
}

/** Exports the fixture database to a new folder and returns the folder. */
async function exportFixture(name: string, overrides: { overwrite?: boolean; signal?: AbortSignal } = {}): Promise<string> {
  const target = path.join(folder, name);
  await exportParquetDataset({
    databasePath,
    outputFolder: target,
    overwrite: overrides.overwrite ?? false,
    command: "npm run export -- --parquet out",
    now: () => EXPORTED_AT,
    signal: overrides.signal,
  });
  return target;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "alignment-trends-export-"));
  databasePath = path.join(folder, "fixture.duckdb");
  await createFixtureDatabase(databasePath);
  outputFolder = await exportFixture("dataset");
  manifest = DatasetManifestSchema.parse(JSON.parse(readFileSync(path.join(outputFolder, "_manifest.json"), "utf8")));
  const instance = await DuckDBInstance.create(":memory:");
  reader = { instance, connection: await instance.connect() };
});

afterAll(() => {
  reader.connection.closeSync();
  reader.instance.closeSync();
  rmSync(folder, { recursive: true, force: true });
});

describe("exportParquetDataset", () => {
  test("writes one folder per table and the manifest", () => {
    expect(readdirSync(outputFolder).sort()).toEqual([
      "_manifest.json",
      "build_info",
      "digests",
      "monthly_code_hosts",
      "monthly_summary",
      "monthly_topic_papers",
      "paper_scopes",
      "paper_topics",
      "papers",
      "sightings",
      "team_sizes",
      "topics",
    ]);
    expect(readdirSync(path.join(outputFolder, "topics"))).toEqual(["data_0.parquet"]);
    expect(readdirSync(path.join(outputFolder, "papers", "month=2024-06"))).toEqual(["data_0.parquet"]);
  });

  test("leaves no temporary folder beside the dataset", () => {
    expect(readdirSync(folder).filter((name) => name.startsWith("."))).toEqual([]);
  });

  test("copies every row of each database table", async () => {
    const source = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
    const connection = await source.connect();
    try {
      for (const table of ["papers", "sightings", "paper_topics", "paper_scopes", "topics", "digests", "build_info"]) {
        const [expected] = await readRows(connection, { sql: `SELECT count(*) AS n FROM ${table}` });
        const [exported] = await query(`SELECT count(*) AS n FROM ${tableSql(table)}`);
        expect(exported, table).toEqual(expected);
        expect(manifest.tables.find((entry) => entry.name === table)?.rows, table).toBe(expected?.n);
      }
    } finally {
      connection.closeSync();
      source.closeSync();
    }
  });

  test("puts each paper in the folder of its month", async () => {
    const rows = await query(`SELECT month, list(paper_id ORDER BY paper_id) AS papers FROM ${tableSql("papers")} GROUP BY month ORDER BY month NULLS LAST`);
    expect(rows).toEqual([
      { month: "2024-05", papers: ["2405.00001"] },
      { month: "2024-06", papers: ["2406.00002", "t0123456789abcdef"] },
      { month: "2024-08", papers: ["2408.00005"] },
      { month: null, papers: ["2301.00004"] },
    ]);
  });

  test("puts sightings in the folder of the month seen", async () => {
    const rows = await query(
      `SELECT month, list(paper_id || '/' || digest_id ORDER BY paper_id, digest_id) AS sightings FROM ${tableSql("sightings")} GROUP BY month ORDER BY month NULLS LAST`,
    );
    expect(rows).toEqual([
      { month: "2024-05", sightings: ["2405.00001/1"] },
      { month: "2024-07", sightings: ["2405.00001/3", "2406.00002/3"] },
      { month: "2024-08", sightings: ["2408.00005/1"] },
      { month: null, sightings: ["2301.00004/2", "t0123456789abcdef/2"] },
    ]);
  });

  test("puts topic tags in the folder of their paper's month", async () => {
    const rows = await query(
      `SELECT month, list(paper_id || ':' || topic_id ORDER BY paper_id, topic_id) AS tags FROM ${tableSql("paper_topics")} GROUP BY month ORDER BY month NULLS LAST`,
    );
    expect(rows).toEqual([
      { month: "2024-05", tags: ["2405.00001:rlhf", "2405.00001:safety"] },
      { month: "2024-06", tags: ["t0123456789abcdef:safety"] },
      { month: null, tags: ["2301.00004:safety"] },
    ]);
  });

  test("names month folders YYYY-MM, each holding only its month", async () => {
    for (const table of PARTITIONED_TABLES) {
      const folders = readdirSync(path.join(outputFolder, table));
      expect(folders.filter((name) => !MONTH_FOLDER.test(name)), table).toEqual([]);
      for (const name of folders) {
        const value = name.slice("month=".length);
        const files = path.join(outputFolder, table, name, "*.parquet");
        const rows = await query(`SELECT DISTINCT month FROM read_parquet($files, hive_partitioning = true)`, { files });
        expect(rows, `${table}/${name}`).toEqual([{ month: value === "__HIVE_DEFAULT_PARTITION__" ? null : value }]);
      }
    }
  });

  test("matches papers.month to the month of each paper's listing", async () => {
    const rows = await query(
      `SELECT count(*) AS mismatched FROM ${tableSql("papers")}
       WHERE month IS DISTINCT FROM CASE WHEN first_listed_on IS NOT NULL OR published_precision <> 'year' THEN strftime(coalesce(first_listed_on, published_on), '%Y-%m') END`,
    );
    expect(rows).toEqual([{ mismatched: 0 }]);
  });

  test("round-trips a paper's row", async () => {
    const rows = await query(`SELECT * FROM ${tableSql("papers")} WHERE paper_id = '2405.00001'`);
    expect(rows).toEqual([
      {
        paper_id: "2405.00001",
        arxiv_id: "2405.00001",
        title: "Reward models that say why",
        title_key: "reward models that say why",
        abstract: "We train reward models.",
        authors: ["Ada", "Ben"],
        authors_count: 2,
        published_on: "2024-05-30",
        published_precision: "day",
        first_listed_on: "2024-05-31",
        upvotes: 10,
        upvotes_first_week: 8,
        comments: 3,
        code_url: "https://github.com/x/rm",
        code_host: "github.com",
        project_page: null,
        keywords: ["reward", "rlhf"],
        links: [{ url: "https://github.com/x/rm", kind: "code", host: "github.com" }],
        field_sources: { title: 1, abstract: 1, authors: 1, published: 1, upvotes: 1, code: 1 },
        sightings: 2,
        scope: "alignment",
        updated_at: "2024-09-01 09:00:03",
        month: "2024-05",
      },
    ]);
  });

  test("writes JSON columns as their stored text", async () => {
    const sightings = await query(`SELECT extra FROM ${tableSql("sightings")} WHERE paper_id = '2405.00001' AND digest_id = 1`);
    expect(sightings).toEqual([{ extra: '{"ai_summary": "Reward models explain."}' }]);
    const topics = await query(`SELECT topic_id, rules FROM ${tableSql("topics")}`);
    expect(topics).toEqual([
      { topic_id: "rlhf", rules: '{"phrases": [{"phrase": "rlhf", "weight": 3}]}' },
      { topic_id: "safety", rules: '{"phrases": [{"phrase": "safety", "weight": 2}]}' },
    ]);
  });

  test("computes the dashboard's monthly figures", async () => {
    const rows = await query(`SELECT * FROM ${tableSql("monthly_summary")} ORDER BY month`);
    expect(rows.length).toBe(20);
    expect(rows[0]?.month).toBe("2023-01");
    const empty = { papers: 0, alignment_papers: 0, other_alignment_papers: 0, papers_with_author_count: 0, mean_authors: null, median_authors: null };
    expect(rows[0]).toEqual({ month: "2023-01", ...empty, papers_with_code: 0, code_share: null, total_upvotes: 0, median_upvotes: null, max_upvotes: null });
    expect(rows.slice(-4)).toEqual([
      {
        month: "2024-05", papers: 1, alignment_papers: 1, other_alignment_papers: 0, papers_with_author_count: 1, mean_authors: 2, median_authors: 2,
        papers_with_code: 1, code_share: 1, total_upvotes: 10, median_upvotes: 10, max_upvotes: 10,
      },
      {
        month: "2024-06", papers: 2, alignment_papers: 0, other_alignment_papers: 1, papers_with_author_count: 2, mean_authors: 4, median_authors: 4,
        papers_with_code: 1, code_share: 0.5, total_upvotes: 4, median_upvotes: 4, max_upvotes: 4,
      },
      { month: "2024-07", ...empty, papers_with_code: 0, code_share: null, total_upvotes: 0, median_upvotes: null, max_upvotes: null },
      {
        month: "2024-08", papers: 1, alignment_papers: 1, other_alignment_papers: 0, papers_with_author_count: 1, mean_authors: 1, median_authors: 1,
        papers_with_code: 0, code_share: 0, total_upvotes: 0, median_upvotes: 0, max_upvotes: 0,
      },
    ]);
  });

  test("counts papers per month and topic", async () => {
    const [total] = await query(`SELECT count(*) AS n FROM ${tableSql("monthly_topic_papers")}`);
    expect(total).toEqual({ n: 40 });
    const rows = await query(`SELECT * FROM ${tableSql("monthly_topic_papers")} WHERE month IN ('2024-05', '2024-06', '2024-07')`);
    expect(rows).toEqual([
      { month: "2024-05", topic_id: "rlhf", papers: 1 },
      { month: "2024-05", topic_id: "safety", papers: 1 },
      { month: "2024-06", topic_id: "rlhf", papers: 0 },
      { month: "2024-06", topic_id: "safety", papers: 1 },
      { month: "2024-07", topic_id: "rlhf", papers: 0 },
      { month: "2024-07", topic_id: "safety", papers: 0 },
    ]);
  });

  test("counts code hosts per month and team sizes", async () => {
    expect(await query(`SELECT * FROM ${tableSql("monthly_code_hosts")}`)).toEqual([
      { month: "2024-05", code_host: "github.com", papers: 1 },
      { month: "2024-06", code_host: "gitlab.com", papers: 1 },
    ]);
    const sizes = await query(`SELECT team_size, papers FROM ${tableSql("team_sizes")}`);
    expect(sizes).toEqual([
      { team_size: "1", papers: 2 },
      { team_size: "2", papers: 1 },
      { team_size: "3", papers: 1 },
      { team_size: "4", papers: 0 },
      { team_size: "5", papers: 1 },
      { team_size: "6–10", papers: 0 },
      { team_size: "11–20", papers: 0 },
      { team_size: "21–50", papers: 0 },
      { team_size: "51+", papers: 0 },
    ]);
  });

  test("records build, counts and columns in the manifest", () => {
    expect(manifest.command).toBe("npm run export -- --parquet out");
    expect(manifest.exportedAt).toBe("2024-09-02T12:00:00.000Z");
    expect(manifest.database).toEqual({
      path: databasePath,
      buildId: "build-fixture",
      builtAt: "2024-09-01 10:00:00",
      schemaVersion: 4,
      taxonomyVersion: "2024.9.1",
    });
    expect(manifest.tagTaxonomyVersions).toEqual(["2024.9.1"]);
    expect(manifest.tables.map((table) => [table.name, table.kind, table.partitionColumn, table.rows, table.files])).toEqual([
      ["papers", "table", "month", 5, 4],
      ["sightings", "table", "month", 6, 4],
      ["paper_topics", "table", "month", 4, 3],
      ["paper_scopes", "table", "month", 5, 4],
      ["topics", "table", null, 2, 1],
      ["digests", "table", null, 3, 1],
      ["build_info", "table", null, 1, 1],
      ["monthly_summary", "aggregate", null, 20, 1],
      ["monthly_topic_papers", "aggregate", null, 40, 1],
      ["monthly_code_hosts", "aggregate", null, 2, 1],
      ["team_sizes", "aggregate", null, 9, 1],
    ]);
    expect(manifest.leftOut.map((table) => table.name)).toEqual(["paper_terms", "paper_term_texts", "term_months", "term_month_series", "term_month_papers", "term_month_terms", "term_month_counted", "rejects"]);
  });

  test("describes each column with the type readers see", async () => {
    for (const table of manifest.tables) {
      const described = await query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${tableSql(table.name)})`);
      expect(
        table.columns.map((column) => ({ column_name: column.name, column_type: column.type })),
        table.name,
      ).toEqual(described);
    }
    const papers = manifest.tables.find((table) => table.name === "papers");
    expect(papers?.columns.at(-1)).toEqual({
      name: "month",
      type: "VARCHAR",
      description:
        "The month the paper counts under on the dashboard: of first_listed_on, else published_on. Null for a paper dated only to the year, which no monthly chart counts.",
    });
  });

  test("matches the column tables of docs/export.md", () => {
    const page = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../docs/export.md"), "utf8");
    const documented = new Map<string, { name: string; type: string; description: string }[]>();
    let table = "";
    for (const line of page.slice(page.indexOf("## Columns")).split("\n")) {
      const heading = /^### (\w+)$/u.exec(line);
      if (heading) table = heading[1]!;
      const row = /^\| `([^`]+)` \| `([^`]+)` \| (.+) \|$/u.exec(line);
      if (row) documented.set(table, [...(documented.get(table) ?? []), { name: row[1]!, type: row[2]!, description: row[3]! }]);
    }
    expect([...documented.keys()]).toEqual(manifest.tables.map((entry) => entry.name));
    for (const entry of manifest.tables) expect(documented.get(entry.name), entry.name).toEqual(entry.columns);
  });

  test("stamps each file with its table and build", async () => {
    const file = path.join(outputFolder, "papers", "month=2024-05", "data_0.parquet");
    const rows = await query("SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($file) ORDER BY key", { file });
    expect(rows).toEqual([
      { key: "build_id", value: "build-fixture" },
      { key: "table", value: "papers" },
    ]);
  });
});

describe("exportParquetDataset output folder", () => {
  test("writes into an existing empty folder", async () => {
    mkdirSync(path.join(folder, "empty"));
    const target = await exportFixture("empty");
    expect(existsSync(path.join(target, "_manifest.json"))).toBe(true);
  });

  test("rejects a non-empty folder without overwrite", async () => {
    const target = path.join(folder, "occupied");
    mkdirSync(target);
    writeFileSync(path.join(target, "notes.txt"), "keep me");
    await expect(exportFixture("occupied")).rejects.toThrow(
      new OutputFolderError(`Output folder ${target} is not empty; name a new or empty folder, or pass --overwrite to replace an earlier export there`),
    );
    expect(readdirSync(target)).toEqual(["notes.txt"]);
  });

  test("rejects a folder without manifest under overwrite", async () => {
    const target = path.join(folder, "unrelated");
    mkdirSync(target);
    writeFileSync(path.join(target, "notes.txt"), "keep me");
    await expect(exportFixture("unrelated", { overwrite: true })).rejects.toThrow(
      `Output folder ${target} contains no _manifest.json, so it is not an earlier export, which is all --overwrite replaces; name a new or empty folder`,
    );
    expect(readdirSync(target)).toEqual(["notes.txt"]);
  });

  test("replaces an earlier export under overwrite", async () => {
    const target = await exportFixture("again");
    writeFileSync(path.join(target, "stale.txt"), "from the earlier export");
    await exportFixture("again", { overwrite: true });
    expect(existsSync(path.join(target, "stale.txt"))).toBe(false);
    expect(existsSync(path.join(target, "papers", "month=2024-05", "data_0.parquet"))).toBe(true);
    expect(readdirSync(folder).filter((name) => name.startsWith("."))).toEqual([]);
  });

  test("leaves an earlier export whole when a table fails", async () => {
    const target = await exportFixture("kept");
    const before = readFileSync(path.join(target, "_manifest.json"), "utf8");
    const broken = path.join(folder, "broken.duckdb");
    await createFixtureDatabase(broken);
    const instance = await DuckDBInstance.create(broken);
    const connection = await instance.connect();
    await connection.run("DROP TABLE topics");
    connection.closeSync();
    instance.closeSync();

    const failing = exportParquetDataset({ databasePath: broken, outputFolder: target, overwrite: true, command: "test" });
    await expect(failing).rejects.toThrow("Table with name topics does not exist");
    expect(readFileSync(path.join(target, "_manifest.json"), "utf8")).toBe(before);
    expect(readdirSync(folder).filter((name) => name.startsWith("."))).toEqual([]);
  });

  test("writes nothing once aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportFixture("aborted", { signal: controller.signal })).rejects.toThrow(ExportAbortedError);
    expect(existsSync(path.join(folder, "aborted"))).toBe(false);
    expect(readdirSync(folder).filter((name) => name.startsWith("."))).toEqual([]);
  });
});
