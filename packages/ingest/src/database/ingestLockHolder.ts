import { readFileSync } from "node:fs";
import { z } from "zod";
import { readProcessStartTime } from "./readProcessStartTime";

/**
 * The content of a lock file: the process that holds it, when it took it,
 * the process's start time where the system reports one, and a token that
 * distinguishes this lock from a later one of the same process. Locks written
 * before the start time and the token existed lack them.
 */
export const IngestLockHolderSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  processStart: z.string().nullable().optional(),
  token: z.string().optional(),
});

export type IngestLockHolder = z.infer<typeof IngestLockHolderSchema>;

/** A lock file as read: its exact text, and its holder, or null when the text names no process. */
export interface IngestLockFile {
  text: string;
  holder: IngestLockHolder | null;
}

/** Returns the lock file at `lockPath`, or null when there is none. */
export function readIngestLockFile(lockPath: string): IngestLockFile | null {
  let text: string;
  try {
    text = readFileSync(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`Failed to read the ingest lock ${lockPath}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Text that is not JSON names no process, so no running ingest can own it.
    return { text, holder: null };
  }
  const holder = IngestLockHolderSchema.safeParse(parsed);
  return { text, holder: holder.success ? holder.data : null };
}

/**
 * Reports whether the holder of a lock still runs: its process exists and, where the
 * lock and the system both record a start time, started when the lock records.
 * A process id reused by another program therefore does not keep a lock.
 */
export function isHolderRunning(holder: IngestLockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (holder.processStart === undefined || holder.processStart === null) return true;
  const processStart = readProcessStartTime(holder.pid);
  return processStart === null || processStart === holder.processStart;
}

/** Describes the holder for a message: `process 123, started 2026-12-05T14:00:00.000Z`. */
export function describeHolder(holder: IngestLockHolder): string {
  return `process ${holder.pid}, started ${holder.startedAt}`;
}
