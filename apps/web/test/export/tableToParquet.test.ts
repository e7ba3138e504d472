import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRows } from "@alignment-trends/analytics";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { tableToParquet } from "../../lib/export/tableToParquet";
import { SAMPLE_TABLE } from "./sampleTable";

let folder: string;
let previousTmpdir: string | undefined;
let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "parquet-test-"));
  previousTmpdir = process.env.TMPDIR;
  // `tableToParquet` makes its temporary folder under TMPDIR, so the test can check that it removes it.
  process.env.TMPDIR = join(folder, "scratch");
  mkdirSync(process.env.TMPDIR);
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});

afterEach(() => {
  connection.closeSync();
  instance.closeSync();
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  rmSync(folder, { recursive: true, force: true });
});

/** Writes Parquet bytes to a file for DuckDB to read back, and returns its path. */
function writeBytes(bytes: Uint8Array): string {
  const path = join(folder, "read-back.parquet");
  writeFileSync(path, bytes);
  return path;
}

describe("tableToParquet", () => {
  test("writes typed columns and exact values", async () => {
    const path = writeBytes(await tableToParquet(SAMPLE_TABLE, {}));

    const types = await readRows(connection, { sql: "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($path))", params: { path } });
    expect(types).toEqual([
      { column_name: "period_start", column_type: "DATE" },
      { column_name: "label", column_type: "VARCHAR" },
      { column_name: "papers", column_type: "INTEGER" },
      { column_name: "total_upvotes", column_type: "BIGINT" },
      { column_name: "share", column_type: "DOUBLE" },
      { column_name: "indexed", column_type: "BOOLEAN" },
      { column_name: "topics", column_type: "VARCHAR[]" },
    ]);
    expect(await readRows(connection, { sql: "SELECT * FROM read_parquet($path)", params: { path } })).toEqual([
      { period_start: "2024-01-01", label: '=HYPERLINK("x")', papers: 12, total_upvotes: 9_007_199_254_740_991, share: 0.25, indexed: true, topics: ["rlhf", "safety"] },
      { period_start: "2024-02-29", label: 'Łukasz, "quoted"', papers: 0, total_upvotes: 0, share: null, indexed: false, topics: [] },
      { period_start: null, label: "-1 minus", papers: null, total_upvotes: null, share: -0.5, indexed: null, topics: null },
    ]);
  });

  test("stores the key-value metadata as given", async () => {
    const provenance = JSON.stringify({ request: "/api/v1/trends?q=it's", topic: "Präferenz" });
    const path = writeBytes(await tableToParquet(SAMPLE_TABLE, { provenance, table: "sample" }));

    const metadata = await readRows(connection, {
      sql: "SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($path) ORDER BY key",
      params: { path },
    });
    expect(metadata).toEqual([
      { key: "provenance", value: provenance },
      { key: "table", value: "sample" },
    ]);
  });

  test("removes its temporary folder, also after a failure", async () => {
    await tableToParquet(SAMPLE_TABLE, {});
    await expect(tableToParquet({ ...SAMPLE_TABLE, rows: [["2024-02-30", "x", 1, 1, 1, true, []]] }, {})).rejects.toThrow();
    expect(readdirSync(process.env.TMPDIR!)).toEqual([]);
  });

  test.each([
    [["2024-02-30", "x", 1, 1, 1, true, []], 'Failed to write column "period_start" of row 1 to Parquet: expected a date as YYYY-MM-DD, got "2024-02-30"; fix the table builder that made the row'],
    [["2024-01-01", "x", 1.5, 1, 1, true, []], 'Failed to write column "papers" of row 1 to Parquet: expected a 32-bit integer, got 1.5; fix the table builder that made the row'],
    [["2024-01-01", 3, 1, 1, 1, true, []], 'Failed to write column "label" of row 1 to Parquet: expected text, got 3; fix the table builder that made the row'],
    [["2024-01-01", "x", 1, 1, 1, "yes", []], 'Failed to write column "indexed" of row 1 to Parquet: expected true or false, got "yes"; fix the table builder that made the row'],
    [["2024-01-01", "x", 1, 1, 1, true, "rlhf"], 'Failed to write column "topics" of row 1 to Parquet: expected a list of text, got "rlhf"; fix the table builder that made the row'],
  ])("rejects a cell of the wrong type: %j", async (row, message) => {
    await expect(tableToParquet({ ...SAMPLE_TABLE, rows: [row] }, {})).rejects.toThrow(message);
  });

  test("rejects a row of wrong length", async () => {
    await expect(tableToParquet({ ...SAMPLE_TABLE, rows: [["2024-01-01"]] }, {})).rejects.toThrow(
      'Failed to write row 1 of table "sample": it has 1 values for 7 columns',
    );
  });

  test("rejects an invalid metadata key", async () => {
    await expect(tableToParquet(SAMPLE_TABLE, { "bad key": "x" })).rejects.toThrow(
      'Invalid Parquet metadata key "bad key": use lower case letters, digits and underscores',
    );
  });
});
