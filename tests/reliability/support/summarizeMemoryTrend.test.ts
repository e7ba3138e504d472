import { describe, expect, test } from "vitest";
import type { MemorySample } from "./sampleResidentMemory";
import { summarizeMemoryTrend } from "./summarizeMemoryTrend";

const MIB = 1024 * 1024;

/** One reading a second for 61 s, growing by 1 MiB a second from 200 MiB. */
const GROWING: MemorySample[] = Array.from({ length: 61 }, (_, second) => ({ at: 5_000 + second * 1000, bytes: (200 + second) * MIB }));

describe("summarizeMemoryTrend", () => {
  test("reports start, end and peak", () => {
    const trend = summarizeMemoryTrend([
      { at: 0, bytes: 300 * MIB },
      { at: 1000, bytes: 450 * MIB },
      { at: 2000, bytes: 320 * MIB },
    ]);

    expect(trend).toEqual({ samples: 3, startMiB: 300, endMiB: 320, peakMiB: 450, drift: null });
  });

  test("measures drift after settle time", () => {
    const trend = summarizeMemoryTrend(GROWING, 5_000);

    // Seconds 10–29 hold 210…229 MiB, the last 20 s (seconds 40–60) hold 240…260 MiB.
    expect(trend.drift!.settledMedianMiB).toBe(219.5);
    expect(trend.drift!.finalMedianMiB).toBe(250);
    expect(trend.drift!.slopeMiBPerMinute).toBeCloseTo(60, 9);
  });

  test("finds no slope in flat series", () => {
    const flat = GROWING.map((sample, index) => ({ at: sample.at, bytes: (index % 2 === 0 ? 400 : 410) * MIB }));

    const drift = summarizeMemoryTrend(flat, 5_000).drift!;

    expect(drift.settledMedianMiB).toBe(405);
    expect(drift.finalMedianMiB).toBe(400);
    expect(Math.abs(drift.slopeMiBPerMinute)).toBeLessThan(1);
  });

  test("rejects series shorter than 50 s after settling", () => {
    expect(() => summarizeMemoryTrend(GROWING, 20_000)).toThrow(
      "Expected readings for at least 50 s after the server settled, got 45.0 s with 20 readings in seconds 10–30 and 21 in the last 20 s",
    );
  });
});
