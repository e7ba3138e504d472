import { DATE_BASIS_LABELS, MIN_PAPERS_FOR_SHARE, type Bucket, type TrendFilter } from "@alignment-trends/schema";
import type { Trend } from "../loadTrend";
import { DATE_BASIS_COLUMN, exportColumn, periodColumns, SHARE_UNIT } from "./exportColumn";
import type { ExportTable } from "./exportTable";

/** The table name of each trend metric, as file names and the data dictionary use it. */
export const TREND_TABLE_NAMES = {
  papers: "papers-per-period",
  authors: "authors-per-paper",
  "team-sizes": "team-sizes",
  code: "code-share",
  upvotes: "upvotes",
  "scope-shares": "scope-shares",
} as const satisfies Record<Trend["metric"], string>;

const papersColumn = (description: string) => exportColumn("papers", "INTEGER", "papers", description);

/**
 * Flattens a trend into a table, one row per period or team-size bin, with a
 * description of every column. Columns per topic or code host follow the
 * topics and hosts of the trend.
 */
export function trendToTable(trend: Trend, filter: TrendFilter, bucket: Bucket): ExportTable {
  const name = TREND_TABLE_NAMES[trend.metric];
  const basis = DATE_BASIS_LABELS[filter.dateBasis];
  const table = describeTrend(trend, bucket, filter);
  return {
    name,
    description: table.description,
    columns: [...table.columns, DATE_BASIS_COLUMN],
    rows: table.rows.map((row) => [...row, basis]),
    notes: [],
  };
}

function describeTrend(trend: Trend, bucket: Bucket, filter: TrendFilter): Omit<ExportTable, "name" | "notes"> {
  switch (trend.metric) {
    case "papers":
      return {
        description: `Papers per ${bucket}: every paper the filters keep, the alignment papers among them, and the papers of each topic.`,
        columns: [
          ...periodColumns(bucket),
          papersColumn(`Papers the filters keep whose date falls in the ${bucket}.`),
          exportColumn("alignment_papers", "INTEGER", "papers", "Of those, the papers in scope alignment, that is alignment research."),
          ...trend.topics.map((topic) =>
            exportColumn(`topic_${topic.id}`, "INTEGER", "papers", `Papers tagged with the topic “${topic.label}” (${topic.id}); a paper with several topics counts in each.`),
          ),
        ],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.alignmentPapers,
          ...trend.topics.map((topic) => point.topics[topic.id] ?? 0),
        ]),
      };
    case "authors":
      return {
        description: `Authors per paper per ${bucket}, over the papers whose author count is known.`,
        columns: [
          ...periodColumns(bucket),
          papersColumn(`Papers the filters keep whose date falls in the ${bucket}.`),
          exportColumn("papers_with_author_count", "INTEGER", "papers", "Of those, the papers whose author count is known; the mean and median count only these."),
          exportColumn("mean_authors", "DOUBLE", "authors per paper", "Mean number of authors, rounded to 2 decimals; null when no paper has a known author count."),
          exportColumn("median_authors", "DOUBLE", "authors per paper", "Median number of authors; null when no paper has a known author count."),
        ],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.papersWithAuthorCount, point.meanAuthors, point.medianAuthors,
        ]),
      };
    case "team-sizes":
      return {
        description: "How many papers have each number of authors, over dated papers whose author count is known.",
        columns: [
          exportColumn("team_size", "VARCHAR", null, "The bin of author counts as the chart labels it."),
          exportColumn("min_authors", "INTEGER", "authors", "Fewest authors of a paper in the bin."),
          exportColumn("max_authors", "INTEGER", "authors", "Most authors of a paper in the bin; null for the last bin, which has no upper bound."),
          papersColumn("Papers whose author count falls in the bin."),
        ],
        rows: trend.series.map((bin) => [bin.label, bin.minAuthors, bin.maxAuthors, bin.papers]),
      };
    case "code":
      return {
        description: `Papers per ${bucket} that link to a code repository, and on which host.`,
        columns: [
          ...periodColumns(bucket),
          papersColumn(`Papers the filters keep whose date falls in the ${bucket}.`),
          exportColumn("with_code", "INTEGER", "papers", "Of those, the papers that link to a code repository."),
          exportColumn("code_share", "DOUBLE", SHARE_UNIT, "with_code divided by papers, rounded to 4 decimals; null for a period without papers."),
          ...trend.hosts.map((host) => exportColumn(`host_${host}`, "INTEGER", "papers", `Papers whose code link is on ${host}.`)),
        ],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.withCode, point.codeShare,
          ...trend.hosts.map((host) => point.hosts[host] ?? 0),
        ]),
      };
    case "upvotes": {
      const source = filter.upvoteBasis === "latest" ? "the latest count any digest saw" : "the last count seen within a week of first listing";
      return {
        description: `Community upvotes per ${bucket} on the Hugging Face Papers page, from ${source}; papers without such a count are left out of the sums, medians and maxima.`,
        columns: [
          ...periodColumns(bucket),
          papersColumn(`Papers the filters keep whose date falls in the ${bucket}, with or without an upvote count.`),
          exportColumn("total_upvotes", "BIGINT", "upvotes", "Sum of the upvotes of the papers that have a count."),
          exportColumn("median_upvotes", "DOUBLE", "upvotes per paper", "Median upvotes over the papers that have a count; null when none has."),
          exportColumn("max_upvotes", "INTEGER", "upvotes", "Upvotes of the most upvoted paper; null when no paper has a count."),
        ],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.totalUpvotes, point.medianUpvotes, point.maxUpvotes,
        ]),
      };
    }
    case "scope-shares":
      return {
        description: `Share of the whole feed per ${bucket} that is alignment research, and share that uses “alignment” in another sense. The scope filter does not apply.`,
        columns: [
          ...periodColumns(bucket),
          papersColumn(`Papers of every scope that the other filters keep, whose date falls in the ${bucket}.`),
          exportColumn("alignment_papers", "INTEGER", "papers", "Of those, the papers in scope alignment, that is alignment research."),
          exportColumn("other_alignment_papers", "INTEGER", "papers", "Of those, the papers in scope other-alignment, such as image registration or sequence alignment."),
          exportColumn("alignment_share", "DOUBLE", SHARE_UNIT, `alignment_papers divided by papers, rounded to 4 decimals; null for a period with fewer than ${MIN_PAPERS_FOR_SHARE} papers.`),
          exportColumn("other_alignment_share", "DOUBLE", SHARE_UNIT, `other_alignment_papers divided by papers, rounded to 4 decimals; null for a period with fewer than ${MIN_PAPERS_FOR_SHARE} papers.`),
        ],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.alignmentPapers, point.otherAlignmentPapers,
          point.alignmentShare, point.otherAlignmentShare,
        ]),
      };
  }
}
