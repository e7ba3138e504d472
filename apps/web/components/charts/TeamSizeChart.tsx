"use client";

import type { TeamSizeBin, TrendFilter } from "@alignment-trends/schema";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { seriesColor } from "@/lib/palette";
import { AXIS_LABEL, AXIS_TICK, TOOLTIP_STYLES } from "./chartTheme";
import { useChartKeyboard } from "./useChartKeyboard";
import { useReducedMotion } from "./useReducedMotion";

/** Draws papers per team size. A click on a bar, or Enter on a focused bar, lists the papers with that many authors. */
export function TeamSizeChart({ bins, filter }: { bins: TeamSizeBin[]; filter: TrendFilter }) {
  const reducedMotion = useReducedMotion();
  const hrefForBin = (bin: TeamSizeBin | undefined) =>
    bin ? drillDownHref(filter, { minAuthors: bin.minAuthors, maxAuthors: bin.maxAuthors ?? undefined, sort: "authors" }) : null;
  const { reporter, onKeyDown, open } = useChartKeyboard((label) => hrefForBin(bins.find((bin) => bin.label === label)));

  return (
    <div className="chart" data-testid="chart-team-sizes" onKeyDown={onKeyDown}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} label={{ value: "authors per paper", position: "insideBottom", offset: -2, ...AXIS_LABEL }} height={36} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
          <Tooltip {...TOOLTIP_STYLES} />
          {reporter}
          <Bar
            dataKey="papers"
            name="Papers"
            fill={seriesColor(2)}
            isAnimationActive={!reducedMotion}
            cursor="pointer"
            onClick={(_bar, index) => open(hrefForBin(bins[index]))}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
