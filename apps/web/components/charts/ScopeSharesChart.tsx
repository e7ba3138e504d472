"use client";

import type { ScopeSharePoint } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { formatShare } from "@/lib/format";
import { seriesColor } from "@/lib/palette";
import { clickedIndex } from "./chartIndex";
import { AXIS_TICK, TOOLTIP_STYLES } from "./chartTheme";
import { legendText } from "./legendText";
import { useChartKeyboard } from "./useChartKeyboard";
import { useReducedMotion } from "./useReducedMotion";

/**
 * Draws, per period, the share of the whole feed that is alignment research
 * and the share that uses "alignment" in another sense, with a gap where a
 * period has too few papers for a share. A click or Enter on a period lists
 * its alignment papers.
 */
export function ScopeSharesChart({ points, filter }: { points: ScopeSharePoint[]; filter: TrendFilter }) {
  const reducedMotion = useReducedMotion();
  const hrefForPoint = (point: ScopeSharePoint | undefined) =>
    point ? drillDownHref({ ...filter, scope: undefined }, { periodStart: point.periodStart, periodEnd: point.periodEnd, scope: "alignment" }) : null;
  const { reporter, onKeyDown, open } = useChartKeyboard((label) => hrefForPoint(points.find((point) => point.label === label)));
  const percent = (value: number | null) => (value === null ? null : value * 100);
  const data = points.map((point) => ({ label: point.label, alignment: percent(point.alignmentShare), other: percent(point.otherAlignmentShare) }));

  return (
    <div className="chart" data-testid="chart-scope-shares" onKeyDown={onKeyDown}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
          style={{ cursor: "pointer" }}
          onClick={(state) => {
            const index = clickedIndex(state);
            open(hrefForPoint(index === null ? undefined : points[index]));
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
          <YAxis tick={AXIS_TICK} width={44} unit="%" allowDecimals={false} />
          <Tooltip {...TOOLTIP_STYLES} formatter={(value) => formatShare(typeof value === "number" ? value / 100 : null)} />
          <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
          {reporter}
          <Line dataKey="alignment" name="Alignment research" stroke={seriesColor(0)} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={!reducedMotion} />
          <Line
            dataKey="other"
            name="Other senses of “alignment”"
            stroke={seriesColor(1)}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            connectNulls={false}
            isAnimationActive={!reducedMotion}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
