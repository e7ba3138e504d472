import type { ComparePoint } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import { CountLink } from "@/components/tables/CountLink";
import { drillDownHref } from "@/lib/filterParams";
import { formatMeasure } from "@/lib/compareMeasures";
import { seriesDrillDownHref } from "@/lib/seriesDrillDownHref";
import type { NamedSeries } from "./CompareChart";

/**
 * Per period, all papers the filter keeps and each series' papers, share and
 * index, as a table whose counts link to the papers behind them.
 */
export function CompareTable({ series, points, filter }: { series: NamedSeries[]; points: ComparePoint[]; filter: TrendFilter }) {
  return (
    <table className="data compare-table">
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Period
          </th>
          <th scope="col" rowSpan={2} className="number">
            All papers
          </th>
          {series.map((entry, index) => (
            <th key={index} scope="colgroup" colSpan={3} className="series-head">
              {entry.label}
            </th>
          ))}
        </tr>
        <tr>
          {series.map((_, index) => [
            <th key={`papers${index}`} scope="col" className="number">
              Papers
            </th>,
            <th key={`share${index}`} scope="col" className="number">
              Share
            </th>,
            <th key={`index${index}`} scope="col" className="number">
              Index
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.periodStart}>
            <th scope="row">{point.label}</th>
            <td className="number">
              <CountLink href={drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd })} count={point.papers} />
            </td>
            {point.series.map((value, index) => {
              const entry = series[index]!;
              return [
                <td key={`papers${index}`} className="number">
                  <CountLink href={seriesDrillDownHref(filter, entry.spec, point)} count={value.papers} />
                </td>,
                <td key={`share${index}`} className="number">
                  {formatMeasure(value.share, "share")}
                </td>,
                <td key={`index${index}`} className="number">
                  {formatMeasure(value.index, "index")}
                </td>,
              ];
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
