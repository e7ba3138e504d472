import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRows } from "@alignment-trends/analytics";
import { TrendFilterSchema } from "@alignment-trends/schema";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, test } from "vitest";
import { exportResponse, type ExportInput } from "../../lib/export/exportResponse";
import { tableToCsv } from "../../lib/export/tableToCsv";
import { SAMPLE_PROVENANCE as PROVENANCE, SAMPLE_TABLE } from "./sampleTable";

const filter = TrendFilterSchema.parse({ topics: ["rlhf"] });
function inputFor(format: ExportInput["format"]): ExportInput {
  return {
    format,
    table: SAMPLE_TABLE,
    provenance: PROVENANCE,
    fileName: { table: "sample", filter, bucket: "month" },
    json: { series: [1, 2] },
    url: new URL(`http://127.0.0.1:3000/api/v1/trends?metric=code&topic=rlhf&format=${format}`),
  };
}

describe("exportResponse", () => {
  test("CSV carries a file name and a provenance link", async () => {
    const response = await exportResponse(inputFor("csv"));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"alignment-trends_sample_topic-rlhf_month.csv\"; filename*=UTF-8''alignment-trends_sample_topic-rlhf_month.csv",
    );
    expect(response.headers.get("link")).toBe('</api/v1/trends?metric=code&topic=rlhf&format=provenance>; rel="describedby"; type="application/json"');
    // `Response.text()` drops a byte order mark, so the test compares bytes.
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(tableToCsv(SAMPLE_TABLE), "utf8"));
  });

  test("JSON adds provenance to the route's body", async () => {
    const response = await exportResponse(inputFor("json"));
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ series: [1, 2], provenance: PROVENANCE });
  });

  test("provenance sidecar lists the table's columns", async () => {
    const response = await exportResponse(inputFor("provenance"));
    expect(await response.json()).toEqual({
      provenance: PROVENANCE,
      table: { name: "sample", description: SAMPLE_TABLE.description, columns: SAMPLE_TABLE.columns, notes: ["One note."] },
    });
  });

  test("Parquet carries provenance and columns as metadata", async () => {
    const response = await exportResponse(inputFor("parquet"));
    expect(response.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"alignment-trends_sample_topic-rlhf_month.parquet\"; filename*=UTF-8''alignment-trends_sample_topic-rlhf_month.parquet",
    );
    expect(response.headers.get("link")).toBe('</api/v1/trends?metric=code&topic=rlhf&format=provenance>; rel="describedby"; type="application/json"');

    const folder = mkdtempSync(join(tmpdir(), "export-response-test-"));
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const path = join(folder, "sample.parquet");
      writeFileSync(path, new Uint8Array(await response.arrayBuffer()));
      const metadata = await readRows(connection, {
        sql: "SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($path) ORDER BY key",
        params: { path },
      });
      expect(metadata).toEqual([
        { key: "columns", value: JSON.stringify(SAMPLE_TABLE.columns) },
        { key: "description", value: SAMPLE_TABLE.description },
        { key: "notes", value: JSON.stringify(["One note."]) },
        { key: "provenance", value: JSON.stringify(PROVENANCE) },
        { key: "table", value: "sample" },
      ]);
      const [count] = await readRows(connection, { sql: "SELECT count(*)::INTEGER AS rows FROM read_parquet($path)", params: { path } });
      expect(count).toEqual({ rows: 3 });
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
