import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { withWorkingCopy } from "../src/database/withWorkingCopy";

let folder: string;
let databasePath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "working-copy-test-"));
  databasePath = path.join(folder, "trends.duckdb");
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function insertPaperId(paperId: string, lines: string[] = []): Promise<void> {
  await withWorkingCopy(
    databasePath,
    async (connection) => {
      await connection.run("CREATE TABLE IF NOT EXISTS marks (paper_id VARCHAR)");
      await connection.run("INSERT INTO marks VALUES ($paperId)", { paperId });
      return { result: undefined, changed: true };
    },
    { log: (line) => lines.push(line) },
  );
}

async function readMarks(): Promise<string[]> {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return (await readRows(connection, { sql: "SELECT paper_id FROM marks ORDER BY paper_id" })).map((row) => String(row.paper_id));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Leaves the files an ingest killed as process `pid` leaves: its lock, its working copy, log and spill folder. */
function leaveKilledIngest(pid: number): void {
  const workingPath = path.join(folder, `.trends.duckdb.ingest-${pid}`);
  writeFileSync(`${databasePath}.lock`, JSON.stringify({ pid, startedAt: "2026-12-04T00:00:00Z" }));
  writeFileSync(workingPath, "not a database: the copy was cut short");
  writeFileSync(`${workingPath}.wal`, "half a log");
  mkdirSync(`${workingPath}.tmp`);
  writeFileSync(path.join(`${workingPath}.tmp`, "duckdb_temp_storage_DEFAULT-0.tmp"), "spilled rows");
}

describe("withWorkingCopy", () => {
  test("deletes what a killed ingest left, publishes only its own copy", async () => {
    await insertPaperId("2503.00001");
    const killedPid = 2 ** 22 + 4321;
    leaveKilledIngest(killedPid);
    writeFileSync(path.join(folder, ".other.duckdb.ingest-77"), "another database's working copy");
    const lines: string[] = [];

    await insertPaperId("2503.00002", lines);

    expect(readdirSync(folder).sort()).toEqual([".other.duckdb.ingest-77", "trends.duckdb"]);
    expect(await readMarks()).toEqual(["2503.00001", "2503.00002"]);
    expect(lines[0]).toBe(
      `removed .trends.duckdb.ingest-${killedPid}, .trends.duckdb.ingest-${killedPid}.tmp, .trends.duckdb.ingest-${killedPid}.wal, left by an ingest that was killed`,
    );
  });

  test("keeps the database when the work fails", async () => {
    await insertPaperId("2503.00001");
    const failing = withWorkingCopy(databasePath, async (connection) => {
      await connection.run("INSERT INTO marks VALUES ('2503.00002')");
      throw new Error("parse failed");
    });
    await expect(failing).rejects.toThrow("parse failed");
    expect(readdirSync(folder)).toEqual(["trends.duckdb"]);
    expect(await readMarks()).toEqual(["2503.00001"]);
  });
});
