import { describe, expect, inject, test } from "vitest";
import { listApiQueryCases } from "./apiQueryCases";
import { measureApiQueries } from "./measureApiQueries";

describe("measureApiQueries", () => {
  test("every default case on the samples", async () => {
    const report = await measureApiQueries({ databasePath: inject("samplesDatabase"), coldSamples: 1, warmSamples: 2 });

    expect(report.measurements.map((measurement) => measurement.name)).toEqual(listApiQueryCases("any").map((queryCase) => queryCase.name));
    for (const measurement of report.measurements) {
      expect(measurement.status, measurement.name).toBe(200);
      expect(measurement.bodyBytes, measurement.name).toBeGreaterThan(0);
      expect(measurement.cold.samples, measurement.name).toBe(1);
      expect(measurement.warm.samples, measurement.name).toBe(2);
      expect(measurement.cacheHits, measurement.name).toEqual({ cold: 0, warm: 0 });
    }
    expect((globalThis as { trendsDatabase?: unknown }).trendsDatabase).toBeUndefined();
  });

  test("server database serves warm from cache", async () => {
    const report = await measureApiQueries({
      databasePath: inject("samplesDatabase"),
      database: "server",
      coldSamples: 2,
      warmSamples: 3,
      cases: [{ name: "cooccurrence", path: "/api/v1/cooccurrence" }],
    });

    expect(report.database).toBe("server");
    expect(report.measurements).toHaveLength(1);
    expect(report.measurements[0]!.cold.samples).toBe(2);
    expect(report.measurements[0]!.warm.samples).toBe(3);
    expect(report.measurements[0]!.cacheHits).toEqual({ cold: 0, warm: 3 });
  });

  test("rejects a request answered with 400", async () => {
    const cases = [{ name: "unknown metric", path: "/api/v1/trends?metric=topics" }];

    await expect(measureApiQueries({ databasePath: inject("samplesDatabase"), coldSamples: 1, warmSamples: 1, cases })).rejects.toThrow(
      'GET /api/v1/trends?metric=topics returned HTTP 400: {"error":{"parameter":"metric","message":"Invalid parameter \\"metric\\": ' +
        'Invalid option: expected one of \\"papers\\"|\\"authors\\"|\\"team-sizes\\"|\\"code\\"|\\"upvotes\\"|\\"scope-shares\\", not \\"topics\\""}}; ' +
        "fix the request or the database",
    );
  });

  test("rejects a missing database", async () => {
    const cases = [{ name: "cooccurrence", path: "/api/v1/cooccurrence" }];

    await expect(measureApiQueries({ databasePath: "/nonexistent/trends.duckdb", cases })).rejects.toThrow(
      'Failed to open /nonexistent/trends.duckdb read-only: IO Error: Cannot open database "/nonexistent/trends.duckdb" in read-only mode: ' +
        "database does not exist; create it with npm run ingest -- --db /nonexistent/trends.duckdb",
    );
  });
});
