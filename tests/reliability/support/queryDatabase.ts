import { readRows, type Row, type SqlQuery } from "@alignment-trends/analytics";
import { DuckDBInstance } from "@duckdb/node-api";

/** Runs one query on the database file at `databasePath`, opened read-only and closed again. */
export async function queryDatabase(databasePath: string, sql: string, params?: SqlQuery["params"]): Promise<Row[]> {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return await readRows(connection, { sql, params });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
