import { fitText, type MeasureText } from "./fitText";
import { layoutLegend } from "./layoutLegend";
import { LEGEND_SYMBOL_SIZE, type LegendEntry } from "./readLegendEntries";
import { svgElement } from "./svgElement";

/** The page's colours and font, resolved, in which the image is drawn. */
export interface ImageTheme {
  background: string;
  text: string;
  muted: string;
  fontFamily: string;
}

export interface ChartImageParts {
  title: string;
  /** One line under the title, such as the site, the date and the page's query; cut with "…" where it is too long. */
  caption: string;
  /** Text for the image's `<desc>`: the whole provenance, however long. */
  description: string;
  /** The chart as a standalone SVG element whose styles are inlined; it is moved into the image. */
  chart: SVGSVGElement;
  /** The part of the chart to show, from its top-left corner, in pixels. */
  chartWidth: number;
  chartHeight: number;
  legend: LegendEntry[];
  theme: ImageTheme;
  measureText: MeasureText;
}

const PADDING = 16;
const TITLE_SIZE = 16;
const CAPTION_SIZE = 11;
const LEGEND_GAP = 16;
const LEGEND_ROW_HEIGHT = 20;
const SYMBOL_TEXT_GAP = 4;

/**
 * Composes a standalone SVG image: the title and a caption above the chart,
 * its legend below, on the theme's background. The image is as wide as the
 * chart plus padding; width, height and viewBox are all set in pixels.
 */
export function composeChartSvg(parts: ChartImageParts): { svg: SVGSVGElement; width: number; height: number } {
  const { theme, measureText, chartWidth, chartHeight } = parts;
  const width = Math.ceil(chartWidth + 2 * PADDING);
  const innerWidth = width - 2 * PADDING;
  const titleFont = `700 ${TITLE_SIZE}px ${theme.fontFamily}`;
  const captionFont = `400 ${CAPTION_SIZE}px ${theme.fontFamily}`;

  const titleBaseline = PADDING + TITLE_SIZE;
  const captionBaseline = titleBaseline + CAPTION_SIZE + 8;
  const chartTop = captionBaseline + 10;
  const legendTop = chartTop + chartHeight + 8;

  const legendWidths = parts.legend.map((entry) => entry.symbolWidth + SYMBOL_TEXT_GAP + measureText(entry.label, entry.font));
  const legendLayout = layoutLegend(legendWidths, innerWidth, LEGEND_GAP);
  const height = Math.ceil(legendTop + legendLayout.rows * LEGEND_ROW_HEIGHT + PADDING);

  const svg = svgElement("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "font-family": theme.fontFamily });
  svg.append(
    svgElement("title", {}, parts.title),
    svgElement("desc", {}, parts.description),
    svgElement("rect", { x: 0, y: 0, width, height, fill: theme.background }),
    svgElement("text", { x: PADDING, y: titleBaseline, "font-size": TITLE_SIZE, "font-weight": 700, fill: theme.text }, fitText(parts.title, innerWidth, titleFont, measureText)),
    svgElement("text", { x: PADDING, y: captionBaseline, "font-size": CAPTION_SIZE, fill: theme.muted, "data-role": "caption" }, fitText(parts.caption, innerWidth, captionFont, measureText)),
  );

  const chart = parts.chart;
  for (const [name, value] of Object.entries({ x: PADDING, y: chartTop, width: chartWidth, height: chartHeight, viewBox: `0 0 ${chartWidth} ${chartHeight}`, overflow: "hidden" })) {
    chart.setAttribute(name, String(value));
  }
  svg.append(chart);

  const legend = svgElement("g", { transform: `translate(${PADDING} ${legendTop})`, class: "legend" });
  for (const { index, row, x } of legendLayout.entries) {
    const entry = parts.legend[index]!;
    const rowTop = row * LEGEND_ROW_HEIGHT + (LEGEND_ROW_HEIGHT - LEGEND_SYMBOL_SIZE) / 2;
    const symbol = svgElement("g", { transform: `translate(${x} ${rowTop})` });
    symbol.append(entry.symbol);
    const textWidth = innerWidth - x - entry.symbolWidth - SYMBOL_TEXT_GAP;
    const label = svgElement(
      "text",
      { x: x + entry.symbolWidth + SYMBOL_TEXT_GAP, y: rowTop + LEGEND_SYMBOL_SIZE / 2, "dominant-baseline": "central", style: `font: ${entry.font}; fill: ${entry.color}` },
      fitText(entry.label, textWidth, entry.font, measureText),
    );
    legend.append(symbol, label);
  }
  svg.append(legend);
  return { svg, width, height };
}

/**
 * Serializes an image made by composeChartSvg as an SVG file with an XML
 * declaration. The root gets `xmlns` from the serializer, because every
 * element is created in the SVG namespace.
 */
export function serializeSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
