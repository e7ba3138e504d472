import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { emergingQuery, termCompareHref, termPapersHref } from "../lib/emergingLinks";

describe("termPapersHref", () => {
  test("narrows the filter to the term and the window", () => {
    const filter = TrendFilterSchema.parse({ scope: "alignment" });
    expect(termPapersHref(filter, "world models", { from: "2026-06-01", to: "2026-08-31" })).toBe(
      "/papers?from=2026-06-01&to=2026-08-31&scope=alignment&term=world+models",
    );
  });

  test("clips the window to the filter's dates", () => {
    const filter = TrendFilterSchema.parse({ to: "2026-08-15" });
    expect(termPapersHref(filter, "robot", { from: "2026-06-01", to: "2026-08-31" })).toBe("/papers?from=2026-06-01&to=2026-08-15&term=robot");
  });
});

describe("termCompareHref", () => {
  test("puts the term first and keeps the filter", () => {
    const filter = TrendFilterSchema.parse({ scope: "alignment", hasCode: true });
    expect(termCompareHref(filter, "policy distillation")).toBe("/compare?series=policy+distillation&scope=alignment&hasCode=true");
  });

  test("without filters links the term alone", () => {
    expect(termCompareHref(TrendFilterSchema.parse({}), "egocentric")).toBe("/compare?series=egocentric");
  });
});

describe("emergingQuery", () => {
  test("writes the filter and every setting", () => {
    const filter = TrendFilterSchema.parse({ scope: "alignment" });
    expect(emergingQuery(filter, { window: 6, minPapers: 10, limit: 20 })).toBe("scope=alignment&window=6&minPapers=10&limit=20");
  });
});
