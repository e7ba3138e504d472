import { TrendFilterSchema, type TrendFilter } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { buildExportFileName, slugForFileName } from "../../lib/export/buildExportFileName";

const filterOf = (input: Partial<TrendFilter>): TrendFilter => TrendFilterSchema.parse(input);

describe("buildExportFileName", () => {
  test("names a table without filters", () => {
    expect(buildExportFileName({ table: "code-share", filter: filterOf({}), bucket: "year" }, "csv")).toBe("alignment-trends_code-share_year.csv");
  });

  test("shortens whole months of a range", () => {
    const filter = filterOf({ topics: ["rlhf"], from: "2024-01-01", to: "2024-12-31" });
    expect(buildExportFileName({ table: "papers-per-period", filter, bucket: "month" }, "parquet")).toBe(
      "alignment-trends_papers-per-period_topic-rlhf_month_2024-01_2024-12.parquet",
    );
  });

  test.each([
    [{ from: "2024-03-15" }, "alignment-trends_upvotes_from-2024-03-15.csv"],
    [{ to: "2024-02-29" }, "alignment-trends_upvotes_to-2024-02.csv"],
    [{ to: "2024-02-28" }, "alignment-trends_upvotes_to-2024-02-28.csv"],
    [{ from: "2024-01-01", to: "2024-06-15" }, "alignment-trends_upvotes_2024-01_2024-06-15.csv"],
  ])("writes the range of %j", (range, expected) => {
    expect(buildExportFileName({ table: "upvotes", filter: filterOf(range) }, "csv")).toBe(expected);
  });

  test.each([
    [
      { scope: "alignment", topics: ["rlhf", "safety"], allTopics: ["interpretability"], hasCode: true, codeHost: "github.com", minUpvotes: 5 },
      "alignment-trends_paper-list_by-upvotes-desc_scope-alignment_topic-rlhf+safety_all-topics-interpretability_with-code_host-github-com_min-upvotes-5.csv",
    ],
    [
      { hasCode: false, minAuthors: 2, maxAuthors: 10, q: "reward hacking", terms: ["DPO | direct preference optimization"], dateBasis: "published", upvoteBasis: "first-week" },
      "alignment-trends_paper-list_by-upvotes-desc_without-code_authors-2-10_search-reward-hacking_term-dpo-direct-preference-optimization_published-dates_first-week-upvotes.csv",
    ],
    [{ minAuthors: 3 }, "alignment-trends_paper-list_by-upvotes-desc_authors-3-plus.csv"],
    [{ maxAuthors: 1 }, "alignment-trends_paper-list_by-upvotes-desc_authors-up-to-1.csv"],
  ] as const)("names the filters %j in a fixed order", (input, expected) => {
    const filter = filterOf(input as Partial<TrendFilter>);
    expect(buildExportFileName({ table: "paper-list", filter, qualifiers: ["by-upvotes-desc"] }, "csv")).toBe(expected);
  });

  test("keeps letters of any script from search text", () => {
    expect(buildExportFileName({ table: "paper-list", filter: filterOf({ q: "Präferenz 対齐/../" }) }, "json")).toBe(
      "alignment-trends_paper-list_search-präferenz-対齐.json",
    );
  });

  test("cuts a long name to 200 bytes", () => {
    const filter = filterOf({ terms: ["alignment tax", "reward model overoptimization", "constitutional ai", "weak to strong", "sleeper agents", "sycophancy", "jailbreak", "対齐 研究 方法 评估"] });
    const name = buildExportFileName({ table: "compare", filter, bucket: "month" }, "parquet");
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^alignment-trends_compare_term-alignment-tax_.*[^-_+]\.parquet$/u);
  });
});

describe("slugForFileName", () => {
  test.each([
    ["RLHF", "rlhf"],
    ["  ../../etc/passwd  ", "etc-passwd"],
    ['a"b\\c:d*e?f', "a-b-c-d-e-f"],
    ["???", ""],
    ["e\u0301cole", "école"],
  ])("slugs %j as %j", (text, expected) => {
    expect(slugForFileName(text)).toBe(expected);
  });
});
