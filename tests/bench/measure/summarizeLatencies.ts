import { percentile } from "./percentile";

/** Percentiles of a set of durations, in milliseconds. */
export interface LatencySummary {
  samples: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Summarizes durations in milliseconds, with percentiles as `percentile` defines them. */
export function summarizeLatencies(durationsMs: readonly number[]): LatencySummary {
  if (durationsMs.length === 0) throw new RangeError("Cannot summarize no durations; measure at least one sample");
  // Loops instead of Math.min(...values), which overflows the call stack past about 100,000 arguments.
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of durationsMs) {
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return {
    samples: durationsMs.length,
    p50: percentile(durationsMs, 50),
    p90: percentile(durationsMs, 90),
    p95: percentile(durationsMs, 95),
    p99: percentile(durationsMs, 99),
    min,
    max,
    mean: sum / durationsMs.length,
  };
}
