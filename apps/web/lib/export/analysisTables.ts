import type { Comparison, EmergingTerms, TopicCooccurrence } from "@alignment-trends/analytics";
import { formatSeriesParam, type Bucket } from "@alignment-trends/schema";
import { exportColumn, periodColumns, SHARE_UNIT } from "./exportColumn";
import type { ExportTable } from "./exportTable";

/** Flattens a comparison into one row per period and series, the long form spreadsheets pivot best. */
export function comparisonToTable(comparison: Comparison, bucket: Bucket): ExportTable {
  return {
    name: "compare",
    description: `Terms and topics compared per ${bucket}: the papers of each series, their share of all papers the filters keep, and an index of 0 to 100.`,
    columns: [
      ...periodColumns(bucket),
      exportColumn("papers", "INTEGER", "papers", `Papers the filters keep whose date falls in the ${bucket}, the denominator of each share.`),
      exportColumn("series", "VARCHAR", null, "The series as the request names it: a term with |-separated alternatives, or topic:<id>."),
      exportColumn("kind", "VARCHAR", null, "term or topic."),
      exportColumn("indexed", "BOOLEAN", null, "true when the term index matched the series, false when the text was scanned (terms of more than three words)."),
      exportColumn("series_papers", "INTEGER", "papers", "Papers of the period that hold the term or have the topic."),
      exportColumn(
        "share",
        "DOUBLE",
        SHARE_UNIT,
        `series_papers divided by papers, rounded to 4 decimals; null for a period with fewer than ${comparison.minPapersForShare} papers.`,
      ),
      exportColumn("index", "INTEGER", "index, 0 to 100", "The share on a scale where the highest share of any series in the view is 100; null where the share is."),
    ],
    rows: comparison.points.flatMap((point) =>
      comparison.series.map((series, index) => {
        const value = point.series[index]!;
        return [
          point.periodStart, point.periodEnd, point.label, point.papers, formatSeriesParam(series), series.kind, series.indexed,
          value.papers, value.share, value.index,
        ];
      }),
    ),
    notes: [],
  };
}

const EMERGING_COLUMNS = [
  exportColumn("term", "VARCHAR", null, "The term: one to three words, case folded."),
  exportColumn("recent_papers", "INTEGER", "papers", "Papers with an abstract in the recent window that hold the term."),
  exportColumn("baseline_papers", "INTEGER", "papers", "Papers with an abstract in the baseline window that hold the term."),
  exportColumn("recent_title_papers", "INTEGER", "papers", "Of the recent papers, those with the term in the title."),
  exportColumn("recent_share", "DOUBLE", SHARE_UNIT, "recent_papers divided by the papers with an abstract in the recent window."),
  exportColumn("baseline_share", "DOUBLE", SHARE_UNIT, "baseline_papers divided by the papers with an abstract in the baseline window."),
  exportColumn("growth", "DOUBLE", "ratio", "The recent share over the baseline share, with half a paper added to each count."),
  exportColumn("growth_lower_bound", "DOUBLE", "ratio", "The growth the counts support with 95% confidence; terms rank by it."),
  exportColumn(
    "bursts",
    "VARCHAR[]",
    null,
    "Bursts in the term's monthly share, each as first month..last month (YYYY-MM-01..YYYY-MM-01); in CSV separated by ;.",
  ),
  exportColumn("recent_from", "DATE", null, "First day of the recent window."),
  exportColumn("recent_to", "DATE", null, "Last day of the recent window."),
  exportColumn("baseline_from", "DATE", null, "First day of the baseline window."),
  exportColumn("baseline_to", "DATE", null, "Last day of the baseline window."),
];

/** Flattens emerging terms into one row per term, none when there are no windows. */
export function emergingToTable(emerging: EmergingTerms | null): ExportTable {
  const description = "The terms whose share of papers grew most from the baseline window to the recent one, with their bursts.";
  if (emerging === null) {
    return { name: "emerging-terms", description, columns: EMERGING_COLUMNS, rows: [], notes: ["The filters keep no paper with an abstract and a month, so there are no windows."] };
  }
  const { recent, baseline } = emerging;
  return {
    name: "emerging-terms",
    description,
    columns: EMERGING_COLUMNS,
    rows: emerging.terms.map((term) => [
      term.term, term.recentPapers, term.baselinePapers, term.recentTitlePapers, term.recentShare, term.baselineShare, term.growth,
      term.growthLowerBound, term.bursts.map((burst) => `${burst.start}..${burst.end}`),
      recent.from, recent.to, baseline.from, baseline.to,
    ]),
    notes: [],
  };
}

/** Flattens a co-occurrence matrix into one row per pair of topics, each pair once, the diagonal included. */
export function cooccurrenceToTable(cooccurrence: TopicCooccurrence): ExportTable {
  const { topics, counts } = cooccurrence;
  return {
    name: "topic-cooccurrence",
    description: "How many papers each pair of topics tags together, each pair once in the taxonomy's order; a row with the same topic twice counts that topic's papers.",
    columns: [
      exportColumn("topic_a", "VARCHAR", null, "Id of the first topic of the pair."),
      exportColumn("topic_b", "VARCHAR", null, "Id of the second topic of the pair, the same as topic_a on the diagonal."),
      exportColumn("papers", "INTEGER", "papers", "Papers the filters keep that are tagged with both topics."),
    ],
    rows: topics.flatMap((first, row) => topics.slice(row).map((second, offset) => [first.id, second.id, counts[row]![row + offset]!])),
    notes: [],
  };
}
