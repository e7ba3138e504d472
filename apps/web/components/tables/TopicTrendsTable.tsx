import type { TopicInfo, TopicTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { drillDownHref } from "@/lib/filterParams";

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
                <a href={drillDownHref(filter, period)}>{point.papers}</a>
              </td>
              <td className="number">
                <a href={drillDownHref({ ...filter, scope: "alignment" }, period)}>{point.alignmentPapers}</a>
              </td>
              {topics.map((topic) => (
                <td key={topic.id} className="number">
                  <a href={drillDownHref(filter, { ...period, topic: topic.id })}>{point.topics[topic.id] ?? 0}</a>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
