import { execFile } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ingestDigests } from "@alignment-trends/ingest";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PINNED_TODAY, REPOSITORY_ROOT } from "../support/paths";

/*
 * The export command, run as a real process, on a database whose dates and
 * text are as odd as DuckDB allows: every file it writes must stay inside
 * the folder given with --parquet.
 */

const run = promisify(execFile);
const FIXTURE = path.join(REPOSITORY_ROOT, "tests/fixtures/downloads/2025-03-03.json");
const EXPORT_CLI = path.join(REPOSITORY_ROOT, "packages/analytics/src/cli/exportDataset.ts");
const TSX = path.join(REPOSITORY_ROOT, "node_modules/.bin/tsx");

/**
 * Dates that make odd month folder names, planted in the columns the
 * partitions come from: a negative year, which DuckDB writes as `-10`, and
 * the last day the ingest accepts. Titles and code hosts get path traversal
 * text, which no file name may take.
 */
const HOSTILE_UPDATES = [
  "UPDATE papers SET first_listed_on = DATE '-0010-01-01' WHERE paper_id = '2503.00001'",
  "UPDATE papers SET first_listed_on = DATE '9999-12-31' WHERE paper_id = '2503.00002'",
  "UPDATE papers SET first_listed_on = NULL, published_on = NULL WHERE paper_id = '2503.00004'",
  "UPDATE papers SET title = '../../../etc/passwd', code_host = '..' WHERE paper_id = '2503.00005'",
  "UPDATE sightings SET seen_on = DATE '-0010-01-01' WHERE paper_id = '2503.00001'",
];

/** DuckDB's infinite dates, which no digest can produce and the monthly aggregates cannot count. */
const INFINITE_UPDATES = [
  "UPDATE papers SET first_listed_on = DATE 'infinity' WHERE paper_id = '2503.00003'",
  "UPDATE sightings SET seen_on = DATE '-infinity' WHERE paper_id = '2503.00003'",
];

let folder: string;
let databasePath: string;

/** Lists every entry under a folder, as paths relative to it, folders included. */
function listTree(root: string, relative = ""): string[] {
  return readdirSync(path.join(root, relative)).flatMap((name) => {
    const entry = path.join(relative, name);
    return lstatSync(path.join(root, entry)).isDirectory() ? [entry, ...listTree(root, entry)] : [entry];
  });
}

/** Ingests the download fixture into `file` and runs `updates` on it. */
async function buildDatabase(file: string, updates: string[]): Promise<void> {
  const summary = await ingestDigests({ inputs: [FIXTURE], databasePath: file, today: PINNED_TODAY });
  expect(summary.failed).toBe(0);
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  for (const update of updates) await connection.run(update);
  connection.closeSync();
  instance.closeSync();
}

beforeAll(async () => {
  folder = realpathSync(mkdtempSync(path.join(tmpdir(), "export-paths-")));
  databasePath = path.join(folder, "trends.duckdb");
  await buildDatabase(databasePath, HOSTILE_UPDATES);
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("export command paths", () => {
  test("hostile dates stay inside the output folder", async () => {
    const work = path.join(folder, "work");
    mkdirSync(work);
    const before = readdirSync(folder).sort();

    // A relative DIR is read from INIT_CWD, the folder npm was run in.
    const { stdout } = await run(TSX, [EXPORT_CLI, "--parquet", "out/dataset", "--db", databasePath], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, INIT_CWD: work },
    });
    expect(stdout).toMatch(/^Wrote \d+ tables/u);

    expect(readdirSync(folder).sort()).toEqual(before);
    expect(readdirSync(work)).toEqual(["out"]);
    expect(readdirSync(path.join(work, "out"))).toEqual(["dataset"]);
    const dataset = path.join(work, "out", "dataset");
    const entries = listTree(dataset);
    for (const entry of entries) {
      expect(realpathSync(path.join(dataset, entry)).startsWith(`${dataset}${path.sep}`), entry).toBe(true);
      expect(entry.split(path.sep).includes(".."), entry).toBe(false);
    }

    const monthFolders = [...new Set(entries.map((entry) => entry.split(path.sep)[1]).filter((name) => name?.startsWith("month=")))].sort();
    expect(monthFolders).toEqual(["month=-10-01", "month=2025-03", "month=9999-12", "month=__HIVE_DEFAULT_PARTITION__"]);
  });

  test("a folder named by .. segments resolves before writing", async () => {
    const work = path.join(folder, "dots");
    mkdirSync(path.join(work, "a"), { recursive: true });
    await run(TSX, [EXPORT_CLI, "--parquet", "a/../b", "--db", databasePath], { cwd: REPOSITORY_ROOT, env: { ...process.env, INIT_CWD: work } });
    expect(readdirSync(work).sort()).toEqual(["a", "b"]);
    expect(readdirSync(path.join(work, "a"))).toEqual([]);
    expect(readdirSync(path.join(work, "b"))).toContain("_manifest.json");
  });

  test("infinite dates fail without writing", async () => {
    const work = path.join(folder, "infinite");
    mkdirSync(work);
    const infiniteDatabase = path.join(work, "trends.duckdb");
    await buildDatabase(infiniteDatabase, INFINITE_UPDATES);
    const failure = await run(TSX, [EXPORT_CLI, "--parquet", "dataset", "--db", infiniteDatabase], { cwd: REPOSITORY_ROOT, env: { ...process.env, INIT_CWD: work } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(`Export failed: Invalid Input Error: Interval infinite bounds not supported; ${path.join(work, "dataset")} is as it was before`);
    expect(readdirSync(work)).toEqual(["trends.duckdb"]);
  });
});
