import type { DuckDBConnection } from "@duckdb/node-api";
import type { CompiledTaxonomy } from "../topics/tagPaper";
import { inTransaction } from "./loadDigestBatch";
import { rebuildTermIndex } from "./rebuildTermIndex";
import { tagPapers } from "./tagPapers";

/**
 * Brings the papers in `pending_papers` up to date in one transaction: tags
 * them and rewrites the term index. A load calls it once after its last
 * batch. Returns how many papers were tagged.
 */
export async function refreshPendingPapers(connection: DuckDBConnection, taxonomy: CompiledTaxonomy): Promise<number> {
  return inTransaction(connection, async () => {
    const tagged = await tagPapers(connection, taxonomy, "pending");
    await rebuildTermIndex(connection);
    return tagged;
  });
}
