"use client";

import type { TrendFilter, UpvoteTrendPoint } from "@alignment-trends/schema";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { seriesColor } from "@/lib/palette";
import { clickedIndex } from "./chartIndex";
import { AXIS_TICK, TOOLTIP_STYLES } from "./chartTheme";
import { useChartKeyboard } from "./useChartKeyboard";
import { legendText } from "./legendText";
import { useReducedMotion } from "./useReducedMotion";

/**
 * Draws median upvotes per paper (bars, left axis) and the most upvoted paper
 * (line, right axis) per period. A click on a period lists its papers, most upvoted first.
 */
export function UpvoteTrendsChart({ points, filter }: { points: UpvoteTrendPoint[]; filter: TrendFilter }) {
  const reducedMotion = useReducedMotion();
  const hrefForPoint = (point: (typeof points)[number] | undefined) =>
    point && point.papers > 0 ? drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, sort: "upvotes" }) : null;
  const { reporter, onKeyDown, open } = useChartKeyboard((label) => hrefForPoint(points.find((point) => point.label === label)));

  return (
    <div className="chart" data-testid="chart-upvotes" onKeyDown={onKeyDown}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={points}
          margin={{ top: 8, right: 0, bottom: 4, left: 0 }}
          style={{ cursor: "pointer" }}
          onClick={(state) => {
            const index = clickedIndex(state);
            open(hrefForPoint(index === null ? undefined : points[index]));
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
          <YAxis yAxisId="median" allowDecimals={false} tick={AXIS_TICK} width={36} />
          <YAxis yAxisId="max" orientation="right" allowDecimals={false} tick={AXIS_TICK} width={40} />
          <Tooltip {...TOOLTIP_STYLES} />
          <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
          {reporter}
          <Bar yAxisId="median" dataKey="medianUpvotes" name="Median upvotes" fill={seriesColor(4)} isAnimationActive={!reducedMotion} />
          <Line yAxisId="max" type="monotone" dataKey="maxUpvotes" name="Most upvoted paper" stroke={seriesColor(5)} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={!reducedMotion} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
