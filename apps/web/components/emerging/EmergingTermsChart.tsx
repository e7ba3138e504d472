"use client";

import type { EmergingTerm, EmergingTerms } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import type { KeyboardEvent } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from "recharts";
import { AXIS_LABEL, AXIS_TICK } from "@/components/charts/chartTheme";
import { useChartKeyboard } from "@/components/charts/useChartKeyboard";
import { useReducedMotion } from "@/components/charts/useReducedMotion";
import { termPapersHref } from "@/lib/emergingLinks";
import { formatDecimal, formatInteger } from "@/lib/format";
import { formatTermShare } from "@/lib/formatTermShare";
import { growthAxisTicks } from "@/lib/growthAxisTicks";
import { seriesColor } from "@/lib/palette";
import { withAlpha } from "@/lib/withAlpha";

interface Props {
  terms: EmergingTerm[];
  filter: TrendFilter;
  recent: EmergingTerms["recent"];
  baseline: EmergingTerms["baseline"];
  /** The confidence level of the lower bound, such as "95%". */
  confidence: string;
}

/** One bar: the term, its span from no growth (1) to its estimate, and the term's figures for the tooltip. */
interface GrowthDatum extends EmergingTerm {
  span: [number, number];
}

const BAR_COLOR = seriesColor(0);
/** The pale part of a bar, from the lower bound to the estimate, outlined in BAR_COLOR so that it remains visible on a dark background. */
const ESTIMATE_FILL = withAlpha(BAR_COLOR, 0.3);
const ROW_HEIGHT = 30;
const AXIS_HEIGHT = 48;

/**
 * Draws a bar from 1 to the growth estimate, solid up to the lower bound and
 * pale beyond it, with a line at the lower bound. The axis is logarithmic, so
 * the lower bound sits at the fraction ln(bound) / ln(growth) of the bar.
 */
function GrowthBar({ x, y, width, height, payload }: BarShapeProps) {
  const datum = payload as GrowthDatum;
  const boundWidth = datum.growth > 1 ? (width * Math.log(datum.growthLowerBound)) / Math.log(datum.growth) : 0;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={ESTIMATE_FILL} stroke={BAR_COLOR} strokeWidth={1} />
      <rect x={x} y={y} width={boundWidth} height={height} fill={BAR_COLOR} />
      <line x1={x + boundWidth} x2={x + boundWidth} y1={y - 2} y2={y + height + 2} stroke={BAR_COLOR} strokeWidth={2} />
    </g>
  );
}

/**
 * The key Recharts reads for each vertical arrow key. In a chart with
 * horizontal bars, Recharts 3.11 moves its tooltip down the list on the left
 * arrow and up on the right arrow, and ignores the up and down arrows.
 */
const RECHARTS_KEY_FOR: Record<string, string> = { ArrowDown: "ArrowLeft", ArrowUp: "ArrowRight" };

/** Replays an up or down arrow key as the key Recharts reads, so that the arrows move along the list as drawn. */
function moveWithVerticalArrows(event: KeyboardEvent<HTMLElement>) {
  const mapped = RECHARTS_KEY_FOR[event.key];
  if (mapped === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  event.stopPropagation();
  event.target.dispatchEvent(new window.KeyboardEvent("keydown", { key: mapped, bubbles: true }));
}

function GrowthTooltip({ active, payload, recent, baseline }: TooltipContentProps & Pick<Props, "recent" | "baseline">) {
  const datum = payload?.[0]?.payload as GrowthDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="emerging-tooltip">
      <strong>{datum.term}</strong>
      <div>
        Growth {formatDecimal(datum.growth)}×, at least {formatDecimal(datum.growthLowerBound)}×
      </div>
      <div>
        Recent: {formatInteger(datum.recentPapers)} of {formatInteger(recent.papers)} papers ({formatTermShare(datum.recentShare)})
      </div>
      <div>
        Baseline: {formatInteger(datum.baselinePapers)} of {formatInteger(baseline.papers)} papers ({formatTermShare(datum.baselineShare)})
      </div>
    </div>
  );
}

/**
 * Draws each term's growth as a horizontal bar on a logarithmic axis, with
 * its lower bound marked. A click on a bar, or Enter once the up and down
 * arrow keys have selected it, lists the term's papers in the recent window.
 */
export function EmergingTermsChart({ terms, filter, recent, baseline, confidence }: Props) {
  const reducedMotion = useReducedMotion();
  const data: GrowthDatum[] = terms.map((term) => ({ ...term, span: [1, term.growth] }));
  const ticks = growthAxisTicks(Math.max(...terms.map((term) => term.growth)));
  const { reporter, onKeyDown, open } = useChartKeyboard((label) =>
    terms.some((term) => term.term === label) ? termPapersHref(filter, label, recent) : null,
  );

  return (
    <>
      <div
        className="emerging-chart"
        data-testid="chart-emerging"
        style={{ height: terms.length * ROW_HEIGHT + AXIS_HEIGHT }}
        onKeyDownCapture={moveWithVerticalArrows}
        onKeyDown={onKeyDown}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart layout="vertical" data={data} margin={{ top: 4, right: 16, bottom: 4, left: 0 }} barCategoryGap="22%">
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              scale="log"
              domain={[1, ticks.at(-1)!]}
              ticks={ticks}
              allowDataOverflow
              tickFormatter={(value: number) => `${formatDecimal(value)}×`}
              tick={AXIS_TICK}
              height={AXIS_HEIGHT - 8}
              label={{ value: "growth of share (log scale)", position: "insideBottom", offset: 0, ...AXIS_LABEL }}
            />
            <YAxis type="category" dataKey="term" width="auto" interval={0} tick={{ ...AXIS_TICK, fontSize: 12 }} />
            <Tooltip content={(props) => <GrowthTooltip {...props} recent={recent} baseline={baseline} />} cursor={{ fillOpacity: 0.15 }} />
            {reporter}
            <Bar
              dataKey="span"
              name="Growth"
              shape={GrowthBar}
              isAnimationActive={!reducedMotion}
              cursor="pointer"
              onClick={(_bar, index) => {
                const term = terms[index];
                if (term) open(termPapersHref(filter, term.term, recent));
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <p className="emerging-legend">
        <span className="legend-item">
          <span className="swatch" style={{ background: BAR_COLOR }} aria-hidden="true" />
          lower bound: the growth the counts support with {confidence} confidence
        </span>
        <span className="legend-item">
          <span className="swatch" style={{ background: ESTIMATE_FILL, border: `1px solid ${BAR_COLOR}` }} aria-hidden="true" />
          estimate
        </span>
      </p>
    </>
  );
}
