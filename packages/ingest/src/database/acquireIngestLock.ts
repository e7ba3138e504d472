import { setTimeout as sleep } from "node:timers/promises";
import { describeHolder, type IngestLockHolder } from "./ingestLockHolder";
import { tryTakeIngestLock } from "./tryTakeIngestLock";

/** Another ingest holds the lock on the database; the message names it and what to do. */
export class IngestLockedError extends Error {
  /** Whether the ingest waited for the lock (`lockWaitMs` above 0) before it gave up. */
  readonly waited: boolean;

  constructor(message: string, waited: boolean) {
    super(message);
    this.name = "IngestLockedError";
    this.waited = waited;
  }
}

/** How long to wait for a lock that another ingest holds, and where to report the wait. */
export interface LockWaitOptions {
  /** Milliseconds to wait for the other ingest to finish; 0 (the default) stops at once. */
  lockWaitMs?: number;
  /** Receives a line when the wait starts and then every `LOCK_WAIT_REPORT_MS`. */
  onLockWait?: (line: string) => void;
}

const LOCK_POLL_MS = 200;
const LOCK_WAIT_REPORT_MS = 30_000;

/**
 * Takes the lock file `<database>.lock`, which serializes ingests into one
 * database. A lock left by a process that no longer runs is taken over. While
 * a running ingest has it, waits up to `lockWaitMs`, then raises
 * `IngestLockedError`. Returns the function that releases the lock.
 */
export async function acquireIngestLock(databasePath: string, options: LockWaitOptions = {}): Promise<() => void> {
  const lockPath = `${databasePath}.lock`;
  const waitMs = options.lockWaitMs ?? 0;
  const deadline = Date.now() + waitMs;
  let reportedAt = -Infinity;
  for (;;) {
    const attempt = tryTakeIngestLock(lockPath);
    if ("release" in attempt) return attempt.release;

    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw new IngestLockedError(describeLockedDatabase(databasePath, lockPath, attempt.holder, waitMs), waitMs > 0);
    if (Date.now() - reportedAt >= LOCK_WAIT_REPORT_MS) {
      reportedAt = Date.now();
      const holderName = attempt.holder === null ? "another ingest" : `the ingest (${describeHolder(attempt.holder)})`;
      options.onLockWait?.(`Waiting for ${holderName} to finish writing ${databasePath}; giving up in ${Math.ceil(remainingMs / 1000)} s`);
    }
    await sleep(Math.min(LOCK_POLL_MS, remainingMs));
  }
}

function describeLockedDatabase(databasePath: string, lockPath: string, holder: IngestLockHolder | null, waitMs: number): string {
  if (holder === null) {
    return `Could not take the lock ${lockPath} because other ingests kept taking it; run this one again`;
  }
  const waited = waitMs > 0 ? `Timed out after ${waitMs / 1000} s: a` : "A";
  return (
    `${waited}nother ingest (${describeHolder(holder)}) is writing ${databasePath} and holds the lock ${lockPath}. ` +
    `Run this one again when it finishes. If process ${holder.pid} is not an ingest, delete ${lockPath}.`
  );
}
