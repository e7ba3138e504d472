import type { ScopeSharePoint } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import { drillDownHref } from "@/lib/filterParams";
import { formatShare } from "@/lib/format";
import { CountLink } from "./CountLink";

/** Papers of the whole feed per period, with its alignment papers and its papers on other senses of "alignment", linked to their lists. */
export function ScopeSharesTable({ points, filter }: { points: ScopeSharePoint[]; filter: TrendFilter }) {
  const feed = { ...filter, scope: undefined };
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="number">All papers</th>
          <th scope="col" className="number">Alignment</th>
          <th scope="col" className="number">Share</th>
          <th scope="col" className="number">Other senses</th>
          <th scope="col" className="number">Share</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => {
          const period = { periodStart: point.periodStart, periodEnd: point.periodEnd };
          return (
            <tr key={point.periodStart}>
              <th scope="row">{point.label}</th>
              <td className="number">
                <CountLink href={drillDownHref(feed, period)} count={point.papers} />
              </td>
              <td className="number">
                <CountLink href={drillDownHref(feed, { ...period, scope: "alignment" })} count={point.alignmentPapers} />
              </td>
              <td className="number">{formatShare(point.alignmentShare)}</td>
              <td className="number">
                <CountLink href={drillDownHref(feed, { ...period, scope: "other-alignment" })} count={point.otherAlignmentPapers} />
              </td>
              <td className="number">{formatShare(point.otherAlignmentShare)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
