import type { CodeTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { drillDownHref } from "@/lib/filterParams";
import { CountLink } from "./CountLink";
import { formatShare } from "@/lib/format";

export function CodeTrendsTable({ points, hosts, filter }: { points: CodeTrendPoint[]; hosts: string[]; filter: TrendFilter }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="number">Papers</th>
          <th scope="col" className="number">With code</th>
          <th scope="col" className="number">Share</th>
          {hosts.map((host) => (
            <th key={host} scope="col" className="number">
              {host}
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
                <CountLink href={drillDownHref(filter, { ...period, hasCode: true })} count={point.withCode} />
              </td>
              <td className="number">{formatShare(point.codeShare)}</td>
              {hosts.map((host) => (
                <td key={host} className="number">
                  <CountLink href={drillDownHref(filter, { ...period, codeHost: host })} count={point.hosts[host] ?? 0} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
