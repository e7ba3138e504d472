import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { contrastRatio } from "../lib/contrastRatio";
import { SERIES_COLORS } from "../lib/palette";
import { parseRgb } from "../lib/parseRgb";

const css = readFileSync(new URL("../app/globals.css", import.meta.url), "utf8");

/** Reads `--background` from the first block of globals.css after `marker`. */
function backgroundAfter(marker: string): string {
  const block = css.slice(css.indexOf(marker));
  const value = /--background:\s*(#[0-9a-f]{6});/iu.exec(block)?.[1];
  if (!value) throw new Error(`Missing --background in the block after "${marker}" in app/globals.css: define it there as #rrggbb.`);
  return value;
}

const LIGHT_BACKGROUND = backgroundAfter(":root {");
const DARK_BACKGROUND = backgroundAfter("@media (prefers-color-scheme: dark)");

describe("SERIES_COLORS contrast", () => {
  test("reads both backgrounds from globals.css", () => {
    expect(LIGHT_BACKGROUND).toBe("#ffffff");
    expect(DARK_BACKGROUND).toBe("#111418");
  });

  test.each(SERIES_COLORS)("%s has 3:1 against the light background", (color) => {
    expect(contrastRatio(color, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  test.each(SERIES_COLORS)("%s has 3:1 against the dark background", (color) => {
    expect(contrastRatio(color, DARK_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });
});

/*
 * Colour-vision deficiency is simulated with the matrices of Machado,
 * Oliveira and Fernandes (2009) at severity 1.0, on linear sRGB, and colours
 * are compared by their CIE 1976 distance in CIELAB (D65). The simulation is
 * an estimate.
 */
type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

const VISION: Record<string, Matrix> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function linearRgb(color: string): [number, number, number] {
  return parseRgb(color).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
}

function lab([red, green, blue]: readonly number[]): [number, number, number] {
  const x = (0.4124 * red! + 0.3576 * green! + 0.1805 * blue!) / 0.95047;
  const y = 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
  const z = (0.0193 * red! + 0.1192 * green! + 0.9505 * blue!) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(color: string, matrix: Matrix): [number, number, number] {
  const rgb = linearRgb(color);
  return lab(matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))));
}

/** Returns the smallest CIELAB distance between two of `colors` as a viewer with the given vision perceives them. */
function closestPair(colors: readonly string[], matrix: Matrix): number {
  let closest = Number.POSITIVE_INFINITY;
  colors.forEach((first, index) => {
    for (const second of colors.slice(index + 1)) closest = Math.min(closest, Math.hypot(...seenAs(first, matrix).map((value, axis) => value - seenAs(second, matrix)[axis]!)));
  });
  return closest;
}

/*
 * The bounds are what this palette reaches, rounded down, so that a change
 * that brings two colours closer fails. The compare page draws up to 8
 * series; the topics chart stacks all 11 topics.
 */
describe("SERIES_COLORS under colour-vision deficiency", () => {
  test.each(Object.keys(VISION))("first 4 stay 16 apart for %s", (vision) => {
    expect(closestPair(SERIES_COLORS.slice(0, 4), VISION[vision]!)).toBeGreaterThanOrEqual(16);
  });

  test.each(Object.keys(VISION))("first 8 stay 12 apart for %s", (vision) => {
    expect(closestPair(SERIES_COLORS.slice(0, 8), VISION[vision]!)).toBeGreaterThanOrEqual(12);
  });

  test.each(Object.keys(VISION))("all 12 stay 7 apart for %s", (vision) => {
    expect(closestPair(SERIES_COLORS, VISION[vision]!)).toBeGreaterThanOrEqual(7);
  });
});
