import type { Bucket, CompareMeasure, SeriesSpec, TrendFilter } from "@alignment-trends/schema";
import { compareToParams } from "./compareToParams";

/** A comparison as the compare page's URL describes it. */
interface Comparison {
  filter: TrendFilter;
  series: SeriesSpec[];
  bucket: Bucket;
  measure: CompareMeasure;
}

/** One period of the chart, its first and last day as YYYY-MM-DD, both inclusive. */
interface Period {
  periodStart: string;
  periodEnd: string;
}

/**
 * Returns the compare page's URL for the periods `startIndex` to `endIndex`
 * of `periods`, inclusive. `from` is the first day of the first period and
 * `to` the last day of the last, each kept within the filter's own dates, so
 * a range never widens the view. Returns null when the indexes select every
 * period or no period, because such a range does not narrow the view.
 */
export function compareRangeHref(comparison: Comparison, periods: readonly Period[], range: { startIndex: number; endIndex: number }): string | null {
  const { startIndex, endIndex } = range;
  const first = periods[startIndex];
  const last = periods[endIndex];
  if (!first || !last || startIndex > endIndex) return null;
  if (startIndex === 0 && endIndex === periods.length - 1) return null;

  const { filter } = comparison;
  const from = filter.from && filter.from > first.periodStart ? filter.from : first.periodStart;
  const to = filter.to && filter.to < last.periodEnd ? filter.to : last.periodEnd;
  return `/compare?${compareToParams({ ...comparison, filter: { ...filter, from, to } }).toString()}`;
}

/** Returns the compare page's URL for the same comparison over all dates, which the "Reset range" link follows. */
export function compareWithoutRangeHref(comparison: Comparison): string {
  return `/compare?${compareToParams({ ...comparison, filter: { ...comparison.filter, from: undefined, to: undefined } }).toString()}`;
}
