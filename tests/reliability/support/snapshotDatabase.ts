import { DuckDBInstance } from "@duckdb/node-api";
import { quoteIdentifier, readRows } from "@alignment-trends/analytics";

/**
 * Columns that differ between two ingests of the same files: the build id and
 * the times of the build, of each digest's load and of each paper's last merge.
 */
const VOLATILE_COLUMNS: Record<string, string[]> = {
  build_info: ["build_id", "built_at"],
  digests: ["ingested_at"],
  papers: ["updated_at"],
};

/**
 * One table's content: its row count and the sum of DuckDB's 64-bit hash of
 * each row, as a decimal string. The sum does not depend on the row order but
 * changes with any row added, removed or changed, short of a hash collision.
 */
export interface TableDigest {
  rows: number;
  hashSum: string;
}

/** A database's content, table by table, and its build info as text. */
export interface DatabaseSnapshot {
  tables: Record<string, TableDigest>;
  buildInfo: string[];
}

/**
 * Opens the database read-only and digests every table's full content, so
 * two snapshots are equal when every table contains the same rows as a
 * multiset. With `stableOnly`, the columns that no two ingests share
 * (`VOLATILE_COLUMNS`) are left out. Raises when the file does not open.
 */
export async function snapshotDatabase(databasePath: string, options: { stableOnly: boolean }): Promise<DatabaseSnapshot> {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const tableRows = await readRows(connection, {
      sql: "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY table_name",
    });
    const tables: Record<string, TableDigest> = {};
    for (const { table_name: table } of tableRows) {
      const name = String(table);
      const excluded = options.stableOnly ? (VOLATILE_COLUMNS[name] ?? []) : [];
      const columns = excluded.length > 0 ? `* EXCLUDE (${excluded.map(quoteIdentifier).join(", ")})` : "*";
      const [digest] = await readRows(connection, {
        sql: `SELECT count(*)::INTEGER AS rows, coalesce(sum(hash(row_values)::HUGEINT), 0)::VARCHAR AS hash_sum
              FROM (SELECT ${columns} FROM ${quoteIdentifier(name)}) row_values`,
      });
      tables[name] = { rows: Number(digest!.rows), hashSum: String(digest!.hash_sum) };
    }
    const buildColumns = options.stableOnly ? "schema_version, taxonomy_version" : "*";
    const buildInfo = await readRows(connection, { sql: `SELECT info::VARCHAR AS line FROM (SELECT ${buildColumns} FROM build_info) info` });
    return { tables, buildInfo: buildInfo.map((row) => String(row.line)) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
