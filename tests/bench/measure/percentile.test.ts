import { describe, expect, test } from "vitest";
import { percentile } from "./percentile";
import { summarizeLatencies } from "./summarizeLatencies";

describe("percentile", () => {
  test("interpolates between ranks", () => {
    const values = [40, 10, 30, 20];
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 50)).toBe(25);
    expect(percentile(values, 90)).toBeCloseTo(37, 12);
    expect(percentile(values, 100)).toBe(40);
  });

  test("returns the only value of one sample", () => {
    expect(percentile([7.5], 50)).toBe(7.5);
    expect(percentile([7.5], 99)).toBe(7.5);
  });

  test("p95 of five runs", () => {
    // Rank 0.95 × 4 = 3.8, so 80 % of the way from the 4th value to the 5th.
    expect(percentile([100, 120, 110, 200, 130], 95)).toBeCloseTo(186, 12);
  });

  test("rejects no values and an invalid percentile", () => {
    expect(() => percentile([], 50)).toThrow("Cannot take a percentile of no values; measure at least one sample");
    expect(() => percentile([1], 101)).toThrow("Invalid percentile 101; expected a number from 0 to 100");
    expect(() => percentile([1], Number.NaN)).toThrow("Invalid percentile NaN; expected a number from 0 to 100");
  });
});

describe("summarizeLatencies", () => {
  test("summary of 1 to 100 ms", () => {
    const durations = Array.from({ length: 100 }, (_, index) => 100 - index);
    const summary = summarizeLatencies(durations);

    expect(summary.samples).toBe(100);
    expect(summary.p50).toBe(50.5);
    expect(summary.p90).toBeCloseTo(90.1, 12);
    expect(summary.p95).toBeCloseTo(95.05, 12);
    expect(summary.p99).toBeCloseTo(99.01, 12);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(100);
    expect(summary.mean).toBe(50.5);
  });

  test("many samples without overflow", () => {
    const durations = Array.from({ length: 300_000 }, (_, index) => index % 1000);
    const summary = summarizeLatencies(durations);
    expect(summary.min).toBe(0);
    expect(summary.max).toBe(999);
    expect(summary.samples).toBe(300_000);
  });
});
