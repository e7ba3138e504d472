import type { CodeTrendPoint } from "@alignment-trends/schema";
// The constant's own module: the package index would bring Zod and every schema into the browser bundle.
import { MIN_PAPERS_FOR_SHARE } from "@alignment-trends/schema/minPapersForShare";

/**
 * Returns a code host's share of a period's papers, or null, which a chart
 * draws as a gap, when the period has fewer than `MIN_PAPERS_FOR_SHARE`
 * papers: one paper with code would otherwise show as 100%.
 */
export function shareOfHost(point: CodeTrendPoint, host: string): number | null {
  if (point.papers < MIN_PAPERS_FOR_SHARE) return null;
  return (point.hosts[host] ?? 0) / point.papers;
}
