import { describe, expect, test } from "vitest";
import { growthAxisTicks } from "../lib/growthAxisTicks";

describe("growthAxisTicks", () => {
  test("small growth stops at the first tick above it", () => {
    expect(growthAxisTicks(1.2)).toEqual([1, 1.5]);
    expect(growthAxisTicks(2.5)).toEqual([1, 1.5, 2, 3]);
  });

  test("growth on a tick ends there", () => {
    expect(growthAxisTicks(2)).toEqual([1, 1.5, 2]);
    expect(growthAxisTicks(10)).toEqual([1, 1.5, 2, 3, 5, 10]);
  });

  test("large growth steps by 1, 2 and 5", () => {
    expect(growthAxisTicks(18.61)).toEqual([1, 1.5, 2, 3, 5, 10, 20]);
    expect(growthAxisTicks(300)).toEqual([1, 1.5, 2, 3, 5, 10, 20, 50, 100, 200, 500]);
  });

  test("growth of 1 still gets two ticks", () => {
    expect(growthAxisTicks(1)).toEqual([1, 1.5]);
  });
});
