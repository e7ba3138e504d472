import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ingestDigests } from "@alignment-trends/ingest";
import type { TestProject } from "vitest/node";
import { existsSync } from "node:fs";
import { PINNED_TODAY, REAL_DATA, SAMPLES } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    samplesDatabase: string;
    /** The database of the real digests beside the repository, or an empty string when that folder is missing. */
    realDatabase: string;
  }
}

/**
 * Ingests the bundled samples, and the real digests beside the repository
 * when present, once for every integration test file, into a temporary
 * folder removed afterwards.
 */
export default async function ingestSamplesOnce(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), "alignment-trends-samples-"));
  const databasePath = path.join(folder, "samples.duckdb");
  const summary = await ingestDigests({ inputs: [SAMPLES], databasePath, today: PINNED_TODAY });
  if (summary.failed > 0 || summary.rejected > 0) {
    throw new Error(`Ingesting the samples failed: ${JSON.stringify(summary.rejectedByReason)}`);
  }
  project.provide("samplesDatabase", databasePath);

  const realDatabase = path.join(folder, "real.duckdb");
  if (existsSync(REAL_DATA)) await ingestDigests({ inputs: [REAL_DATA], databasePath: realDatabase, today: PINNED_TODAY });
  project.provide("realDatabase", existsSync(REAL_DATA) ? realDatabase : "");
  return () => rmSync(folder, { recursive: true, force: true });
}
