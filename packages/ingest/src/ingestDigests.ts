import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readRow } from "@alignment-trends/analytics";
import type { DigestFormat, DigestOutcome, IngestSummary } from "@alignment-trends/schema";
import { acquireIngestLock } from "./database/acquireIngestLock";
import { createSchema } from "./database/createSchema";
import { loadDigestBatch, recordFailedDigest, type DigestFile, type PreparedDigest } from "./database/loadDigestBatch";
import { readKnownDigests, readNextDigestId } from "./database/readKnownDigests";
import { writeBuildInfo, writeTopics } from "./database/writeBuildInfo";
import { createWorkingCopy, publishWorkingCopy, removeWorkingCopy } from "./database/workingCopy";
import { detectFormat, parserForFormat } from "./formats/detectFormat";
import { DigestParseError } from "./formats/digestParser";
import { listDigestFiles, type DigestFileEntry } from "./listDigestFiles";
import { DigestReadError, DigestSource } from "./source/DigestSource";
import { loadTaxonomy } from "./topics/loadTaxonomy";
import { compileTaxonomy, type CompiledTaxonomy } from "./topics/tagPaper";

export interface IngestOptions {
  inputs: string[];
  databasePath: string;
  /** Capture date for pages whose dates lack a year, as `YYYY-MM-DD`. */
  asOf?: string | null;
  /** Today's date as `YYYY-MM-DD`; defaults to the UTC date now. */
  today?: string;
  /** Skips format detection and parses every file as this format. */
  format?: DigestFormat | null;
  taxonomyPath?: string;
  onProgress?: (done: number, total: number, file: string) => void;
  log?: (line: string) => void;
}

function emptyOutcome(file: string, status: DigestOutcome["status"], format: DigestFormat | null): DigestOutcome {
  return {
    path: file,
    status,
    format,
    parsed: 0,
    newPapers: 0,
    updatedPapers: 0,
    duplicatesInFile: 0,
    rejected: 0,
    rejectedByReason: {},
    error: null,
  };
}

/**
 * Returns the path a digest is stored under: relative to the working folder
 * when it lies inside it, so a database built in a clone reads the same on
 * every machine, else absolute.
 */
function storedPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/** What preparing a file found: a digest ready to load, or an outcome already decided. */
type Preparation = { ready: PreparedDigest } | { outcome: DigestOutcome } | { failed: { file: DigestFile; format: DigestFormat | null; error: Error } };

/**
 * Hashes a file and detects its format. A file whose content already loaded
 * is unchanged; a file found in a folder with no known format is skipped; an
 * unreadable, empty or unknown named file has failed.
 */
async function prepareFile(
  entry: DigestFileEntry,
  options: IngestOptions & { today: string },
  knownDigests: Map<string, string>,
): Promise<Preparation> {
  const source = new DigestSource(entry.path);
  const storedName = storedPath(entry.path);
  let file: DigestFile = { path: storedName, contentHash: `unreadable:${storedName}` };
  let head: string;
  try {
    file = { path: storedName, contentHash: await source.contentHash() };
    head = await source.head();
  } catch (error) {
    if (!(error instanceof DigestReadError)) throw error;
    return { failed: { file, format: null, error } };
  }
  if (knownDigests.get(file.contentHash) === "loaded") return { outcome: emptyOutcome(storedName, "unchanged", null) };

  if (head.trim() === "") return { failed: { file, format: options.format ?? null, error: new DigestParseError(`${entry.path}: empty file`) } };
  const parser = options.format ? parserForFormat(options.format) : detectFormat(head, source.fileName);
  if (!parser) {
    if (!entry.named) return { outcome: emptyOutcome(storedName, "skipped", null) };
    return { failed: { file, format: null, error: new DigestParseError(`${entry.path}: no known digest format; pass --format to name one`) } };
  }

  const retry = knownDigests.get(file.contentHash) === "failed";
  knownDigests.set(file.contentHash, "loaded");
  const context = { asOf: options.asOf ?? null, today: options.today };
  return { ready: { file, format: parser.format, priority: parser.priority, retry, parse: () => parser.parse(source, context) } };
}

/** Files per batch, and the bytes at which a batch closes early. */
const BATCH_FILES = 64;
const BATCH_BYTES = 64 * 1024 * 1024;

/**
 * Loads the prepared digests as one batch, or, when the batch fails as a
 * whole, one file at a time so that only the file at fault stops the run.
 */
async function loadBatchWithFallback(connection: DuckDBConnection, batch: PreparedDigest[], firstDigestId: number, taxonomy: CompiledTaxonomy, onStaged: () => void) {
  try {
    return await loadDigestBatch(connection, batch, firstDigestId, taxonomy, onStaged);
  } catch (error) {
    if (batch.length === 1) throw new Error(`Failed to load ${batch[0]!.file.path}: ${(error as Error).message}`, { cause: error });
  }
  const outcomes: DigestOutcome[] = [];
  for (const [index, digest] of batch.entries()) {
    outcomes.push(...(await loadBatchWithFallback(connection, [digest], firstDigestId + index, taxonomy, () => {})));
  }
  return outcomes;
}

function countRejectsByReason(outcomes: DigestOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    for (const [reason, count] of Object.entries(outcome.rejectedByReason)) counts[reason] = (counts[reason] ?? 0) + count;
  }
  return counts;
}

function summarize(databasePath: string, outcomes: DigestOutcome[], totalPapers: number, startedAt: number): IngestSummary {
  const sum = (pick: (outcome: DigestOutcome) => number) => outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  const count = (status: DigestOutcome["status"]) => outcomes.filter((outcome) => outcome.status === status).length;
  return {
    database: databasePath,
    files: outcomes.length,
    loaded: count("loaded"),
    unchanged: count("unchanged"),
    failed: count("failed"),
    skipped: count("skipped"),
    parsed: sum((outcome) => outcome.parsed),
    newPapers: sum((outcome) => outcome.newPapers),
    updatedPapers: sum((outcome) => outcome.updatedPapers),
    rejected: sum((outcome) => outcome.rejected),
    rejectedByReason: countRejectsByReason(outcomes),
    totalPapers,
    elapsedMs: Date.now() - startedAt,
    digests: outcomes,
  };
}

/**
 * Ingests digest files into the database at `databasePath`. The work happens
 * on a copy of the database, which replaces the original only when every file
 * has been handled, so servers reading the original never see a half-written
 * file and a crash leaves the original as it was. Each file loads in its own
 * transaction. Only one ingest per database runs at a time.
 */
export async function ingestDigests(options: IngestOptions): Promise<IngestSummary> {
  const startedAt = Date.now();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const log = options.log ?? (() => {});
  const taxonomySource = loadTaxonomy(options.taxonomyPath);
  const taxonomy = compileTaxonomy(taxonomySource);
  const files = await listDigestFiles(options.inputs);

  mkdirSync(path.dirname(path.resolve(options.databasePath)), { recursive: true });
  const releaseLock = acquireIngestLock(options.databasePath);
  const workingPath = createWorkingCopy(options.databasePath);
  try {
    const instance = await DuckDBInstance.create(workingPath);
    const connection = await instance.connect();
    const outcomes: DigestOutcome[] = [];
    let totalPapers = 0;
    try {
      await createSchema(connection);
      await writeTopics(connection, taxonomySource);

      const knownDigests = await readKnownDigests(connection);
      let nextDigestId = await readNextDigestId(connection);
      let batch: PreparedDigest[] = [];
      let batchBytes = 0;
      let done = 0;
      const progress = (file: string) => options.onProgress?.(++done, files.length, file);

      const flush = async () => {
        if (batch.length === 0) return;
        const batchStartedAt = Date.now();
        const loaded = await loadBatchWithFallback(connection, batch, nextDigestId, taxonomy, () => {});
        nextDigestId += batch.length;
        for (const outcome of loaded) {
          log(`${outcome.status} ${outcome.path}: ${outcome.parsed} parsed, ${outcome.newPapers} new, ${outcome.updatedPapers} updated, ${outcome.rejected} rejected`);
        }
        log(`batch of ${batch.length} files in ${Date.now() - batchStartedAt} ms`);
        outcomes.push(...loaded);
        batch = [];
        batchBytes = 0;
      };

      for (const entry of files) {
        const preparation = await prepareFile(entry, { ...options, today }, knownDigests);
        if ("ready" in preparation) {
          batch.push(preparation.ready);
          batchBytes += statSync(entry.path).size;
          if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
        } else if ("failed" in preparation) {
          await flush();
          const { file, format, error } = preparation.failed;
          outcomes.push(await recordFailedDigest(connection, nextDigestId++, file, format, error));
          knownDigests.set(file.contentHash, "failed");
        } else {
          outcomes.push(preparation.outcome);
        }
        progress(entry.path);
      }
      await flush();

      const changed = outcomes.some((outcome) => outcome.status === "loaded" || outcome.status === "failed") || !existsSync(options.databasePath);
      if (changed) await writeBuildInfo(connection, taxonomySource.version);
      totalPapers = Number((await readRow(connection, { sql: "SELECT count(*) AS n FROM papers" })).n);
      await connection.run("CHECKPOINT");
      connection.closeSync();
      instance.closeSync();
      if (changed) publishWorkingCopy(workingPath, options.databasePath);
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
    return summarize(options.databasePath, outcomes, totalPapers, startedAt);
  } finally {
    removeWorkingCopy(workingPath);
    releaseLock();
  }
}
