import type { SeriesSpec, TrendFilter } from "@alignment-trends/schema";
import { drillDownHref } from "./filterParams";

/**
 * Returns the link to the papers one compared series counts in one period,
 * or null when no list can show them. The comparison counts papers that have
 * both a topic of the filter and the series' topic. So a series topic outside
 * the filter's topics becomes a topic every listed paper must also have.
 */
export function seriesDrillDownHref(filter: TrendFilter, spec: SeriesSpec, period: { periodStart: string; periodEnd: string }): string | null {
  if (spec.kind === "term") return drillDownHref(filter, { ...period, term: spec.term });
  if (filter.topics.length === 0 || filter.topics.includes(spec.topic)) return drillDownHref(filter, { ...period, topic: spec.topic });
  return drillDownHref(filter, { ...period, allTopics: [spec.topic] });
}
