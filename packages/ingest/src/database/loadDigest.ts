import type { DuckDBConnection } from "@duckdb/node-api";
import { readRow, readRows } from "@alignment-trends/analytics";
import type { DigestFormat, DigestOutcome, RejectedRecord } from "@alignment-trends/schema";
import type { ParsedDigest } from "../formats/digestParser";
import type { CompiledTaxonomy } from "../topics/tagPaper";
import { mergeStagedPapers } from "./mergeStagedPapers";
import { stageRecords } from "./stageRecords";
import { tagPapers } from "./tagPapers";

/**
 * How much each format is trusted when two digests disagree on a field: the
 * API's own data over text copied from a page.
 */
export const SOURCE_PRIORITY: Record<DigestFormat, number> = {
  "hf-daily-api": 30,
  "hf-papers-page": 20,
};

export interface DigestFile {
  path: string;
  contentHash: string;
}

/** Returns true when a digest with this content hash has already loaded. */
export async function isDigestLoaded(connection: DuckDBConnection, contentHash: string): Promise<boolean> {
  const rows = await readRows(connection, {
    sql: "SELECT 1 FROM digests WHERE content_hash = $hash AND status = 'loaded'",
    params: { hash: contentHash },
  });
  return rows.length > 0;
}

async function nextDigestId(connection: DuckDBConnection): Promise<number> {
  const row = await readRow(connection, { sql: "SELECT coalesce(max(digest_id), 0) + 1 AS id FROM digests" });
  return Number(row.id);
}

async function insertRejects(connection: DuckDBConnection, digestId: number, path: string, rejects: RejectedRecord[]): Promise<void> {
  const appender = await connection.createAppender("rejects");
  for (const reject of rejects) {
    appender.appendInteger(digestId);
    appender.appendVarchar(path);
    appender.appendVarchar(reject.location);
    appender.appendVarchar(reject.reason);
    appender.appendVarchar(reject.detail);
    if (reject.raw === null) appender.appendNull();
    else appender.appendVarchar(reject.raw);
    appender.endRow();
  }
  appender.closeSync();
}

/** Removes what an earlier failed attempt at the same content left, so a retry replaces it. */
async function forgetFailedAttempts(connection: DuckDBConnection, contentHash: string): Promise<void> {
  const params = { hash: contentHash };
  await connection.run("DELETE FROM rejects WHERE digest_id IN (SELECT digest_id FROM digests WHERE content_hash = $hash AND status = 'failed')", params);
  await connection.run("DELETE FROM digests WHERE content_hash = $hash AND status = 'failed'", params);
}

function countByReason(rejects: RejectedRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reject of rejects) counts[reject.reason] = (counts[reject.reason] ?? 0) + 1;
  return counts;
}

async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
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
 * Loads one parsed digest in one transaction: its papers, sightings, rejects
 * and its row in `digests`. If any step fails the transaction rolls back and
 * the database is as it was before this file.
 */
export async function loadDigest(
  connection: DuckDBConnection,
  file: DigestFile,
  parsed: ParsedDigest,
  taxonomy: CompiledTaxonomy,
): Promise<DigestOutcome> {
  return inTransaction(connection, async () => {
    await forgetFailedAttempts(connection, file.contentHash);
    const digestId = await nextDigestId(connection);

    await stageRecords(connection, parsed.records);
    const counts = await mergeStagedPapers(connection, {
      digestId,
      digestDate: parsed.digestDate,
      sourcePriority: SOURCE_PRIORITY[parsed.format],
    });
    await tagPapers(connection, taxonomy, "resolved");
    await insertRejects(connection, digestId, file.path, parsed.rejects);

    await connection.run(
      `INSERT INTO digests VALUES ($id, $path, $hash, $format, 'loaded', NULL, $digestDate::DATE, $dateSource,
        $records, $newPapers, $updatedPapers, $duplicates, $rejected, now()::TIMESTAMP)`,
      {
        id: digestId,
        path: file.path,
        hash: file.contentHash,
        format: parsed.format,
        digestDate: parsed.digestDate,
        dateSource: parsed.digestDateSource,
        records: parsed.records.length,
        newPapers: counts.newPapers,
        updatedPapers: counts.updatedPapers,
        duplicates: counts.duplicatesInFile,
        rejected: parsed.rejects.length,
      },
    );
    return {
      path: file.path,
      status: "loaded",
      format: parsed.format,
      parsed: parsed.records.length,
      ...counts,
      rejected: parsed.rejects.length,
      rejectedByReason: countByReason(parsed.rejects),
      error: null,
    };
  });
}

/**
 * Records a digest that could not be read or parsed at all: a `failed` row in
 * `digests` and one reject at location `file` with the error, so that
 * `--rejects` lists it. A later successful load of the same content replaces both.
 */
export async function recordFailedDigest(
  connection: DuckDBConnection,
  file: DigestFile,
  format: DigestFormat | null,
  error: Error,
): Promise<DigestOutcome> {
  return inTransaction(connection, async () => {
    await forgetFailedAttempts(connection, file.contentHash);
    const digestId = await nextDigestId(connection);
    await connection.run(
      `INSERT INTO digests VALUES ($id, $path, $hash, $format, 'failed', $error, NULL, NULL, 0, 0, 0, 0, 1, now()::TIMESTAMP)`,
      { id: digestId, path: file.path, hash: file.contentHash, format, error: error.message },
    );
    await insertRejects(connection, digestId, file.path, [
      { location: "file", reason: "unreadable digest", detail: error.message, raw: null },
    ]);
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
      error: error.message,
    };
  });
}
