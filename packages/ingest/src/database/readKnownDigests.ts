import type { DuckDBConnection } from "@duckdb/node-api";
import { readRow, readRows } from "@alignment-trends/analytics";

/** A digest the database holds: its id, stored path, content hash, format and status. */
export interface KnownDigest {
  digestId: number;
  path: string;
  contentHash: string;
  format: string | null;
  status: "loaded" | "failed";
}

/**
 * The digests a database holds, looked up by content and by path, and kept
 * current as a run prepares new ones, so that a file met twice in one run is
 * decided the same way as one loaded by an earlier run.
 */
export class KnownDigests {
  private readonly byHash = new Map<string, KnownDigest[]>();
  private readonly byPath = new Map<string, KnownDigest[]>();

  constructor(digests: KnownDigest[]) {
    for (const digest of digests) this.add(digest);
  }

  add(digest: KnownDigest): void {
    this.byHash.set(digest.contentHash, [...(this.byHash.get(digest.contentHash) ?? []), digest]);
    this.byPath.set(digest.path, [...(this.byPath.get(digest.path) ?? []), digest]);
  }

  /** Returns the loaded digests with this content, at any path. */
  loadedWithContent(contentHash: string): KnownDigest[] {
    return (this.byHash.get(contentHash) ?? []).filter((digest) => digest.status === "loaded");
  }

  /** Returns the digests recorded at this path, loaded or failed. */
  atPath(path: string): KnownDigest[] {
    return this.byPath.get(path) ?? [];
  }

  /** Forgets digests that a load replaces. */
  remove(digestIds: number[]): void {
    const removed = new Set(digestIds);
    for (const index of [this.byHash, this.byPath]) {
      for (const [key, digests] of index) index.set(key, digests.filter((digest) => !removed.has(digest.digestId)));
    }
  }
}

/** Reads every digest the database holds. */
export async function readKnownDigests(connection: DuckDBConnection): Promise<KnownDigests> {
  const rows = await readRows(connection, { sql: "SELECT digest_id, path, content_hash, format, status FROM digests ORDER BY digest_id" });
  return new KnownDigests(
    rows.map((row) => ({
      digestId: Number(row.digest_id),
      path: String(row.path),
      contentHash: String(row.content_hash),
      format: row.format === null ? null : String(row.format),
      status: row.status === "failed" ? "failed" : "loaded",
    })),
  );
}

/** Returns the id the next digest gets. */
export async function readNextDigestId(connection: DuckDBConnection): Promise<number> {
  const row = await readRow(connection, { sql: "SELECT coalesce(max(digest_id), 0) + 1 AS id FROM digests" });
  return Number(row.id);
}
