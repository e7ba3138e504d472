import { describe, expect, test } from "vitest";
import { formatMeasure, measureValue } from "../lib/compareMeasures";

describe("measureValue", () => {
  const value = { papers: 12, share: 0.0092, index: 6 };

  test.each([
    ["papers", 12],
    ["share", 0.0092],
    ["index", 6],
  ] as const)("returns the %s", (measure, expected) => {
    expect(measureValue(value, measure)).toBe(expected);
  });

  test("returns null for a period without papers", () => {
    expect(measureValue({ papers: 0, share: null, index: null }, "share")).toBeNull();
  });
});

describe("formatMeasure", () => {
  test.each([
    [0.0004, "share", "0.04%"],
    [0.0123, "share", "1.23%"],
    [0.1667, "share", "16.7%"],
    [0, "share", "0%"],
    [1234, "papers", "1,234"],
    [100, "index", "100"],
    [null, "index", "–"],
  ] as const)("formats %s as %s", (value, measure, expected) => {
    expect(formatMeasure(value, measure)).toBe(expected);
  });
});
