import type { DuckDBConnection } from "@duckdb/node-api";
import type { PaperDetail, Sighting, TrendFilter } from "@alignment-trends/schema";
import { readRows } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { paperSummaryFromRow, SUMMARY_COLUMNS } from "./listPapers";

/** Every paper, with the default date and upvote basis: a lookup by id needs no other filter. */
const ALL_PAPERS: TrendFilter = { topics: [], terms: [], allTopics: [], dateBasis: "listed", upvoteBasis: "latest" };

async function readSightings(connection: DuckDBConnection, paperId: string): Promise<Sighting[]> {
  const rows = await readRows(connection, {
    sql: `SELECT s.digest_id, d.path, d.format, d.digest_date, s.listed_on, s.upvotes, s.location, s.title, s.extra::VARCHAR AS extra
      FROM sightings s JOIN digests d USING (digest_id)
      WHERE s.paper_id = $id ORDER BY s.seen_on NULLS LAST, s.digest_id`,
    params: { id: paperId },
  });
  return rows.map((row) => ({
    digestId: Number(row.digest_id),
    digestPath: String(row.path),
    format: String(row.format),
    digestDate: row.digest_date === null ? null : String(row.digest_date),
    listedOn: row.listed_on === null ? null : String(row.listed_on),
    upvotes: row.upvotes === null ? null : Number(row.upvotes),
    location: String(row.location),
    title: String(row.title),
    extra: row.extra === null ? null : (JSON.parse(String(row.extra)) as Record<string, unknown>),
  }));
}

/**
 * Returns one paper's full record: its merged fields with the digest each
 * came from, its topics with the phrases that gave them, and every sighting.
 * Returns null when no paper has the id.
 */
export async function getPaper(connection: DuckDBConnection, paperId: string): Promise<PaperDetail | null> {
  const facts = filteredPapersSql(ALL_PAPERS);
  const [row] = await readRows(connection, {
    sql: `WITH facts AS (${facts.sql})
      SELECT ${SUMMARY_COLUMNS}, f.abstract, f.authors, f.comments, f.code_host, f.project_page, f.keywords, f.links, f.field_sources
      FROM facts f WHERE f.paper_id = $id`,
    params: { ...facts.params, id: paperId },
  });
  if (!row) return null;
  const params = { id: paperId };

  const topicTags = await readRows(connection, {
    sql: `SELECT t.topic_id, coalesce(c.label, t.topic_id) AS label, t.evidence, t.taxonomy_version
      FROM paper_topics t LEFT JOIN topics c USING (topic_id)
      WHERE t.paper_id = $id ORDER BY coalesce(c.position, 1000), t.topic_id`,
    params,
  });
  const [scope] = await readRows(connection, { sql: "SELECT evidence, taxonomy_version FROM paper_scopes WHERE paper_id = $id", params });

  const summary = paperSummaryFromRow(row);
  const links = (row.links as { url: string; kind: PaperDetail["links"][number]["kind"]; host: string }[] | null) ?? [];
  return {
    ...summary,
    abstract: row.abstract === null ? null : String(row.abstract),
    authors: (row.authors as string[] | null) ?? [],
    comments: row.comments === null ? null : Number(row.comments),
    codeHost: row.code_host === null ? null : String(row.code_host),
    links: [...links].sort((a, b) => a.kind.localeCompare(b.kind) || a.url.localeCompare(b.url)),
    projectPage: row.project_page === null ? null : String(row.project_page),
    aiKeywords: (row.keywords as string[] | null) ?? [],
    arxivUrl: summary.arxivId ? `https://arxiv.org/abs/${summary.arxivId}` : null,
    huggingFaceUrl: summary.arxivId ? `https://huggingface.co/papers/${summary.arxivId}` : null,
    scopeEvidence: (scope?.evidence as string[] | undefined) ?? [],
    topicTags: topicTags.map((tag) => ({ topic: String(tag.topic_id), label: String(tag.label), evidence: tag.evidence as string[] })),
    taxonomyVersion: scope?.taxonomy_version === undefined || scope.taxonomy_version === null ? null : String(scope.taxonomy_version),
    fieldSources: (row.field_sources as Record<string, number | null> | null) ?? {},
    sightings: await readSightings(connection, paperId),
  };
}
