import { describe, expect, test } from "vitest";
import { formatScaleReport, type ScaleBenchReport, type ScaleResult } from "./formatScaleReport";
import type { ApiQueryMeasurement } from "./measure/measureApiQueries";
import type { LatencySummary } from "./measure/summarizeLatencies";

const latency = (p50: number, p95: number): LatencySummary => ({ samples: 5, p50, p90: p95, p95, p99: p95, min: p50, max: p95, mean: p50 });

const measurement = (name: string, coldP95: number, warmP95: number): ApiQueryMeasurement =>
  ({ name, path: `/api/v1/${name}`, status: 200, bodyBytes: 100, cold: latency(coldP95 / 2, coldP95), warm: latency(warmP95 / 2, warmP95) }) as ApiQueryMeasurement;

function scale(papers: number, ingestMs: number, floorMs: number, measurements: ApiQueryMeasurement[]): ScaleResult {
  return {
    papers,
    digests: { summary: { apiFiles: 100, bytes: 50 * 2 ** 20 }, jsonFolder: "api", pagesFolder: "pages", reused: false } as ScaleResult["digests"],
    ingest: {
      runs: 3,
      records: papers,
      rejected: 0,
      papers,
      ingestMs,
      ingestPeakRssMiB: 900,
      stepsMs: { load: ingestMs / 2, tag: ingestMs / 4, index: ingestMs / 4 },
      floorMs,
      floorPeakRssMiB: 400,
      floorRows: papers,
      pagesMs: 2000,
      pagesRecords: 300,
      papersAfterPages: papers + 10,
      databaseBytes: 80 * 2 ** 20,
    },
    api: { databasePath: "x", database: "uncached", measurements },
  };
}

function report(scales: ScaleResult[]): ScaleBenchReport {
  return { command: "npm run bench", date: "2026-12-05", machine: "test machine", seed: 1, runs: 3, scales, server: null, elapsedSeconds: 600 };
}

describe("formatScaleReport", () => {
  test("marks the ingest ratio against its target", () => {
    const text = formatScaleReport(report([scale(10_000, 12_000, 10_000, []), scale(100_000, 60_000, 20_000, [])]));
    expect(text).toContain("| ingest time / floor time (target ≤ 1.5) | 1.2, met | 3.0, **missed** |");
    expect(text).toContain("| of which reading and merging / tagging / term index | 6.0 s / 3.0 s / 3.0 s | 30.0 s / 15.0 s / 15.0 s |");
    expect(text).toContain("| papers per second | 833 | 1,667 |");
  });

  test("lists the requests over the latency target", () => {
    const text = formatScaleReport(report([scale(100_000, 1, 1, [measurement("trends", 80, 40), measurement("emerging", 300, 120)])]));
    expect(text).toContain("| emerging | 150 ms / 300 ms ✗ | 60 ms / 120 ms ✗ |");
    expect(text).toContain("| trends | 40 ms / 80 ms | 20 ms / 40 ms |");
    expect(text).toContain("- 100,000 papers, target p95 ≤ 100 ms: **missed** by 1 of 2 requests: emerging (cold 300 ms, warm 120 ms).");
  });

  test("holds a million papers to 500 ms", () => {
    const text = formatScaleReport(report([scale(1_000_000, 1, 1, [measurement("emerging", 300, 120)])]));
    expect(text).toContain("- 1,000,000 papers, target p95 ≤ 500 ms: met by every request, cold and warm.");
    expect(text).toContain("Peak memory at 1,000,000 papers: 900 MiB against 1536 MiB, met.");
  });
});
