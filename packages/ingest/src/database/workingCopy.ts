import { copyFileSync, existsSync, fsyncSync, openSync, closeSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Returns the path of a fresh working copy of the database next to it, so an
 * ingest never writes the file that servers are reading. The copy starts as
 * the current database, or is absent when there is none yet.
 */
export function createWorkingCopy(databasePath: string): string {
  const workingPath = path.join(path.dirname(databasePath), `${workingCopyPrefix(databasePath)}${process.pid}`);
  removeWorkingCopy(workingPath);
  if (existsSync(databasePath)) copyFileSync(databasePath, workingPath);
  return workingPath;
}

/** Deletes a working copy, and the write-ahead log and the spill folder (`.tmp`) DuckDB may have left beside it. */
export function removeWorkingCopy(workingPath: string): void {
  rmSync(workingPath, { force: true });
  rmSync(`${workingPath}.wal`, { force: true });
  rmSync(`${workingPath}.tmp`, { recursive: true, force: true });
}

/**
 * Deletes the working copies of the database left by ingests that were
 * killed before they could clean up, with their logs and spill folders, and
 * returns their names. Only the holder of the ingest lock may call it: every
 * ingest takes the lock before it creates its working copy, so no running
 * ingest owns any of them.
 */
export function removeAbandonedWorkingCopies(databasePath: string): string[] {
  const folder = path.dirname(databasePath);
  const prefix = workingCopyPrefix(databasePath);
  const abandoned = readdirSync(folder)
    .filter((name) => name.startsWith(prefix) && /^\d+(\.wal|\.tmp)?$/u.test(name.slice(prefix.length)))
    .sort();
  for (const name of abandoned) rmSync(path.join(folder, name), { recursive: true, force: true });
  return abandoned;
}

function workingCopyPrefix(databasePath: string): string {
  return `.${path.basename(databasePath)}.ingest-`;
}

/**
 * Moves a closed working copy over the database. The rename is atomic on one
 * file system, so a reader sees the old file or the new one, never a mix.
 */
export function publishWorkingCopy(workingPath: string, databasePath: string): void {
  const fd = openSync(workingPath, "r");
  fsyncSync(fd);
  closeSync(fd);
  renameSync(workingPath, databasePath);
  const directory = openSync(path.dirname(databasePath), "r");
  fsyncSync(directory);
  closeSync(directory);
}
