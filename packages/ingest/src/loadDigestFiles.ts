import { statSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { DigestFormat, DigestOutcome } from "@alignment-trends/schema";
import { loadDigestBatch, recordFailedDigest, type DigestFile, type PreparedDigest } from "./database/loadDigestBatch";
import { readKnownDigests, readNextDigestId, type KnownDigests } from "./database/readKnownDigests";
import { detectFormat, parserForFormat } from "./formats/detectFormat";
import { DigestParseError } from "./formats/digestParser";
import { withOversizedLineRejects } from "./formats/withOversizedLineRejects";
import type { IngestOptions } from "./ingestDigests";
import type { DigestFileEntry } from "./listDigestFiles";
import { DigestReadError, DigestSource } from "./source/DigestSource";

export function emptyOutcome(file: string, status: DigestOutcome["status"], format: DigestFormat | null): DigestOutcome {
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
    replaced: 0,
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
type Preparation =
  | { ready: PreparedDigest }
  | { outcome: DigestOutcome }
  | { failed: { file: DigestFile; format: DigestFormat | null; error: Error; replaces: number[] } };

/**
 * Decides which earlier digests a load of this file replaces, or null when
 * the file is unchanged: the same content already loaded stays unless the
 * user asks to load it again (`--reload`, or `--format` naming another format
 * than the one it loaded as). New content at a known path replaces what that
 * path held before, loaded or failed.
 */
function findReplacedDigests(file: DigestFile, known: KnownDigests, options: IngestOptions): number[] | null {
  const sameContent = known.loadedWithContent(file.contentHash);
  const samePath = known.atPath(file.path);
  if (sameContent.length > 0) {
    const otherFormat = options.format !== undefined && options.format !== null && sameContent.some((digest) => digest.format !== options.format);
    if (!options.reload && !otherFormat) return null;
    return [...new Set([...sameContent, ...samePath].map((digest) => digest.digestId))];
  }
  return samePath.map((digest) => digest.digestId);
}

/**
 * Hashes a file and detects its format. A file whose content already loaded
 * is unchanged; a file found in a folder with no known format is skipped; an
 * unreadable, empty or unknown named file has failed.
 */
async function prepareFile(entry: DigestFileEntry, options: IngestOptions & { today: string }, known: KnownDigests): Promise<Preparation> {
  const source = new DigestSource(entry.path);
  const storedName = storedPath(entry.path);
  let file: DigestFile = { path: storedName, contentHash: `unreadable:${storedName}` };
  const failedAtPath = () => known.atPath(storedName).filter((digest) => digest.status === "failed").map((digest) => digest.digestId);
  let head: string;
  try {
    file = { path: storedName, contentHash: await source.contentHash() };
    head = await source.head();
  } catch (error) {
    if (!(error instanceof DigestReadError)) throw error;
    return { failed: { file, format: null, error, replaces: failedAtPath() } };
  }
  const replaces = findReplacedDigests(file, known, options);
  if (replaces === null) return { outcome: emptyOutcome(storedName, "unchanged", null) };

  if (head.trim() === "") {
    return { failed: { file, format: options.format ?? null, error: new DigestParseError(`${entry.path}: empty file`), replaces: failedAtPath() } };
  }
  const parser = options.format ? parserForFormat(options.format) : detectFormat(head, source.fileName);
  if (!parser) {
    if (!entry.named) return { outcome: emptyOutcome(storedName, "skipped", null) };
    const error = new DigestParseError(`${entry.path}: no known digest format; pass --format to name one`);
    return { failed: { file, format: null, error, replaces: failedAtPath() } };
  }

  known.remove(replaces);
  known.add({ digestId: -1, path: file.path, contentHash: file.contentHash, format: parser.format, status: "loaded" });
  const context = { asOf: options.asOf ?? null, today: options.today };
  const parse = async () => withOversizedLineRejects(await parser.parse(source, context), source);
  return { ready: { file, format: parser.format, priority: parser.priority, replaces, parse } };
}

/**
 * Files per batch, and the bytes at which a batch closes early. Each batch's
 * merge scans the papers and sightings loaded so far, so fewer, larger
 * batches cost less. The staged rows of a batch live in DuckDB, which spills
 * them to disk past its memory limit.
 */
const BATCH_FILES = 512;
const BATCH_BYTES = 128 * 1024 * 1024;

/**
 * Loads the prepared digests as one batch, or, when the batch fails as a
 * whole, one file at a time. A file that still fails alone is recorded as
 * failed with the error, and the database keeps what it held before that
 * file, so one file cannot stop the run. An error that recording the failure
 * also meets, such as a broken database, still stops it.
 */
async function loadBatchWithFallback(
  connection: DuckDBConnection,
  batch: PreparedDigest[],
  firstDigestId: number,
  onStaged: () => void,
): Promise<DigestOutcome[]> {
  try {
    return await loadDigestBatch(connection, batch, firstDigestId, onStaged);
  } catch (error) {
    if (batch.length === 1) {
      const { file, format } = batch[0]!;
      const failure = new Error(`Failed to load ${file.path}: ${(error as Error).message}`, { cause: error });
      return [await recordFailedDigest(connection, firstDigestId, file, format, failure, [])];
    }
  }
  const outcomes: DigestOutcome[] = [];
  for (const [index, digest] of batch.entries()) {
    outcomes.push(...(await loadBatchWithFallback(connection, [digest], firstDigestId + index, () => {})));
  }
  return outcomes;
}

/**
 * Loads the files into the database in batches, in file order, and returns
 * one outcome per file. Unchanged and skipped files need no load; a file that
 * fails before its parse is recorded at once.
 */
export async function loadFiles(
  connection: DuckDBConnection,
  files: DigestFileEntry[],
  options: IngestOptions & { today: string },
): Promise<DigestOutcome[]> {
  const log = options.log ?? (() => {});
  const outcomes: DigestOutcome[] = [];
  const knownDigests = await readKnownDigests(connection);
  let nextDigestId = await readNextDigestId(connection);
  let batch: PreparedDigest[] = [];
  let batchBytes = 0;
  let done = 0;
  const progress = (file: string) => options.onProgress?.(++done, files.length, file);
  const logOutcome = (outcome: DigestOutcome) =>
    log(
      `${outcome.status} ${outcome.path}: ${outcome.parsed} parsed, ${outcome.newPapers} new, ${outcome.updatedPapers} merged, ${outcome.rejected} rejected${outcome.replaced > 0 ? `, replaced ${outcome.replaced} earlier load${outcome.replaced === 1 ? "" : "s"}` : ""}`,
    );

  const flush = async () => {
    if (batch.length === 0) return;
    const batchStartedAt = Date.now();
    const loaded = await loadBatchWithFallback(connection, batch, nextDigestId, () => {});
    nextDigestId += batch.length;
    for (const outcome of loaded) logOutcome(outcome);
    log(`batch of ${batch.length} files in ${Date.now() - batchStartedAt} ms`);
    outcomes.push(...loaded);
    batch = [];
    batchBytes = 0;
  };

  for (const entry of files) {
    const preparation = await prepareFile(entry, options, knownDigests);
    if ("ready" in preparation) {
      batch.push(preparation.ready);
      batchBytes += statSync(entry.path).size;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
    } else if ("failed" in preparation) {
      await flush();
      const { file, format, error, replaces } = preparation.failed;
      const failed = await recordFailedDigest(connection, nextDigestId, file, format, error, replaces);
      knownDigests.remove(replaces);
      knownDigests.add({ digestId: nextDigestId, path: file.path, contentHash: file.contentHash, format, status: "failed" });
      nextDigestId += 1;
      outcomes.push(failed);
      logOutcome(failed);
    } else {
      outcomes.push(preparation.outcome);
      logOutcome(preparation.outcome);
    }
    progress(entry.path);
  }
  await flush();
  return outcomes;
}
