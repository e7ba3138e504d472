import type { DuckDBConnection } from "@duckdb/node-api";
import type { CompiledTaxonomy } from "../topics/tagPaper";
import { inTransaction } from "./loadDigestBatch";
import { rebuildTermIndex } from "./rebuildTermIndex";
import { tagPapers } from "./tagPapers";
import { startTermMonthsUpdate } from "./updateTermMonths";

/** The outcome of a refresh: papers tagged, and milliseconds spent tagging and rewriting the term index with its monthly counts. */
export interface RefreshOutcome {
  tagged: number;
  tagMs: number;
  indexMs: number;
}

/**
 * Brings the papers in `pending_papers` up to date: tags them, rewrites the
 * term index and the monthly term counts. A load calls it once after its last
 * batch, on the working copy, which is published only when all of it succeeds.
 *
 * The monthly counts finish outside the transaction, each statement
 * committed on its own. DuckDB keeps what a transaction changed in memory
 * until it ends: finishing inside it, a load of 102 records into a million
 * papers ran out of the 512 MB limit. The working copy keeps a failed load
 * from being published, so the counts need no transaction of their own.
 */
export async function refreshPendingPapers(
  connection: DuckDBConnection,
  taxonomy: CompiledTaxonomy,
  log: (line: string) => void = () => {},
): Promise<RefreshOutcome> {
  const startedAt = performance.now();
  const { tagged, taggedAt, termMonths } = await inTransaction(connection, async () => {
    log("tagging the new and changed papers");
    const taggedPapers = await tagPapers(connection, taxonomy, "pending");
    const tagEnd = performance.now();
    log(`tagged ${taggedPapers} paper${taggedPapers === 1 ? "" : "s"}; rebuilding their term index`);
    const update = await startTermMonthsUpdate(connection, "pending");
    await rebuildTermIndex(connection);
    return { tagged: taggedPapers, taggedAt: tagEnd, termMonths: update };
  });
  log("updating the monthly term counts");
  await termMonths.finish();
  return { tagged, tagMs: taggedAt - startedAt, indexMs: performance.now() - taggedAt };
}
