import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/** Another ingest holds the lock on the database; the message names it and what to do. */
export class IngestLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestLockedError";
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock file `<database>.lock`, which serializes ingests into one
 * database. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases the lock.
 */
export function acquireIngestLock(databasePath: string): () => void {
  const lockPath = `${databasePath}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }

    const holder = readLockHolder(lockPath);
    if (holder !== null && isProcessAlive(holder)) {
      throw new IngestLockedError(
        `Another ingest (process ${holder}) is writing ${databasePath}; wait for it to finish, or delete ${lockPath} if that process is not an ingest`,
      );
    }
    rmSync(lockPath, { force: true });
  }
  throw new IngestLockedError(`Could not take the lock ${lockPath}; another ingest started at the same moment, so run this one again`);
}

function readLockHolder(lockPath: string): number | null {
  try {
    const { pid } = JSON.parse(readFileSync(lockPath, "utf8")) as { pid?: unknown };
    return typeof pid === "number" ? pid : null;
  } catch {
    // An unreadable or half-written lock file belongs to no running process we can name.
    return null;
  }
}
