import path from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Returns the Vitest options every workspace shares: a JSON report in
 * `test-results/` for the root test summary, forked workers because DuckDB's
 * native module is not safe in worker threads, and a pinned time zone west of
 * UTC so that a calendar date shifted through local time fails a test.
 */
export function vitestReportConfig(workspace: string) {
  return {
    pool: "forks" as const,
    env: { TZ: "America/Los_Angeles" },
    reporters: ["default", "json"],
    outputFile: { json: path.join(repositoryRoot, "test-results", `vitest-${workspace}.json`) },
    testTimeout: 30_000,
  };
}
