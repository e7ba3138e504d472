import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { acquireIngestLock, type LockWaitOptions } from "./acquireIngestLock";
import { createSchema } from "./createSchema";
import { createWorkingCopy, publishWorkingCopy, removeAbandonedWorkingCopies, removeWorkingCopy } from "./workingCopy";

/**
 * DuckDB's buffer memory during an ingest. Past it, sorts, joins and
 * aggregates spill to a temporary folder beside the working copy. The process
 * uses several hundred MB more than this limit, nearly all of it DuckDB's:
 * Node's heap stayed under 125 MB at a million papers. With 512 MB, an
 * ingest of a million synthetic papers peaked at 1,360 MiB and loading
 * 30,157 more records into it at 1,028 MiB; with 1 GB the ingest peaked
 * at 1,898 MiB. `TRENDS_INGEST_MEMORY` overrides it (`2GB`, `768MB`).
 */
const DEFAULT_MEMORY_LIMIT = "512MB";

/** What a write to the working copy returns: its result, and whether the copy should replace the database. */
export interface WorkingCopyOutcome<T> {
  result: T;
  changed: boolean;
}

/** How to take the ingest lock, and where to send one line per step of the working copy's life. */
export interface WorkingCopyOptions extends LockWaitOptions {
  log?: (line: string) => void;
}

/**
 * Runs `work` on a working copy of the database, with the ingest lock held,
 * and renames the copy over the database when `work` reports a change, when
 * the layout was upgraded, or when there was no database yet. Servers reading the database never see a
 * half-written file, and a crash or an error leaves the database as it was.
 * Working copies that killed ingests left behind are deleted once the lock is
 * held, never published.
 */
export async function withWorkingCopy<T>(
  databasePath: string,
  work: (connection: DuckDBConnection) => Promise<WorkingCopyOutcome<T>>,
  options: WorkingCopyOptions = {},
): Promise<T> {
  const log = options.log ?? (() => {});
  mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
  const releaseLock = await acquireIngestLock(databasePath, options);
  let workingPath: string | null = null;
  try {
    const abandoned = removeAbandonedWorkingCopies(databasePath);
    if (abandoned.length > 0) log(`removed ${abandoned.join(", ")}, left by an ingest that was killed`);
    log(`creating the working copy of ${databasePath}`);
    workingPath = createWorkingCopy(databasePath);
    const instance = await DuckDBInstance.create(workingPath, { memory_limit: process.env.TRENDS_INGEST_MEMORY ?? DEFAULT_MEMORY_LIMIT });
    const connection = await instance.connect();
    log(`opened the working copy ${workingPath}`);
    let outcome: WorkingCopyOutcome<T>;
    try {
      const schema = await createSchema(connection);
      outcome = await work(connection);
      if (schema.upgraded) outcome = { ...outcome, changed: true };
      log(`checkpointing the working copy ${workingPath}`);
      await connection.run("CHECKPOINT");
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    if (outcome.changed || !existsSync(databasePath)) {
      log(`publishing: renaming ${workingPath} to ${databasePath}`);
      publishWorkingCopy(workingPath, databasePath);
      log(`published ${databasePath}`);
    } else {
      log(`nothing changed; leaving ${databasePath} as it was`);
    }
    return outcome.result;
  } finally {
    if (workingPath !== null) removeWorkingCopy(workingPath);
    releaseLock();
  }
}
