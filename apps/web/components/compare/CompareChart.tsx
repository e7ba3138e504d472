"use client";

import type { ComparePoint } from "@alignment-trends/analytics";
import type { Bucket, CompareMeasure, SeriesSpec, TrendFilter } from "@alignment-trends/schema";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Brush, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type ActiveDotProps } from "recharts";
import { clickedIndex } from "@/components/charts/chartIndex";
import { AXIS_TICK, TOOLTIP_STYLES } from "@/components/charts/chartTheme";
import { legendText } from "@/components/charts/legendText";
import { useChartKeyboard } from "@/components/charts/useChartKeyboard";
import { useReducedMotion } from "@/components/charts/useReducedMotion";
import { announceNavigation } from "@/lib/announceNavigation";
import { formatMeasure, measureValue } from "@/lib/compareMeasures";
import { compareRangeHref } from "@/lib/compareRangeHref";
import { formatInteger } from "@/lib/format";
import { niceTicks } from "@/lib/niceTicks";
import { seriesColor } from "@/lib/palette";
import { seriesDrillDownHref } from "@/lib/seriesDrillDownHref";
import { markerPath, seriesDash, seriesMarker, type MarkerShape } from "@/lib/seriesStyle";
import { SeriesKey } from "./SeriesKey";

/** One compared series with the name its legend shows. */
export interface NamedSeries {
  spec: SeriesSpec;
  label: string;
}

interface Props {
  series: NamedSeries[];
  points: ComparePoint[];
  measure: CompareMeasure;
  bucket: Bucket;
  filter: TrendFilter;
}

/** Periods selected by the brush, as indexes into the chart's points, both inclusive. */
interface BrushRange {
  startIndex: number;
  endIndex: number;
}

/** Periods up to which the lines show a dot per period; longer lines stay readable without them. */
const MAX_DOTTED_POINTS = 60;

/**
 * Returns the value axis' ticks for shares and indexes, and null to leave
 * the ticks of paper counts to Recharts, which keeps them whole. A view
 * without any share gets an axis up to 1%.
 */
function valueTicks(points: ComparePoint[], measure: CompareMeasure): number[] | null {
  if (measure === "index") return [0, 25, 50, 75, 100];
  if (measure === "papers") return null;
  const shares = points.flatMap((point) => point.series.map((value) => value.share ?? 0));
  return niceTicks(Math.max(0.01, ...shares));
}

interface DotRenderProps {
  cx?: number;
  cy?: number;
  index: number;
  value?: unknown;
  stroke?: string;
  points?: readonly { value?: unknown }[];
}

/**
 * Returns the dot renderer of a line, which draws the series' marker: every
 * value gets one on a short line, and on a long one only a value between
 * two gaps, which would otherwise draw nothing at all.
 */
function dotRenderer(dotEvery: boolean, shape: MarkerShape) {
  return function renderDot({ cx, cy, index, value, stroke, points = [] }: DotRenderProps) {
    const isolated = points[index - 1]?.value == null && points[index + 1]?.value == null;
    if (cx == null || cy == null || value == null || (!dotEvery && !isolated)) return <g key={`dot-${index}`} />;
    return <path key={`dot-${index}`} className="recharts-dot recharts-line-dot" d={markerPath(shape, cx, cy, 3)} fill={stroke} />;
  };
}

/**
 * Draws the legend with each series' key, as Recharts' default legend lays
 * it out and with its class names, which the chart images read.
 */
function CompareLegend({ series }: { series: NamedSeries[] }) {
  return (
    <ul className="recharts-default-legend compare-legend">
      {series.map((entry, index) => (
        <li key={index} className="recharts-legend-item">
          <SeriesKey index={index} />
          <span className="recharts-legend-item-text">{legendText(entry.label)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Returns the chart's rows: per period its label, all its papers, and `value<i>` in the measure and `papers<i>` for each series. */
function chartRows(points: ComparePoint[], measure: CompareMeasure) {
  return points.map((point) => {
    const row: Record<string, string | number | null> = { label: point.label, allPapers: point.papers };
    point.series.forEach((value, index) => {
      row[`value${index}`] = measureValue(value, measure);
      row[`papers${index}`] = value.papers;
    });
    return row;
  });
}

/** Names the series for an image's file name: each term by its first alternative, so "RLHF | reinforcement learning …" reads "RLHF". */
function imageSubject(series: NamedSeries[]): string {
  return series.map((entry) => (entry.spec.kind === "term" ? entry.label.split("|")[0]!.trim() : entry.label)).join(" vs ");
}

/**
 * Draws one line per compared series in the chosen measure. A click on a
 * line or its point lists that series' papers in the period, and a click
 * elsewhere does so only when there is one series. From the keyboard, the
 * arrow keys move between periods. Enter or Space then lists the first
 * series' papers, and the keys 1 to 8 list those of that series.
 *
 * The brush under the axis narrows the view to fewer periods. When a drag
 * ends, or on Enter in one of its handles, the page opens with `from` and
 * `to` set to the bounds of the selected periods.
 */
export function CompareChart({ series, points, measure, bucket, filter }: Props) {
  const reducedMotion = useReducedMotion();
  const router = useRouter();
  const [brushRange, setBrushRange] = useState<BrushRange>({ startIndex: 0, endIndex: points.length - 1 });
  const applyRange = (range: BrushRange) => {
    const href = compareRangeHref({ filter, series: series.map((entry) => entry.spec), bucket, measure }, points, range);
    if (!href) return;
    announceNavigation(href);
    router.push(href, { scroll: false });
  };
  // A click on a line or its point sets this, and the chart's click handler, which runs next, adds the period.
  const clickedSeries = useRef<number | null>(null);

  const hrefAt = (seriesIndex: number, point: ComparePoint | undefined) => {
    const entry = series[seriesIndex];
    return entry && point ? seriesDrillDownHref(filter, entry.spec, point) : null;
  };
  const pointForLabel = (label: string) => points.find((point) => point.label === label);
  const { reporter, onKeyDown, open, activeLabel } = useChartKeyboard((label) => hrefAt(0, pointForLabel(label)));

  const onChartKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Enter" && event.target instanceof Element && event.target.closest(".recharts-brush")) {
      event.preventDefault();
      applyRange(brushRange);
      return;
    }
    const seriesIndex = /^[1-9]$/u.test(event.key) ? Number(event.key) - 1 : -1;
    const label = activeLabel();
    if (seriesIndex < 0 || seriesIndex >= series.length || label === null) {
      onKeyDown(event);
      return;
    }
    const href = hrefAt(seriesIndex, pointForLabel(label));
    if (!href) return;
    event.preventDefault();
    open(href);
  };

  // Recharts resets the brush whenever the data changes identity, so the rows must outlive a render that the brush causes.
  const rows = useMemo(() => chartRows(points, measure), [points, measure]);
  const ticks = valueTicks(points, measure);
  const tooltipValue = (value: unknown, payload: Record<string, unknown>, dataKey: unknown) => {
    const formatted = formatMeasure(typeof value === "number" ? value : null, measure);
    if (measure === "papers") return formatted;
    const papers = Number(payload[String(dataKey).replace("value", "papers")] ?? 0);
    return `${formatted} (${formatInteger(papers)} ${papers === 1 ? "paper" : "papers"})`;
  };

  return (
    <div className="chart compare-chart" data-testid="chart-compare" data-image-subject={imageSubject(series)} onKeyDown={onChartKeyDown}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
          style={{ cursor: series.length === 1 ? "pointer" : undefined }}
          onClick={(state) => {
            const index = clickedIndex(state);
            const seriesIndex = clickedSeries.current ?? (series.length === 1 ? 0 : null);
            clickedSeries.current = null;
            if (index !== null && seriesIndex !== null) open(hrefAt(seriesIndex, points[index]));
          }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
          <YAxis
            tick={AXIS_TICK}
            width={measure === "share" ? 52 : 44}
            allowDecimals={measure === "share"}
            tickFormatter={(value: number) => formatMeasure(value, measure)}
            domain={ticks ? [0, ticks.at(-1)!] : [0, "auto"]}
            ticks={ticks ?? undefined}
          />
          <Tooltip
            itemSorter="dataKey"
            {...TOOLTIP_STYLES}
            labelFormatter={(label, payload) => `${String(label)}: ${formatInteger(Number(payload[0]?.payload?.allPapers ?? 0))} papers in all`}
            formatter={(value, _name, item) => tooltipValue(value, (item.payload ?? {}) as Record<string, unknown>, item.dataKey)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} content={() => <CompareLegend series={series} />} />
          {points.length > 1 && (
            <Brush
              dataKey="label"
              height={28}
              travellerWidth={10}
              fill="var(--surface)"
              stroke="var(--muted)"
              ariaLabel={`Periods ${points[brushRange.startIndex]?.label ?? ""} to ${points[brushRange.endIndex]?.label ?? ""}: the arrow keys move this end, Enter shows these periods`}
              onChange={setBrushRange}
              onDragEnd={applyRange}
            />
          )}
          {reporter}
          {series.map((entry, seriesIndex) => (
            <Line
              key={seriesIndex}
              type="monotone"
              dataKey={`value${seriesIndex}`}
              name={entry.label}
              stroke={seriesColor(seriesIndex)}
              strokeWidth={2}
              strokeDasharray={seriesDash(seriesIndex) || undefined}
              dot={dotRenderer(points.length <= MAX_DOTTED_POINTS, seriesMarker(seriesIndex))}
              activeDot={(dot: ActiveDotProps) => (
                <circle
                  cx={dot.cx}
                  cy={dot.cy}
                  r={5}
                  fill={seriesColor(seriesIndex)}
                  stroke="var(--background)"
                  strokeWidth={2}
                  cursor="pointer"
                  data-series={seriesIndex}
                  onClick={() => {
                    clickedSeries.current = seriesIndex;
                  }}
                />
              )}
              onClick={() => {
                clickedSeries.current = seriesIndex;
              }}
              cursor="pointer"
              isAnimationActive={!reducedMotion}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
