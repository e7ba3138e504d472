import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { readRow } from "../src/database/readRows";
import { DATABASE_SCHEMA_VERSION, TrendsDatabase } from "../src/database/TrendsDatabase";

let folder: string;
let databasePath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "cached-results-"));
  databasePath = path.join(folder, "trends.duckdb");
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Writes a database with a build stamp and one `figures` row beside the served file, then renames it into place as the ingest does. */
async function publishDatabase(buildId: string, papers: number): Promise<void> {
  const staged = path.join(folder, `${buildId}.duckdb`);
  const instance = await DuckDBInstance.create(staged);
  const connection = await instance.connect();
  try {
    await connection.run("CREATE TABLE build_info (schema_version INTEGER, build_id VARCHAR, built_at TIMESTAMP, taxonomy_version VARCHAR)");
    await connection.run("INSERT INTO build_info VALUES ($version, $buildId, TIMESTAMP '2026-12-04 10:00:00', NULL)", {
      version: DATABASE_SCHEMA_VERSION,
      buildId,
    });
    await connection.run("CREATE TABLE figures (papers INTEGER)");
    await connection.run("INSERT INTO figures VALUES ($papers)", { papers });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  renameSync(staged, databasePath);
}

const sizeOf = () => 8;

describe("TrendsDatabase.withCachedResult", () => {
  test("hit skips the query", async () => {
    await publishDatabase("build-1", 5);
    const database = new TrendsDatabase(databasePath);
    let queries = 0;
    const countPapers = async (connection: DuckDBConnection) => {
      queries += 1;
      return Number((await readRow(connection, { sql: "SELECT papers FROM figures" })).papers);
    };

    expect(await database.withCachedResult("papers", countPapers, { sizeOf })).toBe(5);
    expect(await database.withCachedResult("papers", countPapers, { sizeOf })).toBe(5);
    expect(queries).toBe(1);
    database.close();
  });

  test("replaced file starts an empty cache", async () => {
    await publishDatabase("build-1", 5);
    const database = new TrendsDatabase(databasePath);
    const builds: string[] = [];
    const readPapers = (connection: DuckDBConnection, build: { buildId: string }) => {
      builds.push(build.buildId);
      return readRow(connection, { sql: "SELECT papers FROM figures" }).then((row) => Number(row.papers));
    };
    expect(await database.withCachedResult("papers", readPapers, { sizeOf })).toBe(5);

    await publishDatabase("build-2", 7);
    // The class checks the file at most every 250 ms.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(await database.withCachedResult("papers", readPapers, { sizeOf })).toBe(7);
    expect(await database.withCachedResult("papers", readPapers, { sizeOf })).toBe(7);
    expect(builds).toEqual(["build-1", "build-2"]);
    database.close();
  });

  test("result of a replaced file is not stored in the new cache", async () => {
    await publishDatabase("build-1", 5);
    const database = new TrendsDatabase(databasePath);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowRead = async (connection: DuckDBConnection) => {
      await released;
      return Number((await readRow(connection, { sql: "SELECT papers FROM figures" })).papers);
    };
    const fastRead = async (connection: DuckDBConnection) => Number((await readRow(connection, { sql: "SELECT papers FROM figures" })).papers);

    const old = database.withCachedResult("papers", slowRead, { sizeOf });
    // Let the slow read open its connection to the first file before the file is replaced.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await publishDatabase("build-2", 7);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await database.build()).buildId).toBe("build-2");
    release();

    expect(await old).toBe(5);
    expect(await database.withCachedResult("papers", fastRead, { sizeOf })).toBe(7);
    database.close();
  });
});
