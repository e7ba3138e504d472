import type { SeriesSpec } from "@alignment-trends/schema";

/**
 * Names a compared series for a legend or a table header: a term as the
 * reader wrote it, a topic as "Topic: " and its label, or its id when the
 * label is not known.
 */
export function seriesLabel(spec: SeriesSpec, topicLabels: ReadonlyMap<string, string>): string {
  if (spec.kind === "term") return spec.term;
  return `Topic: ${topicLabels.get(spec.topic) ?? spec.topic}`;
}
