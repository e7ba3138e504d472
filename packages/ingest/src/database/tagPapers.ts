import type { DuckDBConnection } from "@duckdb/node-api";
import { DuckDBListValue, LIST, VARCHAR } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";
import { applyOverride, tagPaper, type CompiledTaxonomy } from "../topics/tagPaper";

const EVIDENCE_TYPE = LIST(VARCHAR);

/** Selections of papers to tag: those the current load touched (the `affected_papers` temp table), or every paper. */
const SELECTIONS = {
  affected: "WHERE p.paper_id IN (SELECT paper_id FROM affected_papers)",
  all: "",
} as const;

/**
 * Tags the selected papers from their merged title, abstract and keywords,
 * replacing their scope and topic rows, inside the caller's transaction.
 * Returns how many papers were tagged.
 */
export async function tagPapers(
  connection: DuckDBConnection,
  taxonomy: CompiledTaxonomy,
  selection: keyof typeof SELECTIONS,
): Promise<number> {
  const papers = await readRows(connection, {
    sql: `SELECT p.paper_id, p.title, p.abstract, coalesce(p.keywords, []) AS keywords FROM papers p ${SELECTIONS[selection]}`,
  });

  await connection.run(`CREATE OR REPLACE TEMP TABLE tagged_scopes (paper_id VARCHAR, scope VARCHAR, evidence VARCHAR[])`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE tagged_topics (paper_id VARCHAR, topic_id VARCHAR, evidence VARCHAR[])`);
  const scopeAppender = await connection.createAppender("tagged_scopes", "main", "temp");
  const topicAppender = await connection.createAppender("tagged_topics", "main", "temp");

  for (const paper of papers) {
    const paperId = String(paper.paper_id);
    const ruled = tagPaper(taxonomy, {
      title: String(paper.title),
      abstract: typeof paper.abstract === "string" ? paper.abstract : null,
      keywords: (paper.keywords as string[]) ?? [],
    });
    const assignment = applyOverride(ruled, taxonomy.overrides.get(paperId));
    scopeAppender.appendVarchar(paperId);
    scopeAppender.appendVarchar(assignment.scope);
    scopeAppender.appendList(new DuckDBListValue(assignment.scopeEvidence), EVIDENCE_TYPE);
    scopeAppender.endRow();
    for (const topic of assignment.topics) {
      topicAppender.appendVarchar(paperId);
      topicAppender.appendVarchar(topic.topic);
      topicAppender.appendList(new DuckDBListValue(topic.evidence), EVIDENCE_TYPE);
      topicAppender.endRow();
    }
  }
  scopeAppender.closeSync();
  topicAppender.closeSync();

  const version = { version: taxonomy.version };
  // Papers the load dropped have no row in `tagged_scopes`; their tags go too.
  const stale = selection === "affected" ? "SELECT paper_id FROM affected_papers" : "SELECT paper_id FROM tagged_scopes";
  await connection.run(`DELETE FROM paper_scopes WHERE paper_id IN (${stale})`);
  await connection.run(`DELETE FROM paper_topics WHERE paper_id IN (${stale})`);
  await connection.run("INSERT INTO paper_scopes SELECT paper_id, scope, evidence, $version FROM tagged_scopes", version);
  await connection.run("INSERT INTO paper_topics SELECT paper_id, topic_id, evidence, $version FROM tagged_topics", version);
  await connection.run("UPDATE papers SET scope = t.scope FROM tagged_scopes t WHERE papers.paper_id = t.paper_id");
  return papers.length;
}
