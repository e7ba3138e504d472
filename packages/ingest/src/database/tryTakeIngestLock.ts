import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { isHolderRunning, readIngestLockFile, type IngestLockHolder } from "./ingestLockHolder";
import { readProcessStartTime } from "./readProcessStartTime";

/** The result of one attempt at the lock: the function that releases it, or the running ingest that has it. */
export type LockAttempt = { release: () => void } | { holder: IngestLockHolder | null };

/**
 * Tries once to take the lock file `lockPath` without waiting, and takes over
 * a lock whose holder no longer runs. The lock is written in full to a file
 * of its own and then hard-linked into place, which fails when a lock exists.
 * So no other ingest can ever read a half-written lock and take it for a
 * stale one. Returns `{ holder: null }` when other ingests kept taking and
 * dropping the lock during every try.
 */
export function tryTakeIngestLock(lockPath: string): LockAttempt {
  const holder: IngestLockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    processStart: readProcessStartTime(process.pid),
    token: randomUUID(),
  };
  const text = JSON.stringify(holder);
  const pendingPath = `${lockPath}.${holder.token}`;
  writeFileSync(pendingPath, text, { flag: "wx" });
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (linkLock(pendingPath, lockPath)) return { release: () => releaseLock(lockPath, text) };
      const current = readIngestLockFile(lockPath);
      if (current === null) continue;
      if (current.holder !== null && isHolderRunning(current.holder)) return { holder: current.holder };
      removeStaleLock(lockPath, current.text, holder.token ?? "");
    }
    return { holder: null };
  } finally {
    rmSync(pendingPath, { force: true });
  }
}

function linkLock(pendingPath: string, lockPath: string): boolean {
  try {
    linkSync(pendingPath, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new Error(`Failed to create the ingest lock ${lockPath}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Removes the lock only while it is still the one this process took, so a
 * process whose lock was taken over never deletes its successor's.
 */
function releaseLock(lockPath: string, text: string): void {
  if (readIngestLockFile(lockPath)?.text === text) rmSync(lockPath, { force: true });
}

/**
 * Removes a stale lock whose text was `staleText`. Two ingests can find the
 * same stale lock at once, and the faster one may already have put its own
 * lock in its place, so the lock is first moved aside under a name of this
 * process's own. When the moved file turns out to be a newer lock, it is
 * linked back.
 */
function removeStaleLock(lockPath: string, staleText: string, token: string): void {
  const movedPath = `${lockPath}.stale-${token}`;
  try {
    renameSync(lockPath, movedPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new Error(`Failed to remove the stale ingest lock ${lockPath}: ${(error as Error).message}`, { cause: error });
  }
  try {
    // NOTE: a third ingest that links its lock while the newer one is moved aside keeps it, and the newer one loses its lock.
    if (readFileSync(movedPath, "utf8") !== staleText) linkLock(movedPath, lockPath);
  } finally {
    rmSync(movedPath, { force: true });
  }
}
