import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readRow } from "@alignment-trends/analytics";
import type { DigestFormat, DigestOutcome, IngestSummary } from "@alignment-trends/schema";
import { acquireIngestLock } from "./database/acquireIngestLock";
import { createSchema } from "./database/createSchema";
import { isDigestLoaded, loadDigest, recordFailedDigest, type DigestFile } from "./database/loadDigest";
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

/** Reads, parses and loads one file; failures of the file itself become a `failed` outcome, not an exception. */
async function ingestFile(
  connection: DuckDBConnection,
  entry: DigestFileEntry,
  options: IngestOptions & { today: string },
  taxonomy: CompiledTaxonomy,
): Promise<DigestOutcome> {
  const source = new DigestSource(entry.path);
  const storedName = storedPath(entry.path);
  let file: DigestFile;
  let head: string;
  try {
    file = { path: storedName, contentHash: await source.contentHash() };
    head = await source.head();
  } catch (error) {
    if (!(error instanceof DigestReadError)) throw error;
    return recordFailedDigest(connection, { path: storedName, contentHash: `unreadable:${storedName}` }, null, error);
  }
  if (await isDigestLoaded(connection, file.contentHash)) return emptyOutcome(entry.path, "unchanged", null);

  if (head.trim() === "") {
    return recordFailedDigest(connection, file, options.format ?? null, new DigestParseError(`${entry.path}: empty file`));
  }
  const parser = options.format ? parserForFormat(options.format) : detectFormat(head, source.fileName);
  if (!parser) {
    if (!entry.named) return emptyOutcome(entry.path, "skipped", null);
    const error = new DigestParseError(`${entry.path}: no known digest format; pass --format to name one`);
    return recordFailedDigest(connection, file, null, error);
  }

  try {
    const parsed = await parser.parse(source, { asOf: options.asOf ?? null, today: options.today });
    return await loadDigest(connection, file, parsed, parser.priority, taxonomy);
  } catch (error) {
    if (!(error instanceof DigestParseError) && !(error instanceof DigestReadError)) throw error;
    const named = error.message.startsWith(entry.path) ? error : new DigestParseError(`${entry.path}: ${error.message}`, { cause: error });
    return recordFailedDigest(connection, file, parser.format, named);
  }
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

      for (const [index, entry] of files.entries()) {
        const fileStartedAt = Date.now();
        const outcome = await ingestFile(connection, entry, { ...options, today }, taxonomy).catch((error: unknown) => {
          throw new Error(`Failed to load ${entry.path}: ${(error as Error).message}`, { cause: error });
        });
        outcomes.push(outcome);
        log(`${outcome.status} ${entry.path}: ${outcome.parsed} parsed, ${outcome.newPapers} new, ${outcome.updatedPapers} updated, ${outcome.rejected} rejected in ${Date.now() - fileStartedAt} ms`);
        options.onProgress?.(index + 1, files.length, entry.path);
      }

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
