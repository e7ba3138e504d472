import { readFileSync } from "node:fs";

/**
 * Returns when the process `pid` started, in clock ticks since boot as Linux
 * reports it in field 22 of `/proc/<pid>/stat`, or null where there is no
 * `/proc` or no such process. A process id can be reused by a later process,
 * for example after a container restarts, and the start time distinguishes them.
 */
export function readProcessStartTime(pid: number): string | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    // No /proc (macOS) or no such process: the start time is unknown, and the caller falls back to the pid alone.
    return null;
  }
  // The command name in field 2 is in parentheses and may hold spaces, so the fields are counted from its closing one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null;
}
