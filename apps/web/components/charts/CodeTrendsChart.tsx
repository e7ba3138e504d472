"use client";

import type { CodeTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { formatShare } from "@/lib/format";
import { shareOfHost } from "@/lib/shareOfHost";
import { seriesColor } from "@/lib/palette";
import { AXIS_TICK, STACKED_SEGMENT_EDGE, TOOLTIP_STYLES } from "./chartTheme";
import { legendText } from "./legendText";
import { useChartKeyboard } from "./useChartKeyboard";
import { useReducedMotion } from "./useReducedMotion";

/**
 * Draws the share of papers per period that link to code, stacked by code
 * host, with a gap for each period of fewer than `MIN_PAPERS_FOR_SHARE`
 * papers. A click on a segment lists that period's papers with code on that
 * host; Enter on a focused period lists all its papers with code.
 */
export function CodeTrendsChart({ points, hosts, filter }: { points: CodeTrendPoint[]; hosts: string[]; filter: TrendFilter }) {
  const reducedMotion = useReducedMotion();
  const { reporter, onKeyDown, open } = useChartKeyboard((label) => {
    const point = points.find((candidate) => candidate.label === label);
    return point ? drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, hasCode: true }) : null;
  });
  const data = points.map((point) => ({
    label: point.label,
    ...Object.fromEntries(hosts.map((host) => [host, shareOfHost(point, host)])),
  }));

  return (
    <div className="chart" data-testid="chart-code" onKeyDown={onKeyDown}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
          <YAxis tickFormatter={(value: number) => formatShare(value)} tick={AXIS_TICK} width={44} domain={[0, 1]} />
          <Tooltip {...TOOLTIP_STYLES} formatter={(value) => formatShare(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
          {reporter}
          {hosts.map((host, index) => (
            <Bar
              key={host}
              dataKey={host}
              name={host}
              stackId="hosts"
              fill={seriesColor(index)}
              {...STACKED_SEGMENT_EDGE}
              isAnimationActive={!reducedMotion}
              cursor="pointer"
              onClick={(_bar, pointIndex) => {
                const point = points[pointIndex];
                if (point) open(drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, codeHost: host }));
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
