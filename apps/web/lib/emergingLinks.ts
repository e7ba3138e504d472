import type { TrendFilter } from "@alignment-trends/schema";
import { drillDownHref, filterToParams } from "./filterParams";

/** A window of the emerging-terms analysis: its first and last day, as ISO dates. */
export interface DateWindow {
  from: string;
  to: string;
}

/** The settings of the emerging-terms analysis that the page and the API read. */
export interface EmergingSettings {
  window: number;
  minPapers: number;
  limit: number;
}

/** Returns the link to the papers under the view's filter that contain a term and fall in a window, or null when none can. */
export function termPapersHref(filter: TrendFilter, term: string, window: DateWindow): string | null {
  return drillDownHref(filter, { term, periodStart: window.from, periodEnd: window.to });
}

/**
 * Returns the link to the comparison page for one term under the view's
 * filter. Index terms contain only words and spaces, so `series` reads the
 * value as a term, never as `topic:<id>` or with `|` alternatives.
 */
export function termCompareHref(filter: TrendFilter, term: string): string {
  const params = new URLSearchParams({ series: term });
  for (const [name, value] of filterToParams(filter)) params.append(name, value);
  return `/compare?${params.toString()}`;
}

/** Returns the query string of the emerging-terms page and API for a filter and settings, without `format`. */
export function emergingQuery(filter: TrendFilter, settings: EmergingSettings): string {
  const params = filterToParams(filter);
  params.set("window", String(settings.window));
  params.set("minPapers", String(settings.minPapers));
  params.set("limit", String(settings.limit));
  return params.toString();
}
