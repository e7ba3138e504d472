import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * Creates the empty temp table of papers whose tags and term index rows are
 * out of date. Each batch of a load adds the papers its merge touched, and
 * the load brings them all up to date once, at its end: a pass per batch
 * would rescan the growing term index every time.
 */
export async function createPendingPapersTable(connection: DuckDBConnection): Promise<void> {
  await connection.run("CREATE OR REPLACE TEMP TABLE pending_papers (paper_id VARCHAR)");
}
