import type { DuckDBConnection } from "@duckdb/node-api";
import { readRow, readRows } from "@alignment-trends/analytics";
import type { DigestFormat, DigestOutcome } from "@alignment-trends/schema";
import type { ParsedDigest } from "../formats/digestParser";
import type { CompiledTaxonomy } from "../topics/tagPaper";
import { mergeStagedPapers } from "./mergeStagedPapers";
import { stageItems } from "./stageItems";
import { tagPapers } from "./tagPapers";

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

/** Removes what an earlier failed attempt at the same content left, so a retry replaces it. */
async function forgetFailedAttempts(connection: DuckDBConnection, contentHash: string): Promise<void> {
  const params = { hash: contentHash };
  await connection.run("DELETE FROM rejects WHERE digest_id IN (SELECT digest_id FROM digests WHERE content_hash = $hash AND status = 'failed')", params);
  await connection.run("DELETE FROM digests WHERE content_hash = $hash AND status = 'failed'", params);
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
 * and its row in `digests`. The parser's items stream into staging tables, so
 * a read or parse error in the middle of the file rolls everything back and
 * the database is as it was before this file.
 */
export async function loadDigest(
  connection: DuckDBConnection,
  file: DigestFile,
  parsed: ParsedDigest,
  priority: number,
  taxonomy: CompiledTaxonomy,
): Promise<DigestOutcome> {
  return inTransaction(connection, async () => {
    await forgetFailedAttempts(connection, file.contentHash);
    const digestId = await nextDigestId(connection);

    const staged = await stageItems(connection, { digestId, priority, digestDate: parsed.digestDate }, parsed.items);
    const merged = (await mergeStagedPapers(connection)).get(digestId) ?? { newPapers: 0, updatedPapers: 0, duplicatesInFile: 0 };
    await tagPapers(connection, taxonomy, "affected");
    await connection.run("INSERT INTO rejects SELECT digest_id, $path, location, reason, detail, raw FROM staged_rejects", { path: file.path });

    await connection.run(
      `INSERT INTO digests VALUES ($id, $path, $hash, $format, $priority, 'loaded', NULL, $digestDate::DATE, $dateSource,
        $records, $newPapers, $updatedPapers, $duplicates, $rejected, now()::TIMESTAMP)`,
      {
        id: digestId,
        path: file.path,
        hash: file.contentHash,
        format: parsed.format,
        priority,
        digestDate: parsed.digestDate,
        dateSource: parsed.digestDateSource,
        records: staged.records,
        newPapers: merged.newPapers,
        updatedPapers: merged.updatedPapers,
        duplicates: merged.duplicatesInFile,
        rejected: staged.rejected,
      },
    );
    return {
      path: file.path,
      status: "loaded",
      format: parsed.format,
      parsed: staged.records,
      ...merged,
      rejected: staged.rejected,
      rejectedByReason: staged.rejectedByReason,
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
      `INSERT INTO digests VALUES ($id, $path, $hash, $format, NULL, 'failed', $error, NULL, NULL, 0, 0, 0, 0, 1, now()::TIMESTAMP)`,
      { id: digestId, path: file.path, hash: file.contentHash, format, error: error.message },
    );
    await connection.run("INSERT INTO rejects VALUES ($id, $path, 'file', 'unreadable digest', $detail, NULL)", {
      id: digestId,
      path: file.path,
      detail: error.message,
    });
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
