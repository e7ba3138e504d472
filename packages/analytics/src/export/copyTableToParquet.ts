import { mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { DatasetColumn } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../database/readRows";
import type { DatasetTableSpec } from "./datasetTableSpec";

/** The name of the single file of a table that is not partitioned, the name DuckDB gives the first file of each partition. */
export const DATA_FILE_NAME = "data_0.parquet";

/** The counts, size and columns of one copied table. */
export interface CopiedTable {
  rows: number;
  files: number;
  bytes: number;
  columns: DatasetColumn[];
}

/** Returns the Parquet files under a folder, at any depth, with their sizes in bytes. */
export function listParquetFiles(folder: string): { path: string; bytes: number }[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) return listParquetFiles(entryPath);
    return entry.isFile() && entry.name.endsWith(".parquet") ? [{ path: entryPath, bytes: statSync(entryPath).size }] : [];
  });
}

/**
 * Reads the names and DuckDB types of the query's columns with DESCRIBE, which
 * plans the query without running it. Raises unless they are the spec's
 * columns in order, then `month` when the table is partitioned, so that the
 * manifest describes every column of the files.
 */
async function describeColumns(connection: DuckDBConnection, table: DatasetTableSpec): Promise<DatasetColumn[]> {
  const rows = await readRows(connection, { sql: `SELECT column_name, column_type FROM (DESCRIBE ${table.query.sql})`, params: table.query.params });
  const described = [...table.columns];
  if (table.monthPartition !== null) described.push({ name: "month", description: table.monthPartition });

  const names = rows.map((row) => String(row.column_name));
  const expected = described.map((column) => column.name);
  if (names.join(",") !== expected.join(",")) {
    throw new Error(
      `The query of table ${table.name} returns the columns ${names.join(", ")}, but its spec describes ${expected.join(", ")}; make the spec's columns match the query`,
    );
  }
  return described.map((column, index) => ({ name: column.name, type: String(rows[index]?.column_type), description: column.description }));
}

/**
 * Copies one table to Parquet files in `folder`: split into `month=YYYY-MM`
 * folders when the table is partitioned, else one file. DuckDB runs the query
 * and writes the files in a stream, so the rows never pass through
 * JavaScript. Each file's key-value metadata names its table and the
 * database build. The folder must not exist yet or be empty.
 */
export async function copyTableToParquet(
  connection: DuckDBConnection,
  table: DatasetTableSpec,
  folder: string,
  buildId: string,
): Promise<CopiedTable> {
  const columns = await describeColumns(connection, table);
  mkdirSync(folder, { recursive: true });

  // DuckDB 1.5 binds the target path of COPY as a parameter like any value, so no path is ever spliced into the SQL text.
  const partition = table.monthPartition === null ? "" : ", PARTITION_BY (month)";
  const target = table.monthPartition === null ? path.join(folder, DATA_FILE_NAME) : folder;
  const reader = await connection.runAndReadAll(
    `COPY (${table.query.sql}) TO $export_path (FORMAT parquet, COMPRESSION zstd${partition}, KV_METADATA {"table": $export_table, build_id: $export_build_id})`,
    { ...table.query.params, export_path: target, export_table: table.name, export_build_id: buildId },
  );
  const files = listParquetFiles(folder);
  return {
    rows: Number(reader.getRows()[0]?.[0] ?? 0),
    files: files.length,
    bytes: files.reduce((total, file) => total + file.bytes, 0),
    columns,
  };
}
