import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { compareToParams } from "../lib/compareToParams";
import { parseCompareQuery } from "../lib/parseCompareQuery";

describe("compareToParams", () => {
  test("writes filter, series, bucket and measure", () => {
    const params = compareToParams({
      filter: TrendFilterSchema.parse({ from: "2025-01-01", hasCode: true }),
      series: [
        { kind: "term", term: "DPO | direct preference optimization" },
        { kind: "topic", topic: "safety" },
      ],
      bucket: "quarter",
      measure: "papers",
    });
    expect(params.toString()).toBe(
      "from=2025-01-01&hasCode=true&series=DPO+%7C+direct+preference+optimization&series=topic%3Asafety&bucket=quarter&measure=papers",
    );
  });

  test("round-trips through parseCompareQuery", () => {
    const comparison = {
      filter: TrendFilterSchema.parse({ scope: "alignment", topics: ["rlhf"], q: "reward" }),
      series: [
        { kind: "term" as const, term: "reward hacking" },
        { kind: "topic" as const, topic: "reward-modeling" },
      ],
      bucket: "week" as const,
      measure: "index" as const,
    };
    expect(parseCompareQuery(compareToParams(comparison))).toEqual({ ok: true, ...comparison });
  });
});
