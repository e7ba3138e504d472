import { z } from "zod";
import { startIngestCli } from "./startIngestCli";

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
  /** Milliseconds from the spawn to the exit, including tsx's start-up. */
  elapsedMs: number;
  summary: IngestSummary;
}

/**
 * Runs the ingest CLI on `inputs` with `--db <databasePath> --json` as a
 * separate process, as an operator would beside a running server, and
 * resolves when it ends. Throws with the command's error output when it
 * prints no valid summary.
 */
export async function runIngestWithSummary(inputs: readonly string[], databasePath: string): Promise<IngestRun> {
  const startedAtEpochMs = Date.now();
  const ingest = startIngestCli([...inputs, "--db", databasePath, "--json"]);
  const exit = await ingest.exited;

  let summary: IngestSummary;
  try {
    summary = IngestSummarySchema.parse(JSON.parse(exit.stdout));
  } catch (error) {
    throw new Error(`The ingest into ${databasePath} exited with status ${String(exit.code)} without a JSON summary: ${exit.stderr.trim()}`, { cause: error });
  }
  const elapsedMs = exit.exitedAt - ingest.startedAt;
  return { exitCode: exit.code, exitedAt: exit.exitedAt, startedAtEpochMs, exitedAtEpochMs: startedAtEpochMs + elapsedMs, elapsedMs, summary };
}
