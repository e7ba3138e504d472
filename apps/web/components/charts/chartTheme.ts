/*
 * Chart styles in the page's colours, so that charts follow the light or dark
 * scheme. Recharts writes the grey of its tick labels and the white of its
 * default tooltip as inline styles, which no style sheet can override, so
 * the charts pass these instead. The strokes of grids, axis lines and
 * cursors are presentation attributes, which globals.css overrides.
 */

/** Tick labels of an axis: small, in the muted text colour. */
export const AXIS_TICK = { fontSize: 11, fill: "var(--muted)" } as const;

/** Style of an axis label, such as "authors per paper". */
export const AXIS_LABEL = { fontSize: 11, fill: "var(--muted)" } as const;

/** Props of Recharts' default tooltip: the page's background, border and text colours, in small print. */
export const TOOLTIP_STYLES = {
  contentStyle: { background: "var(--background)", borderColor: "var(--border)", color: "var(--text)", fontSize: "0.8rem" },
  labelStyle: { color: "var(--text)" },
  itemStyle: { color: "var(--text)" },
} as const;

/** Edge between the segments of a stacked bar, in the background colour, so that two neighbours of similar colour stay apart. */
export const STACKED_SEGMENT_EDGE = { stroke: "var(--background)", strokeWidth: 0.75 } as const;
