import { readRows, type Row } from "@alignment-trends/analytics";
import { DuckDBInstance } from "@duckdb/node-api";

export interface ParquetContents {
  /** Column names with their DuckDB types, in file order. */
  columns: { name: string; type: string }[];
  rows: Row[];
  /** The file's key-value metadata, decoded as UTF-8 text. */
  metadata: Record<string, string>;
}

/** Reads a Parquet file through an in-memory DuckDB: its columns, rows and key-value metadata. */
export async function readParquet(path: string): Promise<ParquetContents> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const params = { path };
    const columns = await readRows(connection, { sql: "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($path))", params });
    const rows = await readRows(connection, { sql: "SELECT * FROM read_parquet($path)", params });
    const metadata = await readRows(connection, { sql: "SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($path)", params });
    return {
      columns: columns.map((column) => ({ name: String(column.column_name), type: String(column.column_type) })),
      rows,
      metadata: Object.fromEntries(metadata.map((entry) => [String(entry.key), String(entry.value)])),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
