import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvironmentSchema = z.object({
  TRENDS_DB: z.string().trim().min(1).optional(),
  INIT_CWD: z.string().optional(),
});

/** Walks up from `start` to the folder whose package.json declares npm workspaces. */
export function findRepositoryRoot(start = process.cwd()): string {
  // The search walks folders at run time; bundlers must not try to trace it.
  for (let folder = path.resolve(/*turbopackIgnore: true*/ start); ; folder = path.dirname(folder)) {
    const manifest = path.join(/*turbopackIgnore: true*/ folder, "package.json");
    if (existsSync(manifest) && "workspaces" in (JSON.parse(readFileSync(manifest, "utf8")) as object)) return folder;
    if (path.dirname(folder) === folder) {
      throw new Error(`No package.json with "workspaces" above ${start}; run from inside the repository or set TRENDS_DB`);
    }
  }
}

/**
 * Returns the absolute path of the trends database: `TRENDS_DB` when set,
 * relative to the folder npm was started from (`INIT_CWD`), else
 * `data/trends.duckdb` in the repository.
 */
export function resolveDatabasePath(environment: NodeJS.ProcessEnv = process.env): string {
  const env = EnvironmentSchema.parse(environment);
  if (env.TRENDS_DB) return path.resolve(env.INIT_CWD ?? process.cwd(), env.TRENDS_DB);
  return path.join(findRepositoryRoot(), "data", "trends.duckdb");
}
