import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "../database/readRows";

/**
 * Returns the taxonomy versions stored with the papers' scope and topic tags,
 * in sorted order. A database tagged in one run has one version, an empty
 * database none.
 */
export async function readTaxonomyVersions(connection: DuckDBConnection): Promise<string[]> {
  const rows = await readRows(connection, {
    sql: `SELECT DISTINCT taxonomy_version FROM (
        SELECT taxonomy_version FROM paper_scopes UNION ALL SELECT taxonomy_version FROM paper_topics
      ) ORDER BY taxonomy_version`,
  });
  return rows.map((row) => String(row.taxonomy_version));
}
