"use client";

import type { TeamSizeBin, TrendFilter } from "@alignment-trends/schema";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { drillDownHref } from "@/lib/filterParams";
import { seriesColor } from "@/lib/palette";
import { useReducedMotion } from "./useReducedMotion";

/** Draws papers per team size. A click on a bar lists the papers with that many authors. */
export function TeamSizeChart({ bins, filter }: { bins: TeamSizeBin[]; filter: TrendFilter }) {
  const router = useRouter();
  const reducedMotion = useReducedMotion();

  return (
    <div className="chart" data-testid="chart-team-sizes">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} label={{ value: "authors per paper", position: "insideBottom", offset: -2, fontSize: 11 }} height={36} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
          <Tooltip />
          <Bar
            dataKey="papers"
            name="Papers"
            fill={seriesColor(2)}
            isAnimationActive={!reducedMotion}
            cursor="pointer"
            onClick={(_bar, index) => {
              const bin = bins[index];
              if (bin) router.push(drillDownHref(filter, { minAuthors: bin.minAuthors, maxAuthors: bin.maxAuthors ?? undefined, sort: "authors" }));
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
