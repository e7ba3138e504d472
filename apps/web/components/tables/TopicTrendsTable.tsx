import type { TopicInfo, TopicTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { drillDownHref } from "@/lib/filterParams";
import { CountLink } from "./CountLink";

/** Papers per period and topic as a table whose counts link to the papers behind them. */
export function TopicTrendsTable({ topics, points, filter }: { topics: TopicInfo[]; points: TopicTrendPoint[]; filter: TrendFilter }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="number">All papers</th>
          <th scope="col" className="number">Alignment</th>
          {topics.map((topic) => (
            <th key={topic.id} scope="col" className="number">
              {topic.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((point) => {
          const period = { periodStart: point.periodStart, periodEnd: point.periodEnd };
          return (
            <tr key={point.periodStart}>
              <th scope="row">{point.label}</th>
              <td className="number">
                <CountLink href={drillDownHref(filter, period)} count={point.papers} />
              </td>
              <td className="number">
                <CountLink href={drillDownHref(filter, { ...period, scope: "alignment" })} count={point.alignmentPapers} />
              </td>
              {topics.map((topic) => (
                <td key={topic.id} className="number">
                  <CountLink href={drillDownHref(filter, { ...period, topic: topic.id })} count={point.topics[topic.id] ?? 0} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
