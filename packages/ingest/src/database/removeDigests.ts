import type { DuckDBConnection } from "@duckdb/node-api";
import { DuckDBListValue } from "@duckdb/node-api";

/** Creates the empty temp table of papers whose sightings a load removed. */
export async function createRemovedPapersTable(connection: DuckDBConnection): Promise<void> {
  await connection.run("CREATE OR REPLACE TEMP TABLE removed_papers (paper_id VARCHAR)");
}

/**
 * Removes digests with their sightings and rejects, inside the caller's
 * transaction, and notes the papers those sightings belonged to in
 * `removed_papers`, so that the merge derives them again from the sightings
 * left, and drops a paper that has none.
 */
export async function removeDigests(connection: DuckDBConnection, digestIds: number[]): Promise<void> {
  if (digestIds.length === 0) return;
  const ids = { ids: new DuckDBListValue(digestIds) };
  await connection.run("INSERT INTO removed_papers SELECT DISTINCT paper_id FROM sightings WHERE list_contains($ids, digest_id)", ids);
  await connection.run("DELETE FROM sightings WHERE list_contains($ids, digest_id)", ids);
  await connection.run("DELETE FROM rejects WHERE list_contains($ids, digest_id)", ids);
  await connection.run("DELETE FROM digests WHERE list_contains($ids, digest_id)", ids);
}
