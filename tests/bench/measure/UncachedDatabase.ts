import { DATABASE_SCHEMA_VERSION, readRow, type BuildInfo, type Row, type StoreOptions } from "@alignment-trends/analytics";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

/**
 * A stand-in for the web app's `TrendsDatabase` with the members the routes
 * call: one read-only DuckDB instance that hands each request a new
 * connection, so every request runs all its queries. It neither follows a
 * replaced file nor keeps any result between requests.
 *
 * NOTE: a route that calls a `TrendsDatabase` member missing here fails with
 * HTTP 500 and a TypeError in the server log. Add the member here, without
 * any caching it does in `TrendsDatabase`.
 */
export class UncachedDatabase {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly buildInfo: BuildInfo,
  ) {}

  /** Opens `path` read-only, as `TrendsDatabase` does, and reads its build stamp. */
  static async open(path: string): Promise<UncachedDatabase> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
    } catch (error) {
      throw new Error(`Failed to open ${path} read-only: ${(error as Error).message}; create it with npm run ingest -- --db ${path}`, { cause: error });
    }
    const connection = await instance.connect();
    let row: Row;
    try {
      row = await readRow(connection, {
        sql: "SELECT schema_version, build_id, CAST(built_at AS VARCHAR) AS built_at, taxonomy_version FROM build_info",
      });
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw new Error(`${path} is not a trends database: ${(error as Error).message}; build it with npm run ingest`, { cause: error });
    }
    connection.closeSync();

    if (row.schema_version !== DATABASE_SCHEMA_VERSION) {
      instance.closeSync();
      throw new Error(`${path} has layout version ${String(row.schema_version)}, but the routes read version ${DATABASE_SCHEMA_VERSION}; rebuild it with npm run ingest`);
    }
    const build = {
      buildId: String(row.build_id),
      builtAt: String(row.built_at),
      taxonomyVersion: row.taxonomy_version === null ? null : String(row.taxonomy_version),
    };
    return new UncachedDatabase(path, instance, build);
  }

  async withConnection<T>(work: (connection: DuckDBConnection, build: BuildInfo) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await work(connection, this.buildInfo);
    } finally {
      connection.closeSync();
    }
  }

  /** Runs `work` as `withConnection` does, every time, because this stand-in stores nothing under `key`. */
  async withCachedResult<T>(
    _key: string,
    work: (connection: DuckDBConnection, build: BuildInfo) => Promise<T>,
    _options: StoreOptions<T>,
  ): Promise<T> {
    return this.withConnection(work);
  }

  async build(): Promise<BuildInfo> {
    return this.buildInfo;
  }

  close(): void {
    this.instance.closeSync();
  }
}
