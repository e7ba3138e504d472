import { describe, expect, test } from "vitest";
import { MARKER_SHAPES, markerPath, SERIES_DASHES, seriesDash, seriesMarker } from "../lib/seriesStyle";

/** Returns the area of a marker: a circle's from its arc radius, a polygon's by the shoelace formula. */
function markerArea(path: string): number {
  const arc = /a([\d.]+),/u.exec(path);
  if (arc) return Math.PI * Number(arc[1]) ** 2;
  const points = [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/gu)].map((match) => [Number(match[1]), Number(match[2])] as const);
  const twice = points.reduce((sum, [x1, y1], index) => {
    const [x2, y2] = points[(index + 1) % points.length]!;
    return sum + x1 * y2 - x2 * y1;
  }, 0);
  return Math.abs(twice) / 2;
}

describe("markerPath", () => {
  test("draws a square centred on the point", () => {
    expect(markerPath("square", 10, 20, 4)).toBe("M6.94,16.94L13.06,16.94L13.06,23.06L6.94,23.06Z");
  });

  test("gives every shape an area within 10% of the largest", () => {
    const areas = MARKER_SHAPES.map((shape) => markerArea(markerPath(shape, 0, 0, 10)));
    const largest = Math.max(...areas);
    for (const [index, area] of areas.entries()) expect(area / largest, MARKER_SHAPES[index]).toBeGreaterThan(0.9);
  });
});

describe("series styles", () => {
  test("differ for each of the 8 compared series", () => {
    const styles = Array.from({ length: 8 }, (_, index) => `${seriesDash(index)}/${seriesMarker(index)}`);
    expect(new Set(styles).size).toBe(8);
    expect(new Set(SERIES_DASHES).size).toBe(8);
  });

  test("start with a solid line and a circle", () => {
    expect(seriesDash(0)).toBe("");
    expect(seriesMarker(0)).toBe("circle");
  });
});
