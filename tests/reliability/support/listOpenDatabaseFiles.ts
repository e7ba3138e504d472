import { readdirSync, readlinkSync } from "node:fs";

/**
 * Returns the targets of the file descriptors of process `pid` that point to
 * `databasePath` or to files beside it whose name starts with it (its
 * write-ahead log). A file renamed over while open reads as
 * `<path> (deleted)`, so each such entry is a database instance the process
 * still holds on a replaced build.
 */
export function listOpenDatabaseFiles(pid: number, databasePath: string): string[] {
  const targets: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      // The descriptor closed between the listing and the read.
      continue;
    }
    if (target.startsWith(databasePath)) targets.push(target);
  }
  return targets.sort();
}
