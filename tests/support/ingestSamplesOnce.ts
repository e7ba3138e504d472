import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ingestDigests } from "@alignment-trends/ingest";
import type { TestProject } from "vitest/node";
import { PINNED_TODAY, SAMPLES } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    samplesDatabase: string;
  }
}

/** Ingests the bundled samples once for every integration test file, into a temporary folder removed afterwards. */
export default async function ingestSamplesOnce(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), "alignment-trends-samples-"));
  const databasePath = path.join(folder, "samples.duckdb");
  const summary = await ingestDigests({ inputs: [SAMPLES], databasePath, today: PINNED_TODAY });
  if (summary.failed > 0 || summary.rejected > 0) {
    throw new Error(`Ingesting the samples failed: ${JSON.stringify(summary.rejectedByReason)}`);
  }
  project.provide("samplesDatabase", databasePath);
  return () => rmSync(folder, { recursive: true, force: true });
}
