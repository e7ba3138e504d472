import type { TrendFilter } from "@alignment-trends/schema";

/** Extra constraints a chart element adds to the view's filter when it drills down. */
export interface DrillDown {
  scope?: TrendFilter["scope"];
  periodStart?: string;
  periodEnd?: string;
  topic?: string;
  /** Topics the papers must all have, as in a co-occurrence cell. */
  allTopics?: string[];
  /** A term the papers must contain, with `|`-separated alternatives. */
  term?: string;
  codeHost?: string;
  hasCode?: boolean;
  minAuthors?: number;
  maxAuthors?: number;
  sort?: "date" | "upvotes" | "authors";
}

/** Writes a filter back as query parameters, in the form the pages and the API read. */
export function filterToParams(filter: TrendFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.scope) params.set("scope", filter.scope);
  for (const topic of filter.topics) params.append("topic", topic);
  if (filter.hasCode !== undefined) params.set("hasCode", String(filter.hasCode));
  if (filter.codeHost) params.set("codeHost", filter.codeHost);
  if (filter.minUpvotes !== undefined) params.set("minUpvotes", String(filter.minUpvotes));
  if (filter.minAuthors !== undefined) params.set("minAuthors", String(filter.minAuthors));
  if (filter.maxAuthors !== undefined) params.set("maxAuthors", String(filter.maxAuthors));
  if (filter.q) params.set("q", filter.q);
  for (const term of filter.terms) params.append("term", term);
  if (filter.allTopics.length > 0) params.set("allTopics", filter.allTopics.join(","));
  if (filter.dateBasis !== "listed") params.set("dateBasis", filter.dateBasis);
  if (filter.upvoteBasis !== "latest") params.set("upvoteBasis", filter.upvoteBasis);
  return params;
}

/**
 * Reports whether an element's constraint contradicts the view's filter, such
 * as the column of alignment papers in a view of off-topic papers. Such an
 * element counts no papers, and no list can show the intersection.
 */
function contradictsFilter(filter: TrendFilter, element: DrillDown): boolean {
  if (element.scope && filter.scope && element.scope !== filter.scope) return true;
  if (element.hasCode !== undefined && filter.hasCode !== undefined && element.hasCode !== filter.hasCode) return true;
  if (element.codeHost && filter.hasCode === false) return true;
  if (element.codeHost && filter.codeHost && element.codeHost !== filter.codeHost) return true;
  if (element.topic && filter.topics.length > 0 && !filter.topics.includes(element.topic)) return true;
  return false;
}

/**
 * Returns the link to the papers behind one chart element: the view's filter
 * narrowed to the element's period (clipped to the filter's own dates, as the
 * chart counted it) and series. Returns null when the element contradicts the
 * filter, so it stands for no papers.
 */
export function drillDownHref(filter: TrendFilter, element: DrillDown): string | null {
  if (contradictsFilter(filter, element)) return null;

  const narrowed: TrendFilter = { ...filter };
  if (element.scope) narrowed.scope = element.scope;
  if (element.periodStart) narrowed.from = filter.from && filter.from > element.periodStart ? filter.from : element.periodStart;
  if (element.periodEnd) narrowed.to = filter.to && filter.to < element.periodEnd ? filter.to : element.periodEnd;
  if (element.topic) narrowed.topics = [element.topic];
  if (element.allTopics) narrowed.allTopics = [...new Set([...filter.allTopics, ...element.allTopics])];
  if (element.term && !filter.terms.includes(element.term)) narrowed.terms = [...filter.terms, element.term];
  if (element.codeHost) narrowed.codeHost = element.codeHost;
  if (element.hasCode !== undefined) narrowed.hasCode = element.hasCode;
  if (element.minAuthors !== undefined) narrowed.minAuthors = Math.max(element.minAuthors, filter.minAuthors ?? 1);
  if (element.maxAuthors !== undefined) {
    narrowed.maxAuthors = filter.maxAuthors === undefined ? element.maxAuthors : Math.min(element.maxAuthors, filter.maxAuthors);
  }
  if (narrowed.minAuthors !== undefined && narrowed.maxAuthors !== undefined && narrowed.minAuthors > narrowed.maxAuthors) return null;

  const params = filterToParams(narrowed);
  if (element.sort) params.set("sort", element.sort);
  return `/papers?${params.toString()}`;
}
