import { describe, expect, test } from "vitest";
import { contrastRatio, relativeLuminance } from "../lib/contrastRatio";

describe("relativeLuminance", () => {
  test.each([
    ["#000000", 0],
    ["#ffffff", 1],
    ["#808080", 0.2158605001138992],
  ])("of %s is %d", (color, expected) => {
    expect(relativeLuminance(color)).toBeCloseTo(expected, 10);
  });
});

describe("contrastRatio", () => {
  test("of black on white is 21", () => {
    expect(contrastRatio("#000", "#fff")).toBe(21);
  });

  test("is the same either way round", () => {
    expect(contrastRatio("#0072B2", "#ffffff")).toBe(contrastRatio("#ffffff", "#0072B2"));
  });

  test("of the grey #767676 on white is just above 4.5", () => {
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
});
