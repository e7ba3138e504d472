import type { TrendFilter, UpvoteTrendPoint } from "@alignment-trends/schema";
import { drillDownHref } from "@/lib/filterParams";
import { formatDecimal, formatInteger } from "@/lib/format";
import { CountLink } from "./CountLink";

export function UpvoteTrendsTable({ points, filter }: { points: UpvoteTrendPoint[]; filter: TrendFilter }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="number">Papers</th>
          <th scope="col" className="number">Total upvotes</th>
          <th scope="col" className="number">Median</th>
          <th scope="col" className="number">Maximum</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.periodStart}>
            <th scope="row">{point.label}</th>
            <td className="number">
              <CountLink href={drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, sort: "upvotes" })} count={point.papers} />
            </td>
            <td className="number">{formatInteger(point.totalUpvotes)}</td>
            <td className="number">{formatDecimal(point.medianUpvotes)}</td>
            <td className="number">{point.maxUpvotes ?? "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
