import type { TopicCooccurrence } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import { drillDownHref, filterToParams } from "@/lib/filterParams";
import { formatShare } from "@/lib/format";
import { CountLink } from "../tables/CountLink";

/** Renders each topic with its description, its papers and their share of the alignment papers, linked to the topic's page. */
export function TopicOverviewTable({ cooccurrence, alignmentPapers, filter }: { cooccurrence: TopicCooccurrence; alignmentPapers: number; filter: TrendFilter }) {
  const query = filterToParams(filter).toString();
  return (
    <table className="data" data-testid="topic-overview">
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">What it covers</th>
          <th scope="col" className="number">Papers</th>
          <th scope="col" className="number">Of alignment papers</th>
        </tr>
      </thead>
      <tbody>
        {cooccurrence.topics.map((topic, index) => {
          const papers = cooccurrence.counts[index]![index]!;
          return (
            <tr key={topic.id}>
              <th scope="row">
                <a href={`/topics/${encodeURIComponent(topic.id)}${query ? `?${query}` : ""}`}>{topic.label}</a>
              </th>
              <td className="description-cell">{topic.description}</td>
              <td className="number">
                <CountLink href={drillDownHref(filter, { topic: topic.id })} count={papers} />
              </td>
              <td className="number">{formatShare(alignmentPapers === 0 ? null : papers / alignmentPapers)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
