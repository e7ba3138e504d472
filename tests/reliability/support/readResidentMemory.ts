import { readFileSync } from "node:fs";

/** Returns the resident set size of process `pid` in bytes, from `VmRSS` in `/proc/<pid>/status`. */
export function readResidentMemory(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+) kB$/mu.exec(status);
  if (!match) throw new Error(`No VmRSS line in /proc/${pid}/status; the process may be a zombie`);
  return Number(match[1]) * 1024;
}
