import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { drillDownHref, filterToParams } from "../lib/filterParams";

describe("drillDownHref", () => {
  test("narrows the view's filter to a period and a topic", () => {
    const filter = TrendFilterSchema.parse({ hasCode: true, q: "reward" });
    expect(drillDownHref(filter, { periodStart: "2025-04-01", periodEnd: "2025-06-30", topic: "rlhf" })).toBe(
      "/papers?from=2025-04-01&to=2025-06-30&topic=rlhf&hasCode=true&q=reward",
    );
  });

  test("clips the period to the view's own date range", () => {
    const filter = TrendFilterSchema.parse({ from: "2025-04-15", to: "2025-05-10" });
    expect(drillDownHref(filter, { periodStart: "2025-04-01", periodEnd: "2025-04-30" })).toBe("/papers?from=2025-04-15&to=2025-04-30");
    expect(drillDownHref(filter, { periodStart: "2025-05-01", periodEnd: "2025-05-31" })).toBe("/papers?from=2025-05-01&to=2025-05-10");
  });

  test("intersects a team-size bin with the view's author bounds", () => {
    const filter = TrendFilterSchema.parse({ minAuthors: 8 });
    expect(drillDownHref(filter, { minAuthors: 6, maxAuthors: 10, sort: "authors" })).toBe("/papers?minAuthors=8&maxAuthors=10&sort=authors");
  });
});

describe("drillDownHref for terms and topic pairs", () => {
  test("adds a term to the view's terms and keeps the window's dates", () => {
    const filter = TrendFilterSchema.parse({ scope: "alignment", terms: ["reward model"] });
    expect(drillDownHref(filter, { term: "DPO | direct preference optimization", periodStart: "2026-06-01", periodEnd: "2026-08-31" })).toBe(
      "/papers?from=2026-06-01&to=2026-08-31&scope=alignment&term=reward+model&term=DPO+%7C+direct+preference+optimization",
    );
  });

  test("asks for both topics of a co-occurrence cell", () => {
    expect(drillDownHref(TrendFilterSchema.parse({}), { allTopics: ["rlhf", "evaluation"] })).toBe("/papers?allTopics=rlhf%2Cevaluation");
  });
});

describe("drillDownHref contradictions", () => {
  test.each([
    [{ scope: "off-topic" }, { scope: "alignment" }],
    [{ hasCode: false }, { hasCode: true }],
    [{ hasCode: false }, { codeHost: "github.com" }],
    [{ codeHost: "gitlab.com" }, { codeHost: "github.com" }],
    [{ topics: ["rlhf"] }, { topic: "safety" }],
    [{ maxAuthors: 3 }, { minAuthors: 6, maxAuthors: 10 }],
  ] as const)("returns null for %o narrowed to %o", (filter, element) => {
    expect(drillDownHref(TrendFilterSchema.parse(filter), element)).toBeNull();
  });

  test("keeps an element that agrees with the filter", () => {
    expect(drillDownHref(TrendFilterSchema.parse({ scope: "alignment" }), { scope: "alignment" })).toBe("/papers?scope=alignment");
  });
});

describe("filterToParams", () => {
  test("repeats the topic parameter for each topic", () => {
    expect(filterToParams(TrendFilterSchema.parse({ topics: ["rlhf", "safety"] })).toString()).toBe("topic=rlhf&topic=safety");
  });
});
