import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SAMPLES = path.join(REPOSITORY_ROOT, "data", "samples");
export const SEED_PAGE = path.join(SAMPLES, "hf-papers-search-alignment.txt");
export const API_DAYS = path.join(SAMPLES, "hf-daily-api");

/** Real digests from eleven public sources, kept beside the repository and read in place. */
export const REAL_DATA = path.resolve(REPOSITORY_ROOT, "..", "shared", "data", "real");

/** Today as the tests pin it, so that year-less page dates resolve the same way on every run. */
export const PINNED_TODAY = "2026-12-04";
