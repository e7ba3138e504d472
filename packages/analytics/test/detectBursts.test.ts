import { describe, expect, test } from "vitest";
import { detectBursts } from "../src/terms/detectBursts";

describe("detectBursts", () => {
  test("finds a burst in the middle of a steady series", () => {
    const totals = new Array(12).fill(100);
    const hits = [2, 3, 2, 2, 3, 15, 18, 16, 2, 3, 2, 2];
    const bursts = detectBursts(hits, totals);
    expect(bursts.map(({ start, end }) => [start, end])).toEqual([[5, 7]]);
    expect(bursts[0]!.weight).toBeGreaterThan(10);
  });

  test("finds no burst in a steady series", () => {
    expect(detectBursts([5, 6, 5, 4, 5, 6, 5, 5], new Array(8).fill(100))).toEqual([]);
  });

  test("reads proportions, not counts", () => {
    // The count doubles with the total, so the share stays flat.
    expect(detectBursts([5, 5, 10, 10, 5, 5], [100, 100, 200, 200, 100, 100])).toEqual([]);
  });

  test("returns nothing for a term that never occurs", () => {
    expect(detectBursts([0, 0, 0], [10, 10, 10])).toEqual([]);
  });

  test("rejects series of different lengths", () => {
    expect(() => detectBursts([1, 2], [10])).toThrow("hits has 2 periods but totals has 1");
  });
});
