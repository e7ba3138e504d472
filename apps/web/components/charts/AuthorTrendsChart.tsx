"use client";

import type { AuthorTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { useRouter } from "next/navigation";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { seriesColor } from "@/lib/palette";
import { clickedIndex } from "./chartIndex";
import { legendText } from "./legendText";
import { useReducedMotion } from "./useReducedMotion";

/** Draws mean and median authors per paper per period. A click on a period lists its papers with a known author count. */
export function AuthorTrendsChart({ points, filter }: { points: AuthorTrendPoint[]; filter: TrendFilter }) {
  const router = useRouter();
  const reducedMotion = useReducedMotion();

  return (
    <div className="chart" data-testid="chart-authors">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
          style={{ cursor: "pointer" }}
          onClick={(state) => {
            const index = clickedIndex(state);
            const point = index === null ? undefined : points[index];
            if (point && point.papersWithAuthorCount > 0) {
              router.push(drillDownHref(filter, { periodStart: point.periodStart, periodEnd: point.periodEnd, minAuthors: 1, sort: "authors" }));
            }
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis tick={{ fontSize: 11 }} width={36} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} formatter={legendText} />
          <Line type="monotone" dataKey="meanAuthors" name="Mean authors" stroke={seriesColor(0)} strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={!reducedMotion} />
          <Line type="monotone" dataKey="medianAuthors" name="Median authors" stroke={seriesColor(1)} strokeWidth={2} strokeDasharray="5 3" dot={{ r: 2 }} connectNulls={false} isAnimationActive={!reducedMotion} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
