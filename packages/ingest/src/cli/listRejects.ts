import { existsSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { readRows, type Row } from "@alignment-trends/analytics";

/** Reads every stored reject, newest digest first, from the database opened read-only. */
export async function listRejects(databasePath: string): Promise<Row[]> {
  if (!existsSync(databasePath)) throw new Error(`No database at ${databasePath}; ingest digests first`);
  const instance = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return await readRows(connection, {
      sql: "SELECT path, location, reason, detail FROM rejects ORDER BY digest_id DESC, path, location",
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
