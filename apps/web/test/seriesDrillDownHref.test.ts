import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { seriesDrillDownHref } from "../lib/seriesDrillDownHref";

const PERIOD = { periodStart: "2025-01-01", periodEnd: "2025-03-31" };

describe("seriesDrillDownHref", () => {
  test("adds a term series to the filter's terms", () => {
    const filter = TrendFilterSchema.parse({ scope: "alignment" });
    expect(seriesDrillDownHref(filter, { kind: "term", term: "DPO | direct preference optimization" }, PERIOD)).toBe(
      "/papers?from=2025-01-01&to=2025-03-31&scope=alignment&term=DPO+%7C+direct+preference+optimization",
    );
  });

  test("lists a topic series by its topic", () => {
    expect(seriesDrillDownHref(TrendFilterSchema.parse({}), { kind: "topic", topic: "safety" }, PERIOD)).toBe(
      "/papers?from=2025-01-01&to=2025-03-31&topic=safety",
    );
  });

  test("narrows the filter's topics to the series' topic", () => {
    const filter = TrendFilterSchema.parse({ topics: ["rlhf", "safety"] });
    expect(seriesDrillDownHref(filter, { kind: "topic", topic: "safety" }, PERIOD)).toBe("/papers?from=2025-01-01&to=2025-03-31&topic=safety");
  });

  test("requires a topic outside the filter's topics as well", () => {
    const filter = TrendFilterSchema.parse({ topics: ["rlhf"] });
    expect(seriesDrillDownHref(filter, { kind: "topic", topic: "safety" }, PERIOD)).toBe(
      "/papers?from=2025-01-01&to=2025-03-31&topic=rlhf&allTopics=safety",
    );
  });

  test("clips the period to the filter's dates", () => {
    const filter = TrendFilterSchema.parse({ from: "2025-02-10" });
    expect(seriesDrillDownHref(filter, { kind: "term", term: "RLHF" }, PERIOD)).toBe("/papers?from=2025-02-10&to=2025-03-31&term=RLHF");
  });
});
