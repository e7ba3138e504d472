import type { Bucket, CompareMeasure, SeriesSpec, TrendFilter } from "@alignment-trends/schema";
import { compareToParams } from "@/lib/compareToParams";

interface Example {
  title: string;
  series: SeriesSpec[];
  measure: CompareMeasure;
}

/** Comparisons to start from; the topic ids are the taxonomy's stable ones. */
const EXAMPLES: Example[] = [
  {
    title: "RLHF against DPO, as a share of all papers",
    series: [
      { kind: "term", term: "RLHF | reinforcement learning from human feedback" },
      { kind: "term", term: "DPO | direct preference optimization" },
    ],
    measure: "share",
  },
  {
    title: "The topics RLHF and preference optimization, in papers",
    series: [
      { kind: "topic", topic: "rlhf" },
      { kind: "topic", topic: "preference-optimization" },
    ],
    measure: "papers",
  },
  {
    title: "Jailbreaks, red teaming and sycophancy, as an index",
    series: [
      { kind: "term", term: "jailbreak | jailbreaks | jailbreaking" },
      { kind: "term", term: "red teaming" },
      { kind: "term", term: "sycophancy | sycophantic" },
    ],
    measure: "index",
  },
];

/** Links to example comparisons under the current filters, shown before the reader names any series. */
export function CompareExamples({ filter, bucket }: { filter: TrendFilter; bucket: Bucket }) {
  return (
    <section className="compare-examples" aria-labelledby="compare-examples-title">
      <h2 id="compare-examples-title">Examples</h2>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example.title}>
            <a href={`/compare?${compareToParams({ filter, bucket, series: example.series, measure: example.measure }).toString()}`}>{example.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
