import type { DuckDBConnection } from "@duckdb/node-api";
import type { DigestFormat, DigestOutcome } from "@alignment-trends/schema";
import { DigestParseError, type ParsedDigest } from "../formats/digestParser";
import { DigestReadError } from "../source/DigestSource";
import { mergeStagedPapers } from "./mergeStagedPapers";
import { createRemovedPapersTable, removeDigests } from "./removeDigests";
import { createStagingTables, stageItems } from "./stageItems";

/** A digest file as the database records it: the path shown to users and the hash of its content. */
export interface DigestFile {
  path: string;
  contentHash: string;
}

/** A digest ready to load: its file, its format, and the parse that streams its items once called. */
export interface PreparedDigest {
  file: DigestFile;
  format: DigestFormat;
  priority: number;
  /** Ids of earlier digests this load replaces: earlier versions of the file at the same path, or the same content loaded another way. */
  replaces: number[];
  parse: () => Promise<ParsedDigest>;
}

/** Runs `work` in one transaction and rolls it back when `work` raises. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run("BEGIN TRANSACTION");
  try {
    const result = await work();
    await connection.run("COMMIT");
    return result;
  } catch (error) {
    await connection.run("ROLLBACK");
    throw error;
  }
}

/**
 * Records a digest that could not be read or parsed: a `failed` row in
 * `digests` and one reject at location `file` with the error, so that
 * `--rejects` lists it. A later load of a file at the same path replaces both.
 */
async function insertFailedDigest(connection: DuckDBConnection, digestId: number, file: DigestFile, format: DigestFormat | null, error: Error): Promise<void> {
  await connection.run(
    "INSERT INTO digests VALUES ($id, $path, $hash, $format, NULL, 'failed', $error, NULL, NULL, 0, 0, 0, 0, 1, now()::TIMESTAMP)",
    { id: digestId, path: file.path, hash: file.contentHash, format, error: error.message },
  );
  await connection.run("INSERT INTO rejects VALUES ($id, $path, 'file', 'unreadable digest', $detail, NULL)", {
    id: digestId,
    path: file.path,
    detail: error.message,
  });
}

/** Returns the outcome of a digest that failed as a whole. */
export function failedOutcome(file: DigestFile, format: DigestFormat | null, error: Error): DigestOutcome {
  return {
    path: file.path,
    status: "failed",
    format,
    parsed: 0,
    newPapers: 0,
    updatedPapers: 0,
    duplicatesInFile: 0,
    rejected: 1,
    rejectedByReason: { "unreadable digest": 1 },
    replaced: 0,
    error: error.message,
  };
}

/**
 * Records, in its own transaction, a digest that failed before its parse
 * could start, replacing earlier failed records of the same path.
 */
export async function recordFailedDigest(
  connection: DuckDBConnection,
  digestId: number,
  file: DigestFile,
  format: DigestFormat | null,
  error: Error,
  replaces: number[],
): Promise<DigestOutcome> {
  await inTransaction(connection, async () => {
    await createRemovedPapersTable(connection);
    await removeDigests(connection, replaces);
    await insertFailedDigest(connection, digestId, file, format, error);
  });
  return failedOutcome(file, format, error);
}

/** A staged digest waiting for the merge. */
interface StagedDigest {
  digestId: number;
  digest: PreparedDigest;
  parsed: ParsedDigest;
  records: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
}

/**
 * Loads a batch of digests in one transaction, with digest ids from
 * `firstDigestId` on. Each file streams into the staging tables; one whose
 * read or parse fails part-way has its staged rows removed and is recorded as
 * failed, and the earlier loads it would have replaced stay, so the database
 * keeps what it held before that file. Then one merge takes every staged
 * record, which costs far less than a merge per file. Any other error rolls
 * the whole batch back and raises; the caller then loads the files one at a
 * time, so each file still loads completely or not at all.
 */
export async function loadDigestBatch(
  connection: DuckDBConnection,
  digests: PreparedDigest[],
  firstDigestId: number,
  onStaged: (digest: PreparedDigest) => void = () => {},
): Promise<DigestOutcome[]> {
  return inTransaction(connection, async () => {
    await createStagingTables(connection);
    await createRemovedPapersTable(connection);
    const outcomes = new Map<number, DigestOutcome>();
    const staged: StagedDigest[] = [];

    // Stream every file into the staging tables. A file replaces its earlier loads only once it has staged whole.
    for (const [index, digest] of digests.entries()) {
      const digestId = firstDigestId + index;
      try {
        const parsed = await digest.parse();
        const counts = await stageItems(connection, { digestId, priority: digest.priority, digestDate: parsed.digestDate }, parsed.items);
        await removeDigests(connection, digest.replaces);
        staged.push({ digestId, digest, parsed, ...counts });
      } catch (error) {
        if (!(error instanceof DigestParseError) && !(error instanceof DigestReadError)) throw error;
        const named = error.message.includes(digest.file.path) ? error : new DigestParseError(`${digest.file.path}: ${error.message}`, { cause: error });
        await connection.run("DELETE FROM staged_records WHERE digest_id = $id", { id: digestId });
        await connection.run("DELETE FROM staged_rejects WHERE digest_id = $id", { id: digestId });
        await insertFailedDigest(connection, digestId, digest.file, digest.format, named);
        outcomes.set(digestId, failedOutcome(digest.file, digest.format, named));
      }
      onStaged(digest);
    }

    // Merge the staged records and keep the rejects; the papers they touched wait in `pending_papers` for tagging.
    const merged = await mergeStagedPapers(connection);
    for (const entry of staged) {
      await connection.run("INSERT INTO rejects SELECT digest_id, $path, location, reason, detail, raw FROM staged_rejects WHERE digest_id = $id", {
        id: entry.digestId,
        path: entry.digest.file.path,
      });
    }

    // Record each loaded digest with its counts.
    for (const entry of staged) {
      const counts = merged.get(entry.digestId) ?? { newPapers: 0, updatedPapers: 0, duplicatesInFile: 0 };
      await connection.run(
        `INSERT INTO digests VALUES ($id, $path, $hash, $format, $priority, 'loaded', NULL, $digestDate::DATE, $dateSource,
          $records, $newPapers, $updatedPapers, $duplicates, $rejected, now()::TIMESTAMP)`,
        {
          id: entry.digestId,
          path: entry.digest.file.path,
          hash: entry.digest.file.contentHash,
          format: entry.parsed.format,
          priority: entry.digest.priority,
          digestDate: entry.parsed.digestDate,
          dateSource: entry.parsed.digestDateSource,
          records: entry.records,
          newPapers: counts.newPapers,
          updatedPapers: counts.updatedPapers,
          duplicates: counts.duplicatesInFile,
          rejected: entry.rejected,
        },
      );
      outcomes.set(entry.digestId, {
        path: entry.digest.file.path,
        status: "loaded",
        format: entry.parsed.format,
        parsed: entry.records,
        ...counts,
        rejected: entry.rejected,
        rejectedByReason: entry.rejectedByReason,
        replaced: entry.digest.replaces.length,
        error: null,
      });
    }
    return digests.map((_, index) => outcomes.get(firstDigestId + index)!);
  });
}
