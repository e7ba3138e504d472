"use client";

import type { AuthorTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { seriesColor } from "@/lib/palette";
import { clickedIndex } from "./chartIndex";
import { AXIS_TICK, TOOLTIP_STYLES } from "./chartTheme";
import { useChartKeyboard } from "./useChartKeyboard";
import { legendText } from "./legendText";
import { useReducedMotion } from "./useReducedMotion";

/** Draws mean and median authors per paper per period. A click on a period lists its papers with a known author count. */
export function AuthorTrendsChart({ points, filter }: { points: AuthorTrendPoint[]; filter: TrendFilter }) {
  const reducedMotion = useReducedMotion();
  const hrefForPoint = (point: (typeof points)[number] | undefined) =>
    point && point.papersWithAuthorCount > 0 ? drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, minAuthors: 1, sort: "authors" }) : null;
  const { reporter, onKeyDown, open } = useChartKeyboard((label) => hrefForPoint(points.find((point) => point.label === label)));

  return (
    <div className="chart" data-testid="chart-authors" onKeyDown={onKeyDown}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
          style={{ cursor: "pointer" }}
          onClick={(state) => {
            const index = clickedIndex(state);
            open(hrefForPoint(index === null ? undefined : points[index]));
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
          <YAxis tick={AXIS_TICK} width={36} />
          <Tooltip {...TOOLTIP_STYLES} />
          <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
          {reporter}
          <Line type="monotone" dataKey="meanAuthors" name="Mean authors" stroke={seriesColor(0)} strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={!reducedMotion} />
          <Line type="monotone" dataKey="medianAuthors" name="Median authors" stroke={seriesColor(1)} strokeWidth={2} strokeDasharray="5 3" dot={{ r: 2, strokeDasharray: "none" }} connectNulls={false} isAnimationActive={!reducedMotion} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
