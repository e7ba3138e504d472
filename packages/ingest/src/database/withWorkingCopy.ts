import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { acquireIngestLock } from "./acquireIngestLock";
import { createSchema } from "./createSchema";
import { createWorkingCopy, publishWorkingCopy, removeWorkingCopy } from "./workingCopy";

/** What a write to the working copy returns: its result, and whether the copy should replace the database. */
export interface WorkingCopyOutcome<T> {
  result: T;
  changed: boolean;
}

/**
 * Runs `work` on a working copy of the database, with the ingest lock held,
 * and renames the copy over the database when `work` reports a change (or
 * when there was no database yet). Servers reading the database never see a
 * half-written file, and a crash or an error leaves the database as it was.
 */
export async function withWorkingCopy<T>(
  databasePath: string,
  work: (connection: DuckDBConnection) => Promise<WorkingCopyOutcome<T>>,
): Promise<T> {
  mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const releaseLock = acquireIngestLock(databasePath);
  const workingPath = createWorkingCopy(databasePath);
  try {
    const instance = await DuckDBInstance.create(workingPath);
    const connection = await instance.connect();
    let outcome: WorkingCopyOutcome<T>;
    try {
      await createSchema(connection);
      outcome = await work(connection);
      await connection.run("CHECKPOINT");
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    if (outcome.changed || !existsSync(databasePath)) publishWorkingCopy(workingPath, databasePath);
    return outcome.result;
  } finally {
    removeWorkingCopy(workingPath);
    releaseLock();
  }
}
