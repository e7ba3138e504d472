import type { MemorySample } from "./sampleResidentMemory";

const MIB = 1024 * 1024;
/** The time after the settle time that the drift leaves out, while the new build's caches fill. */
const WARM_UP_MS = 10_000;
/**
 * The length of the two windows whose medians the drift compares. Garbage
 * collection makes the RSS of a loaded server swing by 100 MiB or more in
 * cycles of about 30 s, so a shorter window would mostly compare phases of
 * that cycle.
 */
const WINDOW_MS = 20_000;

/** How resident memory moved after the server settled, in MiB. */
export interface MemoryDrift {
  /** The median of the readings from 10 s to 30 s after the server settled. */
  settledMedianMiB: number;
  /** The median of the readings of the last 20 s. */
  finalMedianMiB: number;
  /** The least-squares slope of the readings from 10 s after the server settled to the end, in MiB per minute. */
  slopeMiBPerMinute: number;
}

/** Figures of a resident-memory series, in MiB. */
export interface MemoryTrend {
  samples: number;
  startMiB: number;
  endMiB: number;
  peakMiB: number;
  /** Null when no settle time was given. */
  drift: MemoryDrift | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function fitSlope(points: { x: number; y: number }[]): number {
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    variance += (point.x - meanX) ** 2;
  }
  return covariance / variance;
}

function measureDrift(samples: MemorySample[], settledAt: number): MemoryDrift {
  const last = samples.at(-1)!;
  const within = (fromMs: number, toMs: number) => samples.filter((sample) => sample.at >= fromMs && sample.at < toMs);
  const settled = within(settledAt + WARM_UP_MS, settledAt + WARM_UP_MS + WINDOW_MS);
  const final = within(last.at - WINDOW_MS, Infinity);
  const sloped = within(settledAt + WARM_UP_MS, Infinity);
  if (last.at - settledAt < WARM_UP_MS + 2 * WINDOW_MS || settled.length < 2 || final.length < 2) {
    throw new Error(
      `Expected readings for at least 50 s after the server settled, got ${((last.at - settledAt) / 1000).toFixed(1)} s ` +
        `with ${settled.length} readings in seconds 10–30 and ${final.length} in the last 20 s`,
    );
  }
  return {
    settledMedianMiB: median(settled.map((sample) => sample.bytes / MIB)),
    finalMedianMiB: median(final.map((sample) => sample.bytes / MIB)),
    slopeMiBPerMinute: fitSlope(sloped.map((sample) => ({ x: (sample.at - settledAt) / 60_000, y: sample.bytes / MIB }))),
  };
}

/**
 * Summarizes a series of readings. With `settledAt`, the `performance.now()`
 * time from which the server should hold steady (such as when it served the
 * last ingest's papers), it also measures the drift after it, which needs
 * readings for at least 50 s after `settledAt`.
 */
export function summarizeMemoryTrend(samples: MemorySample[], settledAt?: number): MemoryTrend {
  if (samples.length === 0) throw new Error("Expected at least one memory reading, got none");
  const mebibytes = samples.map((sample) => sample.bytes / MIB);
  return {
    samples: samples.length,
    startMiB: mebibytes[0]!,
    endMiB: mebibytes.at(-1)!,
    peakMiB: Math.max(...mebibytes),
    drift: settledAt === undefined ? null : measureDrift(samples, settledAt),
  };
}
