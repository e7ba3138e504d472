import { TrendsDatabase } from "@alignment-trends/analytics";
import type { DuckDBConnection } from "@duckdb/node-api";
import { inject } from "vitest";

/** Runs `work` against the sample database that the global setup built. */
export async function withSamples<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const database = new TrendsDatabase(inject("samplesDatabase"));
  try {
    return await database.withConnection(work);
  } finally {
    database.close();
  }
}

/** Runs `work` against the database of the real digests that the global setup built. */
export async function withRealDigests<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const database = new TrendsDatabase(inject("realDatabase"));
  try {
    return await database.withConnection(work);
  } finally {
    database.close();
  }
}
