import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPOSITORY_ROOT } from "../../support/paths";

const CLI = path.join(REPOSITORY_ROOT, "packages", "ingest", "src", "cli", "main.ts");
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
 * Runs the ingest CLI (`packages/ingest/src/cli/main.ts`) with `args` in one
 * Node.js process from the repository root, kills it after `timeoutMs`, and
 * returns its output, elapsed time and peak memory.
 */
export async function runIngestCli(args: string[], timeoutMs = 120_000): Promise<CliRun> {
  const reportFolder = mkdtempSync(path.join(tmpdir(), "ingest-cli-memory-"));
  const reportFile = path.join(reportFolder, "peak-rss");
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "--import", PEAK_MEMORY_REPORTER, CLI, ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PEAK_MEMORY_FILE: reportFile, INIT_CWD: REPOSITORY_ROOT, DEBUG: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);

  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  }).finally(() => clearTimeout(timer));
  const elapsedMs = performance.now() - startedAt;

  let peakRssBytes: number | null = null;
  try {
    peakRssBytes = Number(readFileSync(reportFile, "utf8"));
  } catch (error) {
    // A killed or crashed process writes no report, which the caller sees as null.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  rmSync(reportFolder, { recursive: true, force: true });
  return { exitCode, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8"), elapsedMs, peakRssBytes, timedOut };
}
