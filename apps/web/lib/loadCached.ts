import "server-only";
import type { BuildInfo } from "@alignment-trends/analytics";
import type { DuckDBConnection } from "@duckdb/node-api";
import { getTrendsDatabase } from "./database";

/** Freezes a value and everything it contains, so that a page that changes a cached result fails instead of changing it for every later request. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/**
 * Estimates the memory a page's data takes as the length of its JSON text.
 * NOTE: only an estimate, because the objects can take several times as many bytes in V8's memory.
 */
function estimateJsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/**
 * Loads a page's data through the result cache of the database build being
 * served: `work` runs only when the cache has no result for `name` and
 * `input`. `input` must contain every value `work` reads other than the
 * database, and its JSON text is the key, so equal inputs must write the
 * same JSON. The result is frozen, because later requests get the same
 * object. An error is not cached.
 */
export function loadCached<T>(name: string, input: unknown, work: (connection: DuckDBConnection, build: BuildInfo) => Promise<T>): Promise<T> {
  const key = `page ${name} ${JSON.stringify(input)}`;
  return getTrendsDatabase().withCachedResult(key, async (connection, build) => deepFreeze(await work(connection, build)), { sizeOf: estimateJsonBytes });
}
