/**
 * Derives the statistics that the synthetic digest generator draws from,
 * out of the real digests kept beside the repository, and writes them to
 * `profile.json` in this folder. The daily-papers API files give volumes,
 * sizes, counts and words. An ingest of all real digests gives the scopes,
 * topics and evidence phrases that the product's tagger assigned, and the
 * size of its term index.
 *
 * Usage: npm run bench:profile -- [--real DIR] [--db FILE] [--out FILE]
 *   --real  folder of the real digests (default: ../shared/data/real beside the repository)
 *   --db    an existing database of those digests; without it they are ingested into a temporary file (about 35 s)
 *   --out   where to write the profile (default: tests/bench/synthetic/profile.json)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ingestDigests } from "@alignment-trends/ingest";
import { DuckDBInstance } from "@duckdb/node-api";
import { PINNED_TODAY, REAL_DATA } from "../../support/paths";
import { HistogramCounter } from "./HistogramCounter";
import { measureApiEntries } from "./measureApiEntries";
import { measureListRelisting } from "./measureListRelisting";
import { measureTagging, measureTerms, readTaxonomyVersion } from "./measureTagging";
import { measureVocabulary } from "./measureVocabulary";
import type { SyntheticProfile } from "./profileSchema";
import { readApiEntries } from "./readApiEntries";
import { writeProfileJson } from "./writeProfileJson";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const API_FOLDER = path.join("hf-daily-api-cn-newsletter", "Paper_metadata_download");
const PAPERS_LIST = path.join("daily-papers-ko-lyohai", "paper_logs", "papers_list.csv");

/** Measures the tagging and term index in a database of the real digests, ingesting one first when `databasePath` is null. */
async function measureDatabase(realFolder: string, databasePath: string | null) {
  const folder = databasePath ? null : await mkdtemp(path.join(tmpdir(), "synthetic-profile-"));
  const database = databasePath ?? path.join(folder!, "real.duckdb");
  try {
    if (!databasePath) {
      process.stdout.write(`Ingesting ${realFolder} into ${database}\n`);
      await ingestDigests({ inputs: [realFolder], databasePath: database, today: PINNED_TODAY });
    }
    const instance = await DuckDBInstance.create(database, { access_mode: "READ_ONLY" });
    const connection = await instance.connect();
    try {
      return { tagging: await measureTagging(connection), terms: await measureTerms(connection), taxonomyVersion: await readTaxonomyVersion(connection) };
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { real: { type: "string" }, db: { type: "string" }, out: { type: "string" } },
    allowPositionals: false,
  });
  const realFolder = path.resolve(values.real ?? REAL_DATA);
  const output = path.resolve(values.out ?? path.join(HERE, "profile.json"));

  const days = await readApiEntries(path.join(realFolder, API_FOLDER));
  const entries = days.flatMap((day) => day.entries);
  const { apiRelisted, relistLagDays, ...api } = measureApiEntries(days);
  const listLagDays = new HistogramCounter();
  const list = await measureListRelisting(path.join(realFolder, PAPERS_LIST), listLagDays);
  for (const [lag, count] of Object.entries(relistLagDays.toJSON())) listLagDays.add(Number(lag), count);
  const database = await measureDatabase(realFolder, values.db ? path.resolve(values.db) : null);

  const profile: SyntheticProfile = {
    description:
      "Aggregated statistics of the Hugging Face daily-papers API files and of the product's tagging of their papers, for the synthetic digest generator. Written by tests/bench/synthetic/deriveProfile.ts; do not edit by hand.",
    sources: {
      apiFiles: days.length,
      apiEntries: entries.length,
      apiPapers: new Set(entries.map((entry) => entry.paper.id)).size,
      firstDay: days[0]!.day,
      lastDay: days.at(-1)!.day,
      taxonomyVersion: database.taxonomyVersion,
    },
    ...api,
    relisting: { apiEntries: entries.length, apiRelisted, listRows: list.rows, listRelisted: list.relisted, lagDays: listLagDays.toJSON() },
    tagging: database.tagging,
    terms: database.terms,
    vocabulary: measureVocabulary(entries),
  };
  await writeProfileJson(output, profile);
  process.stdout.write(`Wrote ${output}: ${profile.sources.apiEntries} entries of ${profile.sources.apiFiles} files, ${profile.vocabulary.words.length} words\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Deriving the synthetic profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
