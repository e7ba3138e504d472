import { spawn } from "node:child_process";
import { z } from "zod";
import { REPOSITORY_ROOT } from "../../support/paths";

/** The fields of the ingest's `--json` summary that the reliability tests check. */
const IngestSummarySchema = z.object({
  files: z.number().int(),
  loaded: z.number().int(),
  failed: z.number().int(),
  rejected: z.number().int(),
  newPapers: z.number().int(),
  totalPapers: z.number().int(),
  elapsedMs: z.number(),
});
export type IngestSummary = z.infer<typeof IngestSummarySchema>;

/** One finished run of the ingest command. */
export interface IngestRun {
  exitCode: number | null;
  /** The `performance.now()` time at which the process exited, in this process's clock. */
  exitedAt: number;
  /** The wall-clock times of the spawn and the exit, in milliseconds since the epoch, to compare with a server's log. */
  startedAtEpochMs: number;
  exitedAtEpochMs: number;
  /** Milliseconds from the spawn to the exit, including npm's and tsx's start-up. */
  elapsedMs: number;
  summary: IngestSummary;
}

/**
 * Runs `npm run ingest -- <inputs> --db <databasePath> --json` as a separate
 * process, as an operator would beside a running server, and resolves when it
 * exits. Throws with the command's error output when it prints no valid
 * summary.
 */
export function runIngestWithSummary(inputs: readonly string[], databasePath: string): Promise<IngestRun> {
  const startedAt = performance.now();
  const startedAtEpochMs = Date.now();
  const child = spawn("npm", ["run", "ingest", "--silent", "--", ...inputs, "--db", databasePath, "--json"], {
    cwd: REPOSITORY_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));

  // "exit" fires when the process ends and "close" once its output is read, which may be later.
  let exitedAt = 0;
  let exitedAtEpochMs = 0;
  child.on("exit", () => {
    exitedAt = performance.now();
    exitedAtEpochMs = Date.now();
  });
  return new Promise((resolve, reject) => {
    child.on("error", (error) => reject(new Error(`Failed to start npm run ingest for ${databasePath}`, { cause: error })));
    child.on("close", (exitCode) => {
      let summary: IngestSummary;
      try {
        summary = IngestSummarySchema.parse(JSON.parse(stdout));
      } catch (error) {
        reject(new Error(`npm run ingest into ${databasePath} exited with status ${String(exitCode)} without a JSON summary: ${stderr.trim()}`, { cause: error }));
        return;
      }
      resolve({ exitCode, exitedAt, startedAtEpochMs, exitedAtEpochMs, elapsedMs: exitedAt - startedAt, summary });
    });
  });
}
