import { copyFileSync, existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Returns the path of a fresh working copy of the database next to it, so an
 * ingest never writes the file that servers are reading. The copy starts as
 * the current database, or is absent when there is none yet.
 */
export function createWorkingCopy(databasePath: string): string {
  const workingPath = path.join(path.dirname(databasePath), `.${path.basename(databasePath)}.ingest-${process.pid}`);
  removeWorkingCopy(workingPath);
  if (existsSync(databasePath)) copyFileSync(databasePath, workingPath);
  return workingPath;
}

/** Deletes a working copy and the write-ahead log DuckDB may have left beside it. */
export function removeWorkingCopy(workingPath: string): void {
  rmSync(workingPath, { force: true });
  rmSync(`${workingPath}.wal`, { force: true });
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
