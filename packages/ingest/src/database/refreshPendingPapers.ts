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
 * Brings the papers in `pending_papers` up to date in one transaction: tags
 * them, rewrites the term index and the monthly term counts. A load calls it once after its last
 * batch.
 */
export async function refreshPendingPapers(connection: DuckDBConnection, taxonomy: CompiledTaxonomy): Promise<RefreshOutcome> {
  return inTransaction(connection, async () => {
    const startedAt = performance.now();
    const tagged = await tagPapers(connection, taxonomy, "pending");
    const taggedAt = performance.now();
    const termMonths = await startTermMonthsUpdate(connection, "pending");
    await rebuildTermIndex(connection);
    await termMonths.finish();
    return { tagged, tagMs: taggedAt - startedAt, indexMs: performance.now() - taggedAt };
  });
}
