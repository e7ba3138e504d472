import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, test } from "vitest";
import { readRows } from "../src/database/readRows";

async function connect() {
  const instance = await DuckDBInstance.create(":memory:");
  return instance.connect();
}

describe("readRows", () => {
  test("converts DuckDB values to JSON-ready values", async () => {
    const connection = await connect();
    const rows = await readRows(connection, {
      sql: "SELECT count(*) AS n, DATE '2024-02-29' AS day, [1::BIGINT, 2] AS list, 1.5::DECIMAL(5, 2) AS decimal, {'a': 3::HUGEINT} AS struct, NULL AS empty, $text AS text",
      params: { text: "Ünïcode" },
    });
    expect(rows).toEqual([{ n: 1, day: "2024-02-29", list: [1, 2], decimal: 1.5, struct: { a: 3 }, empty: null, text: "Ünïcode" }]);
  });

  test("raises on an integer that a JavaScript number cannot hold exactly", async () => {
    const connection = await connect();
    await expect(readRows(connection, { sql: "SELECT 9007199254740993::BIGINT AS big" })).rejects.toThrow(
      "integer 9007199254740993 is outside the range JavaScript numbers hold exactly; cast it to DOUBLE in SQL",
    );
  });

  test("binds values as parameters, never as SQL text", async () => {
    const connection = await connect();
    const rows = await readRows(connection, { sql: "SELECT $value AS value", params: { value: "'; DROP TABLE x; --" } });
    expect(rows).toEqual([{ value: "'; DROP TABLE x; --" }]);
  });
});
