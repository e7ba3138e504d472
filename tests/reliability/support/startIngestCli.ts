import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REPOSITORY_ROOT } from "../../support/paths";

const CLI = path.join(REPOSITORY_ROOT, "packages", "ingest", "src", "cli", "main.ts");

/** How an ingest process ended, with everything it printed and when it printed each stderr line. */
export interface IngestExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The stderr lines with the milliseconds from the start of the process to each. */
  lines: { atMs: number; text: string }[];
  /** The `performance.now()` time of the process's exit, which can come before its output is read to the end. */
  exitedAt: number;
  /** Milliseconds from the spawn until the output was read to the end. */
  elapsedMs: number;
}

/** A running ingest CLI process. */
export interface IngestProcess {
  child: ChildProcess;
  startedAt: number;
  /** Called for each complete stderr line as it arrives, in order; may kill the process at once. */
  onLine: (listener: (line: string) => void) => void;
  /** Resolves with the first stderr line from now on that matches `pattern`; rejects when the process ends first. */
  waitForLine: (pattern: RegExp) => Promise<string>;
  exited: Promise<IngestExit>;
}

/** Additions to the ingest process: modules to load before the CLI, and environment variables. */
export interface IngestCliOptions {
  preload?: string[];
  env?: Record<string, string>;
}

/**
 * Starts `npm run ingest -- <args>` as one Node process that loads TypeScript
 * through tsx's import hook. The `tsx` command would run the CLI in a child
 * process of its own, and a SIGKILL sent to it would miss the process that
 * writes the database.
 */
export function startIngestCli(args: string[], options: IngestCliOptions = {}): IngestProcess {
  const environment = { ...process.env, ...options.env };
  delete environment.TRENDS_DB;
  delete environment.INIT_CWD;
  const preloads = (options.preload ?? []).flatMap((module) => ["--import", module]);
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", ...preloads, CLI, ...args], { cwd: REPOSITORY_ROOT, env: environment, stdio: ["ignore", "pipe", "pipe"] });
  const listeners: ((line: string) => void)[] = [];
  const lines: IngestExit["lines"] = [];
  let stdout = "";
  let stderr = "";
  let partial = "";

  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const text of parts) {
      lines.push({ atMs: performance.now() - startedAt, text });
      for (const listener of listeners) listener(text);
    }
  });
  let exitedAt = 0;
  child.on("exit", () => (exitedAt = performance.now()));
  const exited = new Promise<IngestExit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, lines, exitedAt, elapsedMs: performance.now() - startedAt }));
  });
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      listeners.push((line) => pattern.test(line) && resolve(line));
      void exited.then((exit) => reject(new Error(`The ingest ended (exit ${exit.code}, ${exit.signal}) before printing ${pattern}: ${exit.stderr}`)));
    });
  return { child, startedAt, onLine: (listener) => listeners.push(listener), waitForLine, exited };
}

/** Runs the ingest CLI to its end. */
export function runIngestCli(args: string[]): Promise<IngestExit> {
  return startIngestCli(args).exited;
}
