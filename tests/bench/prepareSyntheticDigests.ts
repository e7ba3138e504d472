import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateDigests, type GenerateSummary } from "./synthetic/generateDigests";

const SYNTHETIC_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "synthetic");
const SUMMARY_FILE = "generation.json";

/** Synthetic digests ready for a benchmark: the generator's summary and the folders of each format. */
export interface SyntheticDigests {
  summary: GenerateSummary;
  jsonFolder: string;
  pagesFolder: string;
  /** True when an earlier run generated the same files and they were reused. */
  reused: boolean;
}

/** Hashes the generator's code and profile, so a change to either generates the files again. */
function hashGenerator(): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(SYNTHETIC_FOLDER).filter((file) => /\.(ts|json)$/u.test(file) && !file.endsWith(".test.ts")).sort()) {
    hash.update(name).update(readFileSync(path.join(SYNTHETIC_FOLDER, name)));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Returns synthetic digests of `papers` papers from `seed` in a folder under
 * `workFolder`, generating them unless an earlier run of the same generator
 * left them complete there (its summary is written last).
 */
export async function prepareSyntheticDigests(workFolder: string, papers: number, seed: number, log: (line: string) => void): Promise<SyntheticDigests> {
  const outDir = path.join(workFolder, `digests-${papers}-seed-${seed}-${hashGenerator()}`);
  const summaryPath = path.join(outDir, SUMMARY_FILE);
  const folders = { jsonFolder: path.join(outDir, "hf-daily-api"), pagesFolder: path.join(outDir, "hf-papers-page") };
  if (existsSync(summaryPath)) {
    return { summary: JSON.parse(readFileSync(summaryPath, "utf8")) as GenerateSummary, ...folders, reused: true };
  }

  rmSync(outDir, { recursive: true, force: true });
  const startedAt = performance.now();
  const summary = await generateDigests({ papers, seed, outDir });
  log(`generated ${summary.files} files of ${papers} papers in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
  writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, ...folders, reused: false };
}
