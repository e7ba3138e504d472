import "server-only";
import { resolveDatabasePath, TrendsDatabase } from "@alignment-trends/analytics";
import { logger } from "./logger";

const globalForDatabase = globalThis as typeof globalThis & { trendsDatabase?: TrendsDatabase };

/**
 * Returns the server's one read-only view of the trends database. It lives on
 * `globalThis` so that module reloads in development reuse it instead of
 * opening the file again.
 */
export function getTrendsDatabase(): TrendsDatabase {
  globalForDatabase.trendsDatabase ??= new TrendsDatabase(resolveDatabasePath(), (build, path) =>
    logger.info({ path, buildId: build.buildId, builtAt: build.builtAt }, "serving database build"),
  );
  return globalForDatabase.trendsDatabase;
}
