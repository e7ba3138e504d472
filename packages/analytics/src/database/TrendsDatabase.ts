import { statSync } from "node:fs";
import type { BuildInfo } from "@alignment-trends/schema";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readRow } from "./readRows";
import { ResultCache, type ResultCacheLimits, type StoreOptions } from "./ResultCache";

/** The layout version of the database file that this code reads and the ingest writes. */
export const DATABASE_SCHEMA_VERSION = 4;

/** How long a file check stays valid; a newly published database is served at most this much later. */
const CHECK_INTERVAL_MS = 250;

/**
 * The default bounds of each generation's result cache. A trend or a page of
 * papers from the real digests is tens of kilobytes, so 64 MiB fits hundreds of
 * them. One entry may take a quarter of it, so that one large download cannot
 * evict everything else.
 */
export const DEFAULT_RESULT_CACHE_LIMITS: ResultCacheLimits = {
  maxEntries: 1_000,
  maxBytes: 64 * 1024 * 1024,
  maxEntryBytes: 16 * 1024 * 1024,
};

export type { BuildInfo } from "@alignment-trends/schema";

/** The database file is missing or unusable. The message names the command that creates it. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * Tells whether an error is a `DatabaseUnavailableError`. A bundler may give
 * each route its own copy of the class while all routes share one open
 * database, so the test reads the error's name, not its prototype.
 */
export function isDatabaseUnavailable(error: unknown): error is DatabaseUnavailableError {
  return error instanceof Error && error.name === "DatabaseUnavailableError";
}

/**
 * One opened version of the database file, closed once it is replaced and
 * idle. Its cache contains results computed from this version only, so a
 * replaced file starts with an empty cache.
 */
interface Generation {
  instance: DuckDBInstance;
  fileIdentity: string;
  build: BuildInfo;
  cache: ResultCache;
  inFlight: number;
  retired: boolean;
  closed: boolean;
}

function fileIdentity(path: string): string | null {
  try {
    const info = statSync(path);
    return `${info.ino}:${info.mtimeMs}:${info.size}`;
  } catch {
    // A missing file has no identity; the caller reports it.
    return null;
  }
}

/**
 * A read-only view of the trends database that follows ingests. The ingest
 * replaces the file by renaming a new one over it; at most every 250 ms this
 * class compares the file's inode, modification time and size, opens the new
 * file when they change, and closes the old instance once its in-flight
 * queries finish. Queries never see a half-written database.
 */
export class TrendsDatabase {
  private current: Generation | null = null;
  private opening: Promise<Generation> | null = null;
  private checkedAt = 0;

  /**
   * `onOpen` receives the build stamp of each database file as the server
   * starts serving it, for the server log. `cacheLimits` bounds the result
   * cache of each generation.
   */
  constructor(
    readonly path: string,
    private readonly onOpen: (build: BuildInfo, path: string) => void = () => {},
    private readonly cacheLimits: ResultCacheLimits = DEFAULT_RESULT_CACHE_LIMITS,
  ) {}

  /** Runs `work` with a connection to the newest database file and its build stamp. */
  async withConnection<T>(work: (connection: DuckDBConnection, build: BuildInfo) => Promise<T>): Promise<T> {
    return this.runOn(await this.currentGeneration(), work);
  }

  /**
   * Returns the result of `work` for `key` from the cache of the newest
   * database file, running `work` on a connection to that file only when the
   * cache has no result for `key`. Concurrent calls with the same key share
   * one run, and a run that throws is not stored. A result computed from a
   * file that has since been replaced is returned to its callers but never
   * served from the new file's cache.
   *
   * The key must name everything `work` depends on other than the database,
   * and the result must be treated as read-only, because later calls get the
   * same object.
   */
  async withCachedResult<T>(
    key: string,
    work: (connection: DuckDBConnection, build: BuildInfo) => Promise<T>,
    options: StoreOptions<T>,
  ): Promise<T> {
    const generation = await this.currentGeneration();
    return generation.cache.get(key, () => this.runOn(generation, work), options);
  }

  private async runOn<T>(generation: Generation, work: (connection: DuckDBConnection, build: BuildInfo) => Promise<T>): Promise<T> {
    // The count covers the connect too, so a retired build is not closed under it, and a failed connect still lets the build close.
    generation.inFlight += 1;
    let connection: DuckDBConnection | null = null;
    try {
      connection = await generation.instance.connect();
      return await work(connection, generation.build);
    } finally {
      connection?.closeSync();
      generation.inFlight -= 1;
      this.closeIfRetired(generation);
    }
  }

  /** Returns the build stamp of the database file being served. */
  async build(): Promise<BuildInfo> {
    return (await this.currentGeneration()).build;
  }

  close(): void {
    if (!this.current) return;
    this.retire(this.current);
    this.current = null;
  }

  private async currentGeneration(): Promise<Generation> {
    const now = Date.now();
    if (this.current && now - this.checkedAt < CHECK_INTERVAL_MS) return this.current;
    if (this.opening) return this.opening;

    const identity = fileIdentity(this.path);
    this.checkedAt = now;
    if (identity === null) {
      throw new DatabaseUnavailableError(
        `No trends database at ${this.path}; create it with: npm run ingest -- data/samples --db ${this.path}`,
      );
    }
    if (this.current && this.current.fileIdentity === identity) return this.current;

    this.opening = this.openGeneration(identity);
    try {
      const next = await this.opening;
      const previous = this.current;
      this.current = next;
      this.onOpen(next.build, this.path);
      if (previous) this.retire(previous);
      return next;
    } finally {
      this.opening = null;
    }
  }

  private async openGeneration(identity: string): Promise<Generation> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(this.path, { access_mode: "READ_ONLY" });
    } catch (error) {
      throw new DatabaseUnavailableError(`Failed to open ${this.path} read-only: ${(error as Error).message}`, { cause: error });
    }
    const connection = await instance.connect();
    try {
      const row = await readRow(connection, {
        sql: "SELECT schema_version, build_id, CAST(built_at AS VARCHAR) AS built_at, taxonomy_version FROM build_info",
      });
      if (row.schema_version !== DATABASE_SCHEMA_VERSION) {
        throw new DatabaseUnavailableError(
          `${this.path} has layout version ${String(row.schema_version)}, but this server reads version ${DATABASE_SCHEMA_VERSION}; rebuild it with npm run ingest`,
        );
      }
      const build = {
        buildId: String(row.build_id),
        builtAt: String(row.built_at),
        taxonomyVersion: row.taxonomy_version === null ? null : String(row.taxonomy_version),
      };
      const cache = new ResultCache(this.cacheLimits);
      return { instance, fileIdentity: identity, build, cache, inFlight: 0, retired: false, closed: false };
    } catch (error) {
      instance.closeSync();
      if (error instanceof DatabaseUnavailableError) throw error;
      throw new DatabaseUnavailableError(`${this.path} is not a trends database: ${(error as Error).message}`, { cause: error });
    } finally {
      connection.closeSync();
    }
  }

  private retire(generation: Generation): void {
    generation.retired = true;
    generation.cache.close();
    this.closeIfRetired(generation);
  }

  private closeIfRetired(generation: Generation): void {
    if (!generation.retired || generation.inFlight > 0 || generation.closed) return;
    generation.closed = true;
    generation.instance.closeSync();
  }
}
