import type { DuckDBConnection } from "@duckdb/node-api";
import type { PaperDetail, Sighting } from "@alignment-trends/schema";
import { readRows } from "../database/readRows";
import { TREND_DATE_SQL } from "../filteredPapers";
import { paperSummaryFromRow, SUMMARY_COLUMNS } from "./listPapers";

async function readPaperRow(connection: DuckDBConnection, paperId: string) {
  const [row] = await readRows(connection, {
    sql: `WITH facts AS (SELECT p.*, ${TREND_DATE_SQL} AS trend_on FROM papers p WHERE p.paper_id = $id)
      SELECT ${SUMMARY_COLUMNS}, f.abstract, f.comments, f.code_host, f.project_page
      FROM facts f`,
    params: { id: paperId },
  });
  return row;
}

async function readSightings(connection: DuckDBConnection, paperId: string): Promise<Sighting[]> {
  const rows = await readRows(connection, {
    sql: `SELECT d.path, d.format, d.digest_date, s.listed_on, s.upvotes, s.location
      FROM sightings s JOIN digests d USING (digest_id)
      WHERE s.paper_id = $id ORDER BY s.seen_on NULLS LAST, d.digest_id`,
    params: { id: paperId },
  });
  return rows.map((row) => ({
    digestPath: String(row.path),
    format: String(row.format) as Sighting["format"],
    digestDate: row.digest_date === null ? null : String(row.digest_date),
    listedOn: row.listed_on === null ? null : String(row.listed_on),
    upvotes: row.upvotes === null ? null : Number(row.upvotes),
    location: String(row.location),
  }));
}

/** Returns one paper's full record with its authors, links, topics and their evidence, and sightings; null when no paper has the id. */
export async function getPaper(connection: DuckDBConnection, paperId: string): Promise<PaperDetail | null> {
  const row = await readPaperRow(connection, paperId);
  if (!row) return null;
  const params = { id: paperId };

  const authors = await readRows(connection, { sql: "SELECT name FROM paper_authors WHERE paper_id = $id ORDER BY position", params });
  const keywords = await readRows(connection, { sql: "SELECT keyword FROM paper_keywords WHERE paper_id = $id", params });
  const links = await readRows(connection, { sql: "SELECT url, kind, host FROM paper_links WHERE paper_id = $id ORDER BY kind, url", params });
  const topicTags = await readRows(connection, {
    sql: `SELECT t.topic_id, coalesce(c.label, t.topic_id) AS label, t.evidence, t.taxonomy_version
      FROM paper_topics t LEFT JOIN topics c USING (topic_id)
      WHERE t.paper_id = $id ORDER BY coalesce(c.position, 1000), t.topic_id`,
    params,
  });
  const [scope] = await readRows(connection, { sql: "SELECT evidence, taxonomy_version FROM paper_scopes WHERE paper_id = $id", params });

  const summary = paperSummaryFromRow(row);
  return {
    ...summary,
    abstract: row.abstract === null ? null : String(row.abstract),
    authors: authors.map((author) => String(author.name)),
    comments: row.comments === null ? null : Number(row.comments),
    codeHost: row.code_host === null ? null : String(row.code_host),
    links: links.map((link) => ({ url: String(link.url), kind: String(link.kind) as PaperDetail["links"][number]["kind"], host: String(link.host) })),
    projectPage: row.project_page === null ? null : String(row.project_page),
    aiKeywords: keywords.map((keyword) => String(keyword.keyword)),
    arxivUrl: summary.arxivId ? `https://arxiv.org/abs/${summary.arxivId}` : null,
    huggingFaceUrl: summary.arxivId ? `https://huggingface.co/papers/${summary.arxivId}` : null,
    scopeEvidence: (scope?.evidence as string[] | undefined) ?? [],
    topicTags: topicTags.map((tag) => ({ topic: String(tag.topic_id), label: String(tag.label), evidence: tag.evidence as string[] })),
    taxonomyVersion: scope?.taxonomy_version === undefined || scope.taxonomy_version === null ? null : String(scope.taxonomy_version),
    sightings: await readSightings(connection, paperId),
  };
}
