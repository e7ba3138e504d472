import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import { DuckDBListValue, LIST, VARCHAR } from "@duckdb/node-api";
import { readRows, type Row } from "@alignment-trends/analytics";
import { applyOverride, tagPaper, type CompiledTaxonomy } from "../topics/tagPaper";

const EVIDENCE_TYPE = LIST(VARCHAR);

/** Selections of papers to tag: those a load touched (the `pending_papers` temp table), or every paper. */
const SELECTIONS = {
  pending: "WHERE p.paper_id IN (SELECT paper_id FROM pending_papers)",
  all: "",
} as const;

/** Papers read into memory at a time: enough to keep DuckDB busy, few enough that a million papers never sit in memory at once. */
const PAGE_SIZE = 5000;

function appendTags(taxonomy: CompiledTaxonomy, paper: Row, scopes: DuckDBAppender, topics: DuckDBAppender): void {
  const paperId = String(paper.paper_id);
  const ruled = tagPaper(taxonomy, {
    title: String(paper.title),
    abstract: typeof paper.abstract === "string" ? paper.abstract : null,
    keywords: (paper.keywords as string[]) ?? [],
  });
  const assignment = applyOverride(ruled, taxonomy.overrides.get(paperId));
  scopes.appendVarchar(paperId);
  scopes.appendVarchar(assignment.scope);
  scopes.appendList(new DuckDBListValue(assignment.scopeEvidence), EVIDENCE_TYPE);
  scopes.endRow();
  for (const topic of assignment.topics) {
    topics.appendVarchar(paperId);
    topics.appendVarchar(topic.topic);
    topics.appendList(new DuckDBListValue(topic.evidence), EVIDENCE_TYPE);
    topics.endRow();
  }
}

/**
 * Tags the selected papers from their merged title, abstract and keywords,
 * replacing their scope and topic rows, inside the caller's transaction.
 * Papers are read a page at a time, so memory does not grow with the
 * database. Returns how many papers were tagged.
 */
export async function tagPapers(connection: DuckDBConnection, taxonomy: CompiledTaxonomy, selection: keyof typeof SELECTIONS): Promise<number> {
  // A numbered queue lets each page be read by a range of numbers, which the queue's storage order makes cheap.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE tag_queue AS
     SELECT row_number() OVER () AS n, p.paper_id, p.title, p.abstract, coalesce(p.keywords, []) AS keywords FROM papers p ${SELECTIONS[selection]}`,
  );
  const queued = Number((await readRows(connection, { sql: "SELECT count(*) AS n FROM tag_queue" }))[0]!.n);

  await connection.run(`CREATE OR REPLACE TEMP TABLE tagged_scopes (paper_id VARCHAR, scope VARCHAR, evidence VARCHAR[])`);
  await connection.run(`CREATE OR REPLACE TEMP TABLE tagged_topics (paper_id VARCHAR, topic_id VARCHAR, evidence VARCHAR[])`);
  const scopeAppender = await connection.createAppender("tagged_scopes", "main", "temp");
  const topicAppender = await connection.createAppender("tagged_topics", "main", "temp");
  try {
    for (let first = 1; first <= queued; first += PAGE_SIZE) {
      const papers = await readRows(connection, {
        sql: "SELECT paper_id, title, abstract, keywords FROM tag_queue WHERE n BETWEEN $first AND $last ORDER BY n",
        params: { first, last: first + PAGE_SIZE - 1 },
      });
      for (const paper of papers) appendTags(taxonomy, paper, scopeAppender, topicAppender);
    }
  } finally {
    scopeAppender.closeSync();
    topicAppender.closeSync();
  }
  await connection.run("DROP TABLE tag_queue");

  const version = { version: taxonomy.version };
  // Pending papers the load dropped have no row in `tagged_scopes`; their tags go too.
  const stale = selection === "pending" ? "SELECT paper_id FROM pending_papers" : "SELECT paper_id FROM tagged_scopes";
  await connection.run(`DELETE FROM paper_scopes WHERE paper_id IN (${stale})`);
  await connection.run(`DELETE FROM paper_topics WHERE paper_id IN (${stale})`);
  await connection.run("INSERT INTO paper_scopes SELECT paper_id, scope, evidence, $version FROM tagged_scopes", version);
  await connection.run("INSERT INTO paper_topics SELECT paper_id, topic_id, evidence, $version FROM tagged_topics", version);
  await connection.run("UPDATE papers SET scope = t.scope FROM tagged_scopes t WHERE papers.paper_id = t.paper_id");
  return queued;
}
