import { describe, expect, test } from "vitest";
import { countPeriods } from "../src/periodRange";

describe("countPeriods", () => {
  test.each([
    ["week", "2025-01-06", "2025-01-12", 1],
    ["week", "2025-01-05", "2025-01-06", 2],
    ["week", "2025-01-06", "2025-02-09", 5],
    ["month", "2024-05-27", "2026-08-10", 28],
    ["quarter", "2024-03-31", "2024-04-01", 2],
    ["quarter", "2022-12-27", "2026-08-10", 16],
    ["year", "2022-12-27", "2026-08-10", 5],
    ["week", "2022-12-27", "2205-01-01", 9498],
  ] as const)("counts %s periods from %s to %s as %d", (bucket, from, to, expected) => {
    expect(countPeriods(bucket, from, to)).toBe(expected);
  });
});
