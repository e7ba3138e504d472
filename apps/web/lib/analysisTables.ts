import type { Comparison, EmergingTerms, TopicCooccurrence } from "@alignment-trends/analytics";
import { formatSeriesParam } from "@alignment-trends/schema";
import type { CsvValue } from "./toCsv";

export interface CsvTable {
  columns: string[];
  rows: CsvValue[][];
}

/** Flattens a comparison into one row per period and series, the long form spreadsheets pivot best. */
export function comparisonToTable(comparison: Comparison): CsvTable {
  return {
    columns: ["period_start", "period_end", "period", "papers", "series", "kind", "indexed", "series_papers", "share", "index"],
    rows: comparison.points.flatMap((point) =>
      comparison.series.map((series, index) => {
        const value = point.series[index]!;
        return [
          point.periodStart, point.periodEnd, point.label, point.papers, formatSeriesParam(series), series.kind, series.indexed,
          value.papers, value.share, value.index,
        ];
      }),
    ),
  };
}

const EMERGING_COLUMNS = [
  "term", "recent_papers", "baseline_papers", "recent_title_papers", "recent_share", "baseline_share", "growth",
  "growth_lower_bound", "bursts", "recent_from", "recent_to", "baseline_from", "baseline_to",
];

/** Flattens emerging terms into one row per term, none when there are no windows; bursts read `start..end`, separated by `;`. */
export function emergingToTable(emerging: EmergingTerms | null): CsvTable {
  if (emerging === null) return { columns: EMERGING_COLUMNS, rows: [] };
  const { recent, baseline } = emerging;
  return {
    columns: EMERGING_COLUMNS,
    rows: emerging.terms.map((term) => [
      term.term, term.recentPapers, term.baselinePapers, term.recentTitlePapers, term.recentShare, term.baselineShare, term.growth,
      term.growthLowerBound, term.bursts.map((burst) => `${burst.start}..${burst.end}`).join(";"),
      recent.from, recent.to, baseline.from, baseline.to,
    ]),
  };
}

/** Flattens a co-occurrence matrix into one row per pair of topics, each pair once, the diagonal included. */
export function cooccurrenceToTable(cooccurrence: TopicCooccurrence): CsvTable {
  const { topics, counts } = cooccurrence;
  return {
    columns: ["topic_a", "topic_b", "papers"],
    rows: topics.flatMap((first, row) => topics.slice(row).map((second, offset) => [first.id, second.id, counts[row]![row + offset]!])),
  };
}
