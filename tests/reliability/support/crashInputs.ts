import { existsSync } from "node:fs";
import path from "node:path";
import { API_DAYS, REAL_DATA, SEED_PAGE } from "../../support/paths";

/**
 * Returns the digests of the crash tests: a first ingest that fills the
 * database, and a second one to interrupt, of other sources that share some
 * papers with the first. They come from the real digests beside the
 * repository, or from the bundled samples where that folder is missing.
 */
export function chooseCrashInputs(): { first: string[]; second: string[] } {
  if (!existsSync(REAL_DATA)) return { first: [SEED_PAGE], second: [API_DAYS] };
  return {
    first: ["awesome-llm-safety-ydyjya", "ml-papers-of-the-week-dair"].map((source) => path.join(REAL_DATA, source)),
    second: ["daily-ai-papers-gabrielchua", "hf-daily-paper-newsletter-deepdiver"].map((source) => path.join(REAL_DATA, source)),
  };
}
