/**
 * Dash patterns and point markers of compared series, by series index, so
 * that lines differ by more than colour where they cross or overlap. They
 * pair with SERIES_COLORS index by index; "" is a solid line.
 */
export const SERIES_DASHES = ["", "8 4", "2 3", "12 3 3 3", "5 5", "1 5", "10 3 2 3 2 3", "16 4"] as const;

export const MARKER_SHAPES = ["circle", "square", "triangle", "diamond", "triangle-down", "cross", "plus", "hexagon"] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

export function seriesDash(index: number): string {
  return SERIES_DASHES[index % SERIES_DASHES.length]!;
}

export function seriesMarker(index: number): MarkerShape {
  return MARKER_SHAPES[index % MARKER_SHAPES.length]!;
}

/** Returns the SVG path of a polygon through the given points, relative to (cx, cy). */
function polygon(cx: number, cy: number, points: readonly (readonly [number, number])[]): string {
  return `${points.map(([x, y], index) => `${index === 0 ? "M" : "L"}${round(cx + x)},${round(cy + y)}`).join("")}Z`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Returns the SVG path of a marker centred on (cx, cy), about 2r across.
 * The areas of the shapes differ by less than 10%, so that none looks
 * heavier than the others.
 */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const side = r * 0.9;
  const arm = r * 0.35;
  switch (shape) {
    case "circle":
      return `M${round(cx - r * 0.85)},${round(cy)}a${round(r * 0.85)},${round(r * 0.85)} 0 1,0 ${round(r * 1.7)},0a${round(r * 0.85)},${round(r * 0.85)} 0 1,0 ${round(-r * 1.7)},0Z`;
    case "square":
      return polygon(cx, cy, [[-side * 0.85, -side * 0.85], [side * 0.85, -side * 0.85], [side * 0.85, side * 0.85], [-side * 0.85, side * 0.85]]);
    case "triangle":
      return polygon(cx, cy, [[0, -r * 1.15], [r * 1.1, r * 0.8], [-r * 1.1, r * 0.8]]);
    case "triangle-down":
      return polygon(cx, cy, [[0, r * 1.15], [r * 1.1, -r * 0.8], [-r * 1.1, -r * 0.8]]);
    case "diamond":
      return polygon(cx, cy, [[0, -r * 1.05], [r * 1.05, 0], [0, r * 1.05], [-r * 1.05, 0]]);
    case "plus":
      return polygon(cx, cy, [[-arm, -r], [arm, -r], [arm, -arm], [r, -arm], [r, arm], [arm, arm], [arm, r], [-arm, r], [-arm, arm], [-r, arm], [-r, -arm], [-arm, -arm]]);
    case "cross": {
      const d = arm * Math.SQRT1_2;
      const e = r * Math.SQRT1_2;
      return polygon(cx, cy, [[0, -2 * d], [e - d, -e - d], [e + d, -e + d], [2 * d, 0], [e + d, e - d], [e - d, e + d], [0, 2 * d], [-e + d, e + d], [-e - d, e - d], [-2 * d, 0], [-e - d, -e + d], [-e + d, -e - d]]);
    }
    case "hexagon":
      return polygon(cx, cy, [0, 1, 2, 3, 4, 5].map((corner) => [r * 0.93 * Math.cos((Math.PI / 3) * corner), r * 0.93 * Math.sin((Math.PI / 3) * corner)] as const));
  }
}
