import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { termMonthsSql } from "../src/terms/termMonthsSql";

describe("termMonthsSql", () => {
  test("binds scope, whole months and the date basis", () => {
    const queries = termMonthsSql(TrendFilterSchema.parse({ scope: "alignment", from: "2025-02-01", to: "2025-04-30", dateBasis: "published" }));

    expect(queries!.papers.params).toEqual({ tm_scope: "alignment", tm_from: "2025-02-01", tm_to: "2025-04-30" });
    expect(queries!.papers.sql).toContain("SELECT published_month AS month");
    expect(queries!.counts.params).toEqual({ tm_scope: "alignment", tm_from: "2025-02-01", tm_to: "2025-04-30", tm_basis: "published" });
    expect(queries!.counts.sql).not.toContain("alignment");
  });

  test("accepts February month ends", () => {
    expect(termMonthsSql(TrendFilterSchema.parse({ to: "2024-02-29" }))).not.toBeNull();
    expect(termMonthsSql(TrendFilterSchema.parse({ to: "2025-02-28" }))).not.toBeNull();
  });

  test.each([
    ["a From date inside a month", { from: "2025-02-02" }],
    ["a To date before the end of its month", { to: "2025-04-29" }],
    ["a topic", { topics: ["rlhf"] }],
    ["topics that must all be present", { allTopics: ["rlhf"] }],
    ["a term", { terms: ["reward model"] }],
    ["a text search", { q: "reward" }],
    ["code", { hasCode: true }],
    ["a code host", { codeHost: "github.com" }],
    ["an upvote minimum", { minUpvotes: 0 }],
    ["an author range", { minAuthors: 2 }],
    ["an author maximum", { maxAuthors: 5 }],
  ])("is null for %s", (_, values) => {
    expect(termMonthsSql(TrendFilterSchema.parse(values))).toBeNull();
  });
});
