import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { filteredPapersSql, searchTerms } from "../src/filteredPapers";
import { formatPeriodLabel } from "../src/periods";

describe("formatPeriodLabel", () => {
  test.each([
    ["week", "2025-06-02", "2025-06-02"],
    ["month", "2025-06-01", "2025-06"],
    ["quarter", "2025-04-01", "2025 Q2"],
    ["quarter", "2025-10-01", "2025 Q4"],
    ["year", "2025-01-01", "2025"],
  ] as const)("labels a %s starting %s as %s", (bucket, start, label) => {
    expect(formatPeriodLabel(bucket, start)).toBe(label);
  });
});

describe("searchTerms", () => {
  test.each([
    ["jailbreak safety", ["jailbreak", "safety"]],
    ["  reward   model ", ["reward", "model"]],
    ['"reward model" "over  optimization" rlhf', ["reward model", "over optimization", "rlhf"]],
    ['"unclosed phrase', ['"unclosed', "phrase"]],
    ["", []],
  ])("splits %j into %j", (query, terms) => {
    expect(searchTerms(query)).toEqual(terms);
  });

  test("keeps at most ten terms", () => {
    expect(searchTerms("a b c d e f g h i j k l")).toHaveLength(10);
  });
});

describe("filteredPapersSql", () => {
  test("keeps every filter value out of the SQL text", () => {
    const filter = TrendFilterSchema.parse({
      from: "2025-01-01",
      to: "2025-12-31",
      scope: "alignment",
      topics: ["safety"],
      hasCode: true,
      codeHost: "github.com'; --",
      minUpvotes: 5,
      minAuthors: 2,
      maxAuthors: 9,
      q: "x' OR '1'='1",
    });
    const query = filteredPapersSql(filter);
    expect(query.sql).not.toContain("github.com");
    expect(query.sql).not.toContain("OR '1'");
    expect(query.sql).not.toContain("2025-01-01");
    expect(Object.keys(query.params ?? {}).sort()).toEqual([
      "clause_break", "f_code_host", "f_from", "f_has_code", "f_max_authors", "f_min_authors", "f_min_upvotes", "f_q0", "f_q0_end", "f_q1", "f_q2", "f_q2_end",
      "f_scope", "f_to", "f_topics",
    ]);
  });

  test("selects every paper without a filter", () => {
    expect(filteredPapersSql(TrendFilterSchema.parse({})).sql).not.toContain("WHERE");
  });
});
