import type { AuthorTrendPoint, TeamSizeBin, TrendFilter } from "@alignment-trends/schema";
import { drillDownHref } from "@/lib/filterParams";
import { formatDecimal } from "@/lib/format";
import { CountLink } from "./CountLink";

export function AuthorTrendsTable({ points, filter }: { points: AuthorTrendPoint[]; filter: TrendFilter }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="number">Papers with author count</th>
          <th scope="col" className="number">Mean authors</th>
          <th scope="col" className="number">Median authors</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.periodStart}>
            <th scope="row">{point.label}</th>
            <td className="number">
              <CountLink
                href={drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, minAuthors: 1, sort: "authors" })}
                count={point.papersWithAuthorCount}
              />
            </td>
            <td className="number">{formatDecimal(point.meanAuthors)}</td>
            <td className="number">{formatDecimal(point.medianAuthors)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TeamSizeTable({ bins, filter }: { bins: TeamSizeBin[]; filter: TrendFilter }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Authors per paper</th>
          <th scope="col" className="number">Papers</th>
        </tr>
      </thead>
      <tbody>
        {bins.map((bin) => (
          <tr key={bin.label}>
            <th scope="row">{bin.label}</th>
            <td className="number">
              <CountLink href={drillDownHref(filter, { minAuthors: bin.minAuthors, maxAuthors: bin.maxAuthors ?? undefined, sort: "authors" })} count={bin.papers} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
