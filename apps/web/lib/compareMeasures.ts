import type { SeriesValue } from "@alignment-trends/analytics";
import type { CompareMeasure } from "@alignment-trends/schema";
import { formatInteger } from "./format";

// Three significant digits keep the small shares of rare terms apart: 0.04%, 1.23%, 12.3%.
const shareFormat = new Intl.NumberFormat("en", { style: "percent", maximumSignificantDigits: 3 });

/** The name of each measure in the form, the chart's title and its axis. */
export const MEASURE_LABELS: Record<CompareMeasure, string> = {
  papers: "Papers",
  share: "Share of all papers",
  index: "Index (0–100)",
};

/** Returns a series' value in one period in the given measure; null where the period has no papers. */
export function measureValue(value: SeriesValue, measure: CompareMeasure): number | null {
  return measure === "papers" ? value.papers : value[measure];
}

/** Formats a value of the given measure: a whole number, a percentage, or an index; null shows as an en dash. */
export function formatMeasure(value: number | null, measure: CompareMeasure): string {
  if (value === null) return "–";
  return measure === "share" ? shareFormat.format(value) : formatInteger(value);
}
