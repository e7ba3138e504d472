import { existsSync, statSync } from "node:fs";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { BuildInfo } from "@alignment-trends/schema";
import { readRow } from "../database/readRows";
import { DATABASE_SCHEMA_VERSION, DatabaseUnavailableError } from "../database/TrendsDatabase";

/** The open database an export reads, with its build stamp. */
export interface ExportSource {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  build: BuildInfo;
  schemaVersion: number;
}

export interface ExportSourceSettings {
  /** DuckDB's `memory_limit`, such as `2GB`; DuckDB's default (80% of the machine's memory) when null. */
  memoryLimit: string | null;
  /** The folder where DuckDB may spill data that does not fit in memory. */
  tempDirectory: string;
}

/** Raises unless `databasePath` names an existing file. */
export function checkDatabaseFile(databasePath: string): void {
  if (!existsSync(databasePath)) {
    throw new DatabaseUnavailableError(
      `No trends database at ${databasePath}; create it with: npm run ingest -- data/samples --db ${databasePath}, or name another file with --db`,
    );
  }
  if (!statSync(databasePath).isFile()) {
    throw new DatabaseUnavailableError(`${databasePath} is a folder, not a trends database file; name the .duckdb file with --db`);
  }
}

/**
 * Opens the database read-only and reads its build stamp. Read-only access
 * takes no write lock, so a server may read the file at the same time, and an
 * ingest that renames a new file over it leaves this export reading the old
 * one to the end. Raises `DatabaseUnavailableError` when the file is missing,
 * is not a trends database, or has another layout version.
 */
export async function openExportSource(databasePath: string, settings: ExportSourceSettings): Promise<ExportSource> {
  checkDatabaseFile(databasePath);
  const options: Record<string, string> = { access_mode: "READ_ONLY", temp_directory: settings.tempDirectory };
  if (settings.memoryLimit !== null) options.memory_limit = settings.memoryLimit;

  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(databasePath, options);
  } catch (error) {
    throw new DatabaseUnavailableError(`Failed to open ${databasePath} read-only: ${(error as Error).message}`, { cause: error });
  }
  const connection = await instance.connect();
  try {
    // Rows of a query without ORDER BY may be written in any order, which lets DuckDB stream them instead of buffering.
    await connection.run("SET preserve_insertion_order = false");
    const row = await readRow(connection, {
      sql: "SELECT schema_version, build_id, CAST(built_at AS VARCHAR) AS built_at, taxonomy_version FROM build_info",
    });
    if (row.schema_version !== DATABASE_SCHEMA_VERSION) {
      throw new DatabaseUnavailableError(
        `${databasePath} has layout version ${String(row.schema_version)}, but this export reads version ${DATABASE_SCHEMA_VERSION}; rebuild it with npm run ingest`,
      );
    }
    const build = {
      buildId: String(row.build_id),
      builtAt: String(row.built_at),
      taxonomyVersion: row.taxonomy_version === null ? null : String(row.taxonomy_version),
    };
    return { instance, connection, build, schemaVersion: DATABASE_SCHEMA_VERSION };
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(`${databasePath} is not a trends database: ${(error as Error).message}`, { cause: error });
  }
}
