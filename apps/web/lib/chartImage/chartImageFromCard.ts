import { composeChartSvg, serializeSvg } from "./composeChartSvg";
import { canvasTextMeasure } from "./fitText";
import { imageProvenance } from "./imageProvenance";
import { inlineComputedStyles } from "./inlineComputedStyles";
import { readImageTheme } from "./readImageTheme";
import { readLegendEntries } from "./readLegendEntries";

/** A finished image: the SVG file's text, its size in pixels, and the local date it was made. */
export interface ChartImage {
  svgText: string;
  width: number;
  height: number;
  date: string;
}

/** Parts of a Recharts chart that serve the pointer and keyboard only. */
const INTERACTIVE_PARTS = ".recharts-tooltip-cursor, .recharts-active-dot, .recharts-brush";

/**
 * Returns the height of the part of the chart's SVG, from the top, that
 * contains the plot. Recharts reserves the bottom for the HTML legend and the
 * brush, which the image leaves out, and the image draws its own legend.
 */
function plotHeight(wrapper: Element, surface: SVGSVGElement): number {
  const top = surface.getBoundingClientRect().top;
  const bottoms = [surface.getBoundingClientRect().height];
  for (const part of wrapper.querySelectorAll(".recharts-legend-wrapper, .recharts-brush")) bottoms.push(part.getBoundingClientRect().top - top);
  return Math.max(1, Math.floor(Math.min(...bottoms)));
}

/**
 * Makes a standalone SVG image of the Recharts chart in `card`: the chart as
 * drawn, with its styles inlined, under `title` and a caption with the
 * page's address and the date, above the legend.
 * NOTE: an image made while Recharts still animates the chart, in the first
 * second or two after it is drawn unless reduced motion is on, shows the marks part-drawn.
 */
export function chartImageFromCard(card: Element, title: string, now = new Date()): ChartImage {
  const wrapper = card.querySelector(".recharts-wrapper");
  const surface = wrapper?.querySelector<SVGSVGElement>(":scope > svg.recharts-surface");
  if (!wrapper || !surface) throw new Error(`Failed to make an image of the chart "${title}": the chart is not drawn yet. Wait until it shows, or download its data.`);

  const chart = surface.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(surface, chart);
  for (const part of chart.querySelectorAll(INTERACTIVE_PARTS)) part.remove();
  for (const element of [chart, ...chart.querySelectorAll("*")]) {
    element.removeAttribute("tabindex");
    element.removeAttribute("role");
  }

  const provenance = imageProvenance(new URL(window.location.href), now, card.querySelector(".description")?.textContent ?? "");
  const { svg, width, height } = composeChartSvg({
    title,
    caption: provenance.caption,
    description: provenance.description,
    chart,
    chartWidth: surface.getBoundingClientRect().width,
    chartHeight: plotHeight(wrapper, surface),
    legend: readLegendEntries(card),
    theme: readImageTheme(),
    measureText: canvasTextMeasure(),
  });
  return { svgText: serializeSvg(svg), width, height, date: provenance.date };
}
