import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, three levels above this file. */
export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The bundled sample digests. */
export const SAMPLES = path.join(REPOSITORY_ROOT, "data", "samples");
export const SEED_PAGE = path.join(SAMPLES, "hf-papers-search-alignment.txt");
export const API_DAYS = path.join(SAMPLES, "hf-daily-api");

export function readText(file: string): string {
  return readFileSync(file, "utf8");
}
