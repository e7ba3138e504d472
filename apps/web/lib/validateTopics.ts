import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";

/** Returns the message for the first topic id the database does not know, or null when all are known. */
export async function findUnknownTopic(connection: DuckDBConnection, topics: string[]): Promise<string | null> {
  if (topics.length === 0) return null;
  const rows = await readRows(connection, { sql: "SELECT topic_id FROM topics ORDER BY position" });
  const known = rows.map((row) => String(row.topic_id));
  const unknown = topics.find((topic) => !known.includes(topic));
  return unknown === undefined ? null : `Invalid parameter "topic": unknown topic "${unknown}"; known topics: ${known.join(", ")}`;
}
