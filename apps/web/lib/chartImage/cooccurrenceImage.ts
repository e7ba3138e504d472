import { contrastRatio } from "../contrastRatio";
import { cooccurrenceOverlap, MAX_SHADE_PERCENT } from "../cooccurrenceOverlap";
import { formatInteger } from "../format";
import type { ChartImage } from "./chartImageFromCard";
import { composeChartSvg, serializeSvg } from "./composeChartSvg";
import { canvasTextMeasure, type MeasureText } from "./fitText";
import { imageProvenance } from "./imageProvenance";
import { mixColors } from "./mixColors";
import { LEGEND_SYMBOL_SIZE, type LegendEntry } from "./readLegendEntries";
import { readImageTheme } from "./readImageTheme";
import { svgElement } from "./svgElement";

/** The co-occurrence counts of topics: `counts[i][j]` papers have both topic i and topic j, and the diagonal counts each topic's papers. */
export interface CooccurrenceData {
  labels: string[];
  counts: number[][];
}

const FONT_SIZE = 12;
const CELL_WIDTH = 48;
const CELL_HEIGHT = 26;
const LABEL_GAP = 6;

/** Resolves a CSS colour, such as `var(--accent)`, to the `rgb()` value the page uses now. */
function resolveColor(css: string): string {
  const probe = document.createElement("span");
  probe.style.color = css;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

interface MatrixColors {
  shade: string;
  background: string;
  surface: string;
  text: string;
  border: string;
}

/** Returns the fill of a cell of the given overlap, mixed as the page's table mixes it. */
function shadeFill(colors: MatrixColors, shade: number): string {
  return mixColors(colors.shade, colors.background, Math.round(shade * MAX_SHADE_PERCENT) / 100);
}

/** Returns the text colour or the background colour, whichever contrasts more with a cell's fill. */
function readableOn(colors: MatrixColors, fill: string): string {
  return contrastRatio(colors.text, fill) >= contrastRatio(colors.background, fill) ? colors.text : colors.background;
}

/**
 * Draws the matrix as SVG: topic labels down the left and up the top, and
 * per pair a cell shaded like the page's table, with its count.
 */
function matrixSvg({ labels, counts }: CooccurrenceData, colors: MatrixColors, fontFamily: string, measure: MeasureText) {
  const font = `400 ${FONT_SIZE}px ${fontFamily}`;
  const labelWidth = Math.ceil(Math.max(0, ...labels.map((label) => measure(label, font)))) + LABEL_GAP;
  const width = labelWidth + labels.length * CELL_WIDTH;
  const height = labelWidth + labels.length * CELL_HEIGHT;
  const svg = svgElement("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "font-size": FONT_SIZE, fill: colors.text });

  labels.forEach((label, index) => {
    const columnCentre = labelWidth + index * CELL_WIDTH + CELL_WIDTH / 2;
    const headerBottom = labelWidth - LABEL_GAP;
    svg.append(
      svgElement("text", { x: columnCentre, y: headerBottom, transform: `rotate(-90 ${columnCentre} ${headerBottom})`, "dominant-baseline": "central" }, label),
      svgElement("text", { x: labelWidth - LABEL_GAP, y: labelWidth + index * CELL_HEIGHT + CELL_HEIGHT / 2, "text-anchor": "end", "dominant-baseline": "central" }, label),
    );
  });

  counts.forEach((row, rowIndex) => {
    row.forEach((count, columnIndex) => {
      const diagonal = rowIndex === columnIndex;
      const shade = diagonal ? 0 : cooccurrenceOverlap(counts, rowIndex, columnIndex);
      const x = labelWidth + columnIndex * CELL_WIDTH;
      const y = labelWidth + rowIndex * CELL_HEIGHT;
      const fill = diagonal ? colors.surface : shadeFill(colors, shade);
      const cell = svgElement("g", { class: "matrix-cell" });
      cell.append(
        svgElement("rect", { x, y, width: CELL_WIDTH, height: CELL_HEIGHT, fill, stroke: colors.border }),
        svgElement(
          "text",
          {
            x: x + CELL_WIDTH / 2,
            y: y + CELL_HEIGHT / 2,
            "text-anchor": "middle",
            "dominant-baseline": "central",
            "font-weight": diagonal ? 700 : 400,
            fill: readableOn(colors, fill),
          },
          formatInteger(count),
        ),
      );
      svg.append(cell);
    });
  });
  return svg;
}

/** Returns the legend of the shades: no overlap, half of the smaller topic, and all of it. */
function shadeLegend(colors: MatrixColors, font: string): LegendEntry[] {
  const steps: [number, string][] = [
    [0, "no paper in common"],
    [0.5, "half of the smaller topic's papers"],
    [1, "all of the smaller topic's papers"],
  ];
  return steps.map(([shade, label]) => ({
    label,
    symbolWidth: LEGEND_SYMBOL_SIZE,
    font,
    color: colors.text,
    symbol: svgElement("rect", { width: LEGEND_SYMBOL_SIZE, height: LEGEND_SYMBOL_SIZE, fill: shadeFill(colors, shade), stroke: colors.border }),
  }));
}

/**
 * Makes a standalone SVG image of the co-occurrence matrix. The page shows
 * the matrix as an HTML table, for its links and its sticky row labels, so
 * the image draws it anew from the counts instead of copying the table.
 */
export function cooccurrenceImage(data: CooccurrenceData, title: string, chartDescription: string, now = new Date()): ChartImage {
  const theme = readImageTheme();
  const colors: MatrixColors = {
    shade: resolveColor("var(--matrix-shade)"),
    background: theme.background,
    surface: resolveColor("var(--surface)"),
    text: theme.text,
    border: resolveColor("var(--border)"),
  };
  const measureText = canvasTextMeasure();
  const chart = matrixSvg(data, colors, theme.fontFamily, measureText);
  const provenance = imageProvenance(new URL(window.location.href), now, chartDescription);
  const { svg, width, height } = composeChartSvg({
    title,
    caption: provenance.caption,
    description: provenance.description,
    chart,
    chartWidth: Number(chart.getAttribute("width")),
    chartHeight: Number(chart.getAttribute("height")),
    legend: shadeLegend(colors, `400 11px ${theme.fontFamily}`),
    theme,
    measureText,
  });
  return { svgText: serializeSvg(svg), width, height, date: provenance.date };
}
