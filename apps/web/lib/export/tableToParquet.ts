import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quoteIdentifier } from "@alignment-trends/analytics";
import type { ExportColumn } from "@alignment-trends/schema";
import { dateValue, DuckDBInstance, LIST, VARCHAR, type DuckDBAppender } from "@duckdb/node-api";
import type { ExportTable, ExportValue } from "./exportTable";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const METADATA_KEY = /^[a-z][a-z0-9_]*$/u;

function invalidCell(column: ExportColumn, rowIndex: number, value: ExportValue, expected: string): Error {
  return new TypeError(
    `Failed to write column "${column.name}" of row ${rowIndex + 1} to Parquet: expected ${expected}, got ${JSON.stringify(value)}; fix the table builder that made the row`,
  );
}

/** Returns the days since 1970-01-01 of a `YYYY-MM-DD` date, or null when the text is no calendar date. */
function daysSinceEpoch(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) return null;
  return time / 86_400_000;
}

/** Appends one cell in the column's type, and raises on a value of another type instead of letting DuckDB coerce it. */
function appendCell(appender: DuckDBAppender, column: ExportColumn, rowIndex: number, value: ExportValue): void {
  if (value === null) {
    appender.appendNull();
    return;
  }
  switch (column.type) {
    case "VARCHAR":
      if (typeof value !== "string") throw invalidCell(column, rowIndex, value, "text");
      appender.appendVarchar(value);
      return;
    case "INTEGER":
      if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > 2 ** 31 - 1) {
        throw invalidCell(column, rowIndex, value, "a 32-bit integer");
      }
      appender.appendInteger(value);
      return;
    case "BIGINT":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) throw invalidCell(column, rowIndex, value, "a safe integer");
      appender.appendBigInt(BigInt(value));
      return;
    case "DOUBLE":
      if (typeof value !== "number" || !Number.isFinite(value)) throw invalidCell(column, rowIndex, value, "a finite number");
      appender.appendDouble(value);
      return;
    case "BOOLEAN":
      if (typeof value !== "boolean") throw invalidCell(column, rowIndex, value, "true or false");
      appender.appendBoolean(value);
      return;
    case "DATE": {
      const days = typeof value === "string" ? daysSinceEpoch(value) : null;
      if (days === null) throw invalidCell(column, rowIndex, value, "a date as YYYY-MM-DD");
      appender.appendDate(dateValue(days));
      return;
    }
    case "VARCHAR[]":
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) throw invalidCell(column, rowIndex, value, "a list of text");
      appender.appendList(value, LIST(VARCHAR));
      return;
  }
}

/**
 * Writes a table as a Parquet file and returns its bytes. The rows go into a
 * typed table of a fresh in-memory DuckDB, which shares no state with the
 * served database. DuckDB copies that table to a file in a new temporary
 * folder, which is removed afterwards, also on failure. `metadata` becomes
 * the file's key-value metadata, and its keys must be lower case words.
 */
export async function tableToParquet(table: ExportTable, metadata: Record<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  const keys = Object.keys(metadata);
  const invalidKey = keys.find((key) => !METADATA_KEY.test(key));
  if (invalidKey !== undefined) throw new Error(`Invalid Parquet metadata key "${invalidKey}": use lower case letters, digits and underscores`);

  const directory = await mkdtemp(join(tmpdir(), "alignment-trends-parquet-"));
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    // Load the rows into a table typed by the column descriptions.
    const columnsSql = table.columns.map((column) => `${quoteIdentifier(column.name)} ${column.type}`).join(", ");
    await connection.run(`CREATE TABLE export_rows (${columnsSql})`);
    const appender = await connection.createAppender("export_rows");
    table.rows.forEach((row, rowIndex) => {
      if (row.length !== table.columns.length) {
        throw new Error(`Failed to write row ${rowIndex + 1} of table "${table.name}": it has ${row.length} values for ${table.columns.length} columns`);
      }
      table.columns.forEach((column, index) => appendCell(appender, column, rowIndex, row[index]!));
      appender.endRow();
    });
    appender.closeSync();

    // Copy it to Parquet; the path and the metadata values are bound, and the keys are checked words, quoted because some are SQL keywords.
    const path = join(directory, "export.parquet");
    const metadataSql = keys.map((key, index) => `${quoteIdentifier(key)}: $meta${index}`).join(", ");
    const params = Object.fromEntries([["path", path], ...keys.map((key, index) => [`meta${index}`, metadata[key]!])]);
    const kvMetadata = keys.length > 0 ? `, KV_METADATA {${metadataSql}}` : "";
    await connection.run(`COPY export_rows TO $path (FORMAT parquet, COMPRESSION zstd${kvMetadata})`, params);
    return new Uint8Array(await readFile(path));
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(directory, { recursive: true, force: true });
  }
}
