import { describe, expect, test } from "vitest";
import { estimateGrowth } from "../src/terms/estimateGrowth";

describe("estimateGrowth", () => {
  test("a term new in the recent window has a finite growth", () => {
    const estimate = estimateGrowth(9, 12, 0, 12);
    expect(estimate.growth).toBeCloseTo(19, 10);
    expect(estimate.lowerBound).toBeCloseTo(1.9158, 4);
  });

  test("a steady share has a growth of 1 and a lower bound below 1", () => {
    const estimate = estimateGrowth(40, 400, 80, 800);
    expect(estimate.growth).toBeCloseTo(1.0056, 4);
    expect(estimate.lowerBound).toBeLessThan(1);
  });

  test("more papers at the same growth give a higher lower bound", () => {
    expect(estimateGrowth(40, 1000, 10, 1000).lowerBound).toBeGreaterThan(estimateGrowth(4, 100, 1, 100).lowerBound);
  });

  test("rejects an empty window", () => {
    expect(() => estimateGrowth(3, 10, 0, 0)).toThrow("growth needs papers in both windows, not 10 recent and 0 baseline");
  });
});
