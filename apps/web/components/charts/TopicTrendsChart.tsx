"use client";

import type { TopicInfo, TopicTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { seriesColor } from "@/lib/palette";
import { AXIS_TICK, STACKED_SEGMENT_EDGE, TOOLTIP_STYLES } from "./chartTheme";
import { legendText } from "./legendText";
import { useChartKeyboard } from "./useChartKeyboard";
import { useReducedMotion } from "./useReducedMotion";

interface Props {
  topics: TopicInfo[];
  points: TopicTrendPoint[];
  filter: TrendFilter;
}

/**
 * Draws stacked bars of papers per topic and period. A click on a segment
 * lists that topic's papers in that period; Enter on a focused period lists
 * its alignment papers.
 */
export function TopicTrendsChart({ topics, points, filter }: Props) {
  const reducedMotion = useReducedMotion();
  const data = points.map((point) => ({ label: point.label, ...point.topics }));
  const { reporter, onKeyDown, open } = useChartKeyboard((label) => {
    const point = points.find((candidate) => candidate.label === label);
    return point ? drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, scope: "alignment" }) : null;
  });

  return (
    <div className="chart" data-testid="chart-topics" onKeyDown={onKeyDown}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={36} />
          <Tooltip {...TOOLTIP_STYLES} />
          <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
          {reporter}
          {topics.map((topic, index) => (
            <Bar
              key={topic.id}
              dataKey={topic.id}
              name={topic.label}
              stackId="topics"
              fill={seriesColor(index)}
              {...STACKED_SEGMENT_EDGE}
              isAnimationActive={!reducedMotion}
              cursor="pointer"
              onClick={(_bar, pointIndex) => {
                const point = points[pointIndex];
                if (point) open(drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, topic: topic.id }));
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
