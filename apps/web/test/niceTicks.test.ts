import { describe, expect, test } from "vitest";
import { niceTicks } from "../lib/niceTicks";

describe("niceTicks", () => {
  test.each([
    [0.26, [0, 0.1, 0.2, 0.3]],
    [0.25, [0, 0.1, 0.2, 0.3]],
    [0.1667, [0, 0.05, 0.1, 0.15, 0.2]],
    [0.0276, [0, 0.01, 0.02, 0.03]],
    [0.09, [0, 0.025, 0.05, 0.075, 0.1]],
    [0.01, [0, 0.0025, 0.005, 0.0075, 0.01]],
    [1, [0, 0.25, 0.5, 0.75, 1]],
    [60, [0, 20, 40, 60]],
  ])("spaces ticks up to %s", (max, expected) => {
    expect(niceTicks(max)).toEqual(expected);
  });

  test("rejects a maximum of zero", () => {
    expect(() => niceTicks(0)).toThrow("niceTicks needs a positive finite maximum, not 0");
  });
});
