import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PINNED_TODAY } from "../../support/paths";
import { runIngestCli, type IngestExit } from "./startIngestCli";
import { snapshotDatabase, type DatabaseSnapshot } from "./snapshotDatabase";

/**
 * A database that already contains a first ingest, the second ingest to
 * interrupt, and the database's content before it and after it runs
 * uninterrupted.
 */
export interface CrashScenario {
  folder: string;
  baseDatabase: string;
  /** The base database's full content, build id and load times included. */
  before: DatabaseSnapshot;
  /** The content after an uninterrupted second ingest, without the columns no two ingests share. */
  expected: DatabaseSnapshot;
  /** The second ingest's command line, for the database at `databasePath`. */
  secondIngestArgs: (databasePath: string) => string[];
  /** The uninterrupted second ingest: its exit status, and the moment it printed each step line. */
  reference: IngestExit;
}

/** Ingests `firstInputs` into a new base database in `folder`, then measures an uninterrupted ingest of `secondInputs` into a copy of it. */
export async function prepareCrashScenario(folder: string, firstInputs: string[], secondInputs: string[]): Promise<CrashScenario> {
  const secondIngestArgs = (databasePath: string) => [...secondInputs, "--db", databasePath, "--as-of", PINNED_TODAY, "--verbose"];
  const baseDatabase = path.join(folder, "base", "trends.duckdb");
  mkdirSync(path.dirname(baseDatabase), { recursive: true });
  const first = await runIngestCli([...firstInputs, "--db", baseDatabase, "--as-of", PINNED_TODAY]);
  // Exit status 1 only reports rejected records, which the database stores.
  if (first.code !== 0 && first.code !== 1) throw new Error(`The first ingest exited with ${first.code}: ${first.stderr}`);

  const referenceDatabase = path.join(folder, "reference", "trends.duckdb");
  mkdirSync(path.dirname(referenceDatabase), { recursive: true });
  copyFileSync(baseDatabase, referenceDatabase);
  const reference = await runIngestCli(secondIngestArgs(referenceDatabase));
  if (reference.code !== 0 && reference.code !== 1) throw new Error(`The uninterrupted second ingest exited with ${reference.code}: ${reference.stderr}`);

  return {
    folder,
    baseDatabase,
    before: await snapshotDatabase(baseDatabase, { stableOnly: false }),
    expected: await snapshotDatabase(referenceDatabase, { stableOnly: true }),
    secondIngestArgs,
    reference,
  };
}
