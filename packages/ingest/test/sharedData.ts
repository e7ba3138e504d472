import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, three levels above this file. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The bundled sample digests. */
export const SAMPLES = path.join(REPOSITORY_ROOT, "data", "samples");
export const SEED_PAGE = path.join(SAMPLES, "hf-papers-search-alignment.txt");
export const API_DAYS = path.join(SAMPLES, "hf-daily-api");

/** The real digests from public sources, read in place; CI has this folder beside the repository. */
export const REAL_DATA = path.resolve(REPOSITORY_ROOT, "..", "shared", "data", "real");

export function readText(file: string): string {
  return readFileSync(file, "utf8");
}
