import { readRow, readRows, type Row } from "@alignment-trends/analytics";
import type { DuckDBConnection } from "@duckdb/node-api";
import { compareText } from "./compareText";
import { HistogramCounter } from "./HistogramCounter";
import type { EvidencePhrase, SyntheticProfile, TextField } from "./profileSchema";

/** Papers with at least one sighting in a daily-papers API digest: the population the profile describes. */
const API_PAPERS = `api_papers AS (
  SELECT DISTINCT paper_id FROM sightings JOIN digests USING (digest_id) WHERE digests.format = 'hf-daily-api'
)`;

/** Evidence phrases of more than this many words are kept only when several papers share them, so no long run of one abstract is copied. */
const MAX_WORDS_OF_SINGLE_EVIDENCE = 4;

interface PhraseTally {
  phrase: string;
  field: TextField;
  papers: number;
  surfaces: Map<string, number>;
}

/** Splits an evidence entry such as "rlhf (title)" into its phrase and field; entries of reviewed overrides return null. */
function parseEvidence(entry: string): { phrase: string; field: TextField } | null {
  if (entry.startsWith("override:")) return null;
  const match = /^(.*?) \((title|keywords)\)$/u.exec(entry);
  return match ? { phrase: match[1]!, field: match[2] as TextField } : { phrase: entry, field: "abstract" };
}

/** Returns the spelling of `phrase` in `text`, where words may be joined by spaces or hyphens as the tagger allows; null when absent. */
function findSurface(phrase: string, text: string): string | null {
  const words = phrase.split(/[\s\-‐–]+/u).map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${words.join("[\\s\\-‐–]+")}`, "iu").exec(text);
  return match ? match[0].replace(/\s+/gu, " ") : null;
}

function fieldText(row: Row, field: TextField): string {
  if (field === "title") return String(row.title);
  if (field === "keywords") return Array.isArray(row.keywords) ? row.keywords.join(" \u2016 ") : "";
  return typeof row.abstract === "string" ? row.abstract : "";
}

/** Tallies the evidence of rows with columns `evidence`, `title`, `abstract` and `keywords`, and the evidence count per row. */
function tallyEvidence(rows: Row[]): { phrases: EvidencePhrase[]; counts: Record<string, number> } {
  const tallies = new Map<string, PhraseTally>();
  const counts = new HistogramCounter();
  for (const row of rows) {
    const evidence = (row.evidence as string[]).map(parseEvidence).filter((entry) => entry !== null);
    if (evidence.length === 0) continue;
    counts.add(evidence.length);
    for (const { phrase, field } of evidence) {
      const key = `${field}\u0000${phrase}`;
      const tally = tallies.get(key) ?? { phrase, field, papers: 0, surfaces: new Map<string, number>() };
      tally.papers += 1;
      const surface = findSurface(phrase, fieldText(row, field));
      if (surface) tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
      tallies.set(key, tally);
    }
  }
  const phrases = [...tallies.values()]
    .filter((tally) => tally.surfaces.size > 0 && (tally.papers >= 2 || tally.phrase.split(/\s+/u).length <= MAX_WORDS_OF_SINGLE_EVIDENCE))
    .map((tally) => {
      const [surface] = [...tally.surfaces.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]!;
      return { phrase: tally.phrase, surface, field: tally.field, papers: tally.papers };
    })
    .sort((a, b) => b.papers - a.papers || compareText(a.phrase, b.phrase) || compareText(a.field, b.field));
  return { phrases, counts: counts.toJSON() };
}

/** Measures the scopes, topic sets and evidence phrases that the product's tagger gave the papers of the API digests. */
export async function measureTagging(connection: DuckDBConnection): Promise<SyntheticProfile["tagging"]> {
  const scopeRows = await readRows(connection, {
    sql: `WITH ${API_PAPERS} SELECT scope, count(*)::INTEGER AS papers FROM papers JOIN api_papers USING (paper_id) GROUP BY scope`,
  });
  const scopes = { alignment: 0, "other-alignment": 0, "off-topic": 0 };
  for (const row of scopeRows) scopes[row.scope as keyof typeof scopes] = Number(row.papers);

  const setRows = await readRows(connection, {
    sql: `WITH ${API_PAPERS},
      sets AS (
        SELECT p.paper_id, coalesce(list_sort(list(t.topic_id) FILTER (WHERE t.topic_id IS NOT NULL)), []) AS topics
        FROM papers p JOIN api_papers USING (paper_id) LEFT JOIN paper_topics t USING (paper_id)
        WHERE p.scope = 'alignment' GROUP BY p.paper_id
      )
      SELECT topics, count(*)::INTEGER AS papers FROM sets GROUP BY topics ORDER BY papers DESC, topics::VARCHAR`,
  });

  const scopeEvidence = await readRows(connection, {
    sql: `WITH ${API_PAPERS} SELECT s.scope, s.evidence, p.title, p.abstract, p.keywords
      FROM paper_scopes s JOIN papers p USING (paper_id) JOIN api_papers USING (paper_id)
      WHERE s.scope <> 'off-topic' ORDER BY p.paper_id`,
  });
  const alignment = tallyEvidence(scopeEvidence.filter((row) => row.scope === "alignment"));
  const other = tallyEvidence(scopeEvidence.filter((row) => row.scope === "other-alignment"));

  const topicRows = await readRows(connection, {
    sql: `WITH ${API_PAPERS} SELECT t.topic_id, t.evidence, p.title, p.abstract, p.keywords
      FROM paper_topics t JOIN papers p USING (paper_id) JOIN api_papers USING (paper_id) ORDER BY t.topic_id, p.paper_id`,
  });
  const topicIds = [...new Set(topicRows.map((row) => String(row.topic_id)))].sort();
  const topicEvidence: Record<string, EvidencePhrase[]> = {};
  const topicEvidenceCounts: Record<string, Record<string, number>> = {};
  for (const topic of topicIds) {
    const tally = tallyEvidence(topicRows.filter((row) => row.topic_id === topic));
    topicEvidence[topic] = tally.phrases;
    topicEvidenceCounts[topic] = tally.counts;
  }

  return {
    scopes,
    topicSets: setRows.map((row) => ({ topics: row.topics as string[], papers: Number(row.papers) })),
    scopeEvidence: { alignment: alignment.phrases, "other-alignment": other.phrases },
    scopeEvidenceCounts: { alignment: alignment.counts, "other-alignment": other.counts },
    topicEvidence,
    topicEvidenceCounts,
  };
}

/** Measures the term index over the papers of the API digests. */
export async function measureTerms(connection: DuckDBConnection): Promise<SyntheticProfile["terms"]> {
  const row = await readRow(connection, {
    sql: `WITH ${API_PAPERS},
      per_paper AS (
        SELECT paper_id, count(*) AS terms, count(*) FILTER (WHERE in_title) AS title_terms
        FROM paper_terms JOIN api_papers USING (paper_id) GROUP BY paper_id
      )
      SELECT count(*)::INTEGER AS papers, avg(terms) AS mean, median(terms)::DOUBLE AS median, avg(title_terms) AS title_mean,
        (SELECT count(DISTINCT term) FROM paper_terms JOIN api_papers USING (paper_id))::INTEGER AS distinct_terms,
        sum(terms)::INTEGER AS pairs
      FROM per_paper`,
  });
  return {
    papers: Number(row.papers),
    meanPerPaper: Number(row.mean),
    medianPerPaper: Number(row.median),
    meanInTitle: Number(row.title_mean),
    distinctTerms: Number(row.distinct_terms),
    paperTermPairs: Number(row.pairs),
  };
}

/** Returns the taxonomy version the database was tagged with. */
export async function readTaxonomyVersion(connection: DuckDBConnection): Promise<string> {
  return String((await readRow(connection, { sql: "SELECT taxonomy_version FROM build_info" })).taxonomy_version);
}
