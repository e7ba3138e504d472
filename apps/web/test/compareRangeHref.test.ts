import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { compareRangeHref, compareWithoutRangeHref } from "../lib/compareRangeHref";

const QUARTERS = [
  { periodStart: "2024-01-01", periodEnd: "2024-03-31" },
  { periodStart: "2024-04-01", periodEnd: "2024-06-30" },
  { periodStart: "2024-07-01", periodEnd: "2024-09-30" },
  { periodStart: "2024-10-01", periodEnd: "2024-12-31" },
];

function comparison(filter: Record<string, unknown> = {}) {
  return {
    filter: TrendFilterSchema.parse(filter),
    series: [{ kind: "term" as const, term: "Überalignment" }, { kind: "topic" as const, topic: "safety" }],
    bucket: "quarter" as const,
    measure: "share" as const,
  };
}

describe("compareRangeHref", () => {
  test("sets from and to to the bounds of the brushed periods", () => {
    expect(compareRangeHref(comparison({ scope: "alignment" }), QUARTERS, { startIndex: 1, endIndex: 2 })).toBe(
      "/compare?from=2024-04-01&to=2024-09-30&scope=alignment&series=%C3%9Cberalignment&series=topic%3Asafety&bucket=quarter&measure=share",
    );
  });

  test("keeps a filter date inside the brushed periods", () => {
    expect(compareRangeHref(comparison({ from: "2024-02-15", to: "2024-11-30" }), QUARTERS, { startIndex: 0, endIndex: 2 })).toBe(
      "/compare?from=2024-02-15&to=2024-09-30&series=%C3%9Cberalignment&series=topic%3Asafety&bucket=quarter&measure=share",
    );
  });

  test("selects one period", () => {
    expect(compareRangeHref(comparison(), QUARTERS, { startIndex: 3, endIndex: 3 })).toBe(
      "/compare?from=2024-10-01&to=2024-12-31&series=%C3%9Cberalignment&series=topic%3Asafety&bucket=quarter&measure=share",
    );
  });

  test("returns null for every period", () => {
    expect(compareRangeHref(comparison(), QUARTERS, { startIndex: 0, endIndex: 3 })).toBeNull();
  });

  test("returns null for indexes outside the periods", () => {
    expect(compareRangeHref(comparison(), QUARTERS, { startIndex: 2, endIndex: 4 })).toBeNull();
    expect(compareRangeHref(comparison(), QUARTERS, { startIndex: 2, endIndex: 1 })).toBeNull();
    expect(compareRangeHref(comparison(), [], { startIndex: 0, endIndex: 0 })).toBeNull();
  });
});

describe("compareWithoutRangeHref", () => {
  test("drops from and to and keeps the rest", () => {
    expect(compareWithoutRangeHref(comparison({ from: "2024-04-01", to: "2024-09-30", hasCode: true }))).toBe(
      "/compare?hasCode=true&series=%C3%9Cberalignment&series=topic%3Asafety&bucket=quarter&measure=share",
    );
  });
});
