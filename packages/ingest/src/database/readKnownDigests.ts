import type { DuckDBConnection } from "@duckdb/node-api";
import { readRow, readRows } from "@alignment-trends/analytics";

/** Returns the status (`loaded` or `failed`) of every digest content the database has seen, by content hash. */
export async function readKnownDigests(connection: DuckDBConnection): Promise<Map<string, string>> {
  const rows = await readRows(connection, { sql: "SELECT content_hash, max(status) AS status FROM digests GROUP BY content_hash" });
  return new Map(rows.map((row) => [String(row.content_hash), String(row.status)]));
}

/** Returns the id the next digest gets. */
export async function readNextDigestId(connection: DuckDBConnection): Promise<number> {
  const row = await readRow(connection, { sql: "SELECT coalesce(max(digest_id), 0) + 1 AS id FROM digests" });
  return Number(row.id);
}
