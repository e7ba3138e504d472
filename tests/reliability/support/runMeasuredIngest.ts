import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPOSITORY_ROOT } from "../../support/paths";
import { startIngestCli } from "./startIngestCli";

const PEAK_MEMORY_REPORTER = path.join(REPOSITORY_ROOT, "tests", "reliability", "support", "reportPeakMemory.ts");

/** The outcome of one ingest CLI process. */
export interface CliRun {
  /** The exit code, or null when the process was killed. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
  /** The process's peak resident set size in bytes, or null when it died before reporting it. */
  peakRssBytes: number | null;
  timedOut: boolean;
}

/**
 * Runs the ingest CLI with `args` in one Node.js process from the repository
 * root, kills it after `timeoutMs`, and returns its output, elapsed time and
 * peak memory.
 */
export async function runMeasuredIngest(args: string[], timeoutMs = 120_000): Promise<CliRun> {
  const reportFolder = mkdtempSync(path.join(tmpdir(), "ingest-cli-memory-"));
  const reportFile = path.join(reportFolder, "peak-rss");
  const ingest = startIngestCli(args, { preload: [PEAK_MEMORY_REPORTER], env: { PEAK_MEMORY_FILE: reportFile, DEBUG: "" } });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ingest.child.kill("SIGKILL");
  }, timeoutMs);
  const exit = await ingest.exited.finally(() => clearTimeout(timer));

  let peakRssBytes: number | null = null;
  try {
    peakRssBytes = Number(readFileSync(reportFile, "utf8"));
  } catch (error) {
    // A killed or crashed process writes no report, which the caller sees as null.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  rmSync(reportFolder, { recursive: true, force: true });
  return { exitCode: exit.code, stdout: exit.stdout, stderr: exit.stderr, elapsedMs: exit.elapsedMs, peakRssBytes, timedOut };
}
