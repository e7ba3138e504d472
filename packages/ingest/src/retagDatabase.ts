import { existsSync } from "node:fs";
import { readRow } from "@alignment-trends/analytics";
import { inTransaction } from "./database/loadDigestBatch";
import { tagPapers } from "./database/tagPapers";
import { startTermMonthsUpdate } from "./database/updateTermMonths";
import { withWorkingCopy } from "./database/withWorkingCopy";
import { writeBuildInfo, writeTopics } from "./database/writeBuildInfo";
import { loadOverrides, loadTaxonomy } from "./topics/loadTaxonomy";
import { compileTaxonomy } from "./topics/tagPaper";

export interface RetagOptions {
  databasePath: string;
  taxonomyPath?: string;
  overridesPath?: string;
}

/** What a retag changed: papers tagged, and how many changed scope, gained or lost a topic. */
export interface RetagSummary {
  database: string;
  taxonomyVersion: string;
  papers: number;
  scopeChanges: number;
  topicsAdded: number;
  topicsRemoved: number;
  alignmentPapers: number;
  elapsedMs: number;
}

/**
 * Tags every paper of the database again from its stored title, abstract and
 * keywords, with the current taxonomy and overrides, without reading any
 * digest. It writes a working copy like an ingest does, so a server keeps
 * reading the old tags until the new file is in place.
 */
export async function retagDatabase(options: RetagOptions): Promise<RetagSummary> {
  const startedAt = Date.now();
  if (!existsSync(options.databasePath)) {
    throw new Error(`No database at ${options.databasePath}; ingest digests first (npm run ingest -- data/samples)`);
  }
  const taxonomySource = loadTaxonomy(options.taxonomyPath);
  const taxonomy = compileTaxonomy(taxonomySource, loadOverrides(taxonomySource, options.overridesPath));

  return withWorkingCopy(options.databasePath, async (connection) => {
    await connection.run("CREATE OR REPLACE TEMP TABLE scopes_before AS SELECT paper_id, scope FROM paper_scopes");
    await connection.run("CREATE OR REPLACE TEMP TABLE topics_before AS SELECT paper_id, topic_id FROM paper_topics");

    await writeTopics(connection, taxonomySource);
    // A paper that changed scope moves its terms to another scope's counts. They
    // finish outside the transaction, as after a load, to stay within DuckDB's memory limit.
    const { papers, termMonths } = await inTransaction(connection, async () => {
      const tagged = await tagPapers(connection, taxonomy, "all");
      return { papers: tagged, termMonths: await startTermMonthsUpdate(connection, "all") };
    });
    await termMonths.finish();
    await writeBuildInfo(connection, taxonomySource.version);

    const changes = await readRow(connection, {
      sql: `SELECT
          (SELECT count(*) FROM paper_scopes a JOIN scopes_before b USING (paper_id) WHERE a.scope <> b.scope)::INTEGER AS scope_changes,
          (SELECT count(*) FROM (SELECT paper_id, topic_id FROM paper_topics EXCEPT SELECT paper_id, topic_id FROM topics_before))::INTEGER AS added,
          (SELECT count(*) FROM (SELECT paper_id, topic_id FROM topics_before EXCEPT SELECT paper_id, topic_id FROM paper_topics))::INTEGER AS removed,
          (SELECT count(*) FROM papers WHERE scope = 'alignment')::INTEGER AS alignment`,
    });
    const result: RetagSummary = {
      database: options.databasePath,
      taxonomyVersion: taxonomySource.version,
      papers,
      scopeChanges: Number(changes.scope_changes),
      topicsAdded: Number(changes.added),
      topicsRemoved: Number(changes.removed),
      alignmentPapers: Number(changes.alignment),
      elapsedMs: Date.now() - startedAt,
    };
    return { result, changed: true };
  });
}
