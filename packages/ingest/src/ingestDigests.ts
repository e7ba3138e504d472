import { readRow } from "@alignment-trends/analytics";
import type { DigestFormat, DigestOutcome, IngestSummary } from "@alignment-trends/schema";
import type { LockWaitOptions } from "./database/acquireIngestLock";
import { withWorkingCopy } from "./database/withWorkingCopy";
import { createPendingPapersTable } from "./database/createPendingPapersTable";
import { refreshPendingPapers } from "./database/refreshPendingPapers";
import { writeBuildInfo, writeTopics } from "./database/writeBuildInfo";
import { listDigestFiles } from "./listDigestFiles";
import { loadFiles } from "./loadDigestFiles";
import { loadOverrides, loadTaxonomy } from "./topics/loadTaxonomy";
import { compileTaxonomy } from "./topics/tagPaper";

export interface IngestOptions extends LockWaitOptions {
  inputs: string[];
  databasePath: string;
  /** Capture date for pages whose dates lack a year, as `YYYY-MM-DD`. */
  asOf?: string | null;
  /** Today's date as `YYYY-MM-DD`; defaults to the UTC date now. */
  today?: string;
  /** Skips format detection and parses every file as this format. */
  format?: DigestFormat | null;
  /** Loads files again even when their content already loaded, replacing the earlier load. */
  reload?: boolean;
  taxonomyPath?: string;
  overridesPath?: string;
  onProgress?: (done: number, total: number, file: string) => void;
  log?: (line: string) => void;
}

function countRejectsByReason(outcomes: DigestOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    for (const [reason, count] of Object.entries(outcome.rejectedByReason)) counts[reason] = (counts[reason] ?? 0) + count;
  }
  return counts;
}

function summarize(
  databasePath: string,
  outcomes: DigestOutcome[],
  totalPapers: number,
  startedAt: number,
  stepsMs: IngestSummary["stepsMs"],
): IngestSummary {
  const sum = (pick: (outcome: DigestOutcome) => number) => outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  const count = (status: DigestOutcome["status"]) => outcomes.filter((outcome) => outcome.status === status).length;
  return {
    database: databasePath,
    files: outcomes.length,
    loaded: count("loaded"),
    unchanged: count("unchanged"),
    failed: count("failed"),
    skipped: count("skipped"),
    replaced: sum((outcome) => outcome.replaced),
    parsed: sum((outcome) => outcome.parsed),
    newPapers: sum((outcome) => outcome.newPapers),
    updatedPapers: sum((outcome) => outcome.updatedPapers),
    rejected: sum((outcome) => outcome.rejected),
    rejectedByReason: countRejectsByReason(outcomes),
    totalPapers,
    elapsedMs: Date.now() - startedAt,
    stepsMs,
    digests: outcomes,
  };
}

/**
 * Ingests digest files into the database at `databasePath`. The work happens
 * on a copy of the database, which replaces the original only when every file
 * has been handled, so servers reading the original never see a half-written
 * file and a crash leaves the original as it was. Files load in batches, each
 * file completely or not at all. The papers they touched are tagged and
 * term-indexed once, after the last batch. Only one ingest per database runs
 * at a time.
 */
export async function ingestDigests(options: IngestOptions): Promise<IngestSummary> {
  const startedAt = Date.now();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const taxonomySource = loadTaxonomy(options.taxonomyPath);
  const taxonomy = compileTaxonomy(taxonomySource, loadOverrides(taxonomySource, options.overridesPath));
  const files = await listDigestFiles(options.inputs);

  const log = options.log ?? (() => {});
  return withWorkingCopy(
    options.databasePath,
    async (connection) => {
      await writeTopics(connection, taxonomySource);
      await createPendingPapersTable(connection);
      const loadStartedAt = performance.now();
      const outcomes = await loadFiles(connection, files, { ...options, today });
      const stepsMs = { load: performance.now() - loadStartedAt, tag: 0, index: 0 };
      const changed = outcomes.some((outcome) => outcome.status === "loaded" || outcome.status === "failed");
      if (changed) {
        const refreshed = await refreshPendingPapers(connection, taxonomy, log);
        stepsMs.tag = refreshed.tagMs;
        stepsMs.index = refreshed.indexMs;
        await writeBuildInfo(connection, taxonomySource.version);
      }
      const totalPapers = Number((await readRow(connection, { sql: "SELECT count(*) AS n FROM papers" })).n);
      return { result: summarize(options.databasePath, outcomes, totalPapers, startedAt, stepsMs), changed };
    },
    { lockWaitMs: options.lockWaitMs, onLockWait: options.onLockWait, log },
  );
}
