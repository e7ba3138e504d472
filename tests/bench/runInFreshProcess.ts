import { spawnSync } from "node:child_process";
import { REPOSITORY_ROOT } from "./benchmarkPage";

/** What a measured child run prints as its last line: its own time and peak memory, and any counts. */
export interface ProcessFigures {
  elapsedMs: number;
  peakRssMiB: number;
  [count: string]: number;
}

/**
 * Runs a TypeScript script in a new Node.js process, so each measurement
 * starts with empty caches and its peak memory is its own, and returns the
 * figures the script printed as its last line of JSON.
 */
export function runInFreshProcess(script: string, args: string[], environment: NodeJS.ProcessEnv = process.env): ProcessFigures {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: REPOSITORY_ROOT,
    encoding: "utf8",
    env: environment,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`${script} ${args.join(" ")} failed with exit status ${String(result.status)}: ${result.stderr.trim().split("\n").slice(-5).join("\n")}`);
  }
  const lastLine = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as ProcessFigures;
}
