import { describe, expect, test } from "vitest";
import { dropNestedTerms, isBoilerplate } from "../src/terms/boilerplate";

describe("isBoilerplate", () => {
  test.each([
    ["code is publicly", true],
    ["experiments 2024", true],
    ["demonstrate strong performance", true],
    ["agent skills", false],
    ["opd", false],
  ])("%s is boilerplate: %s", (term, expected) => {
    expect(isBoilerplate(term)).toBe(expected);
  });
});

describe("dropNestedTerms", () => {
  test("keeps the longest of nested terms with nearly the same papers, at the best rank", () => {
    const ranked = [
      { term: "opd", recentPapers: 21 },
      { term: "agent skills", recentPapers: 12 },
      { term: "distillation opd", recentPapers: 16 },
      { term: "policy distillation opd", recentPapers: 16 },
    ];
    expect(dropNestedTerms(ranked).map((term) => term.term)).toEqual(["policy distillation opd", "agent skills"]);
  });

  test("keeps nested terms whose papers differ by more than a quarter", () => {
    const ranked = [
      { term: "distillation", recentPapers: 60 },
      { term: "policy distillation", recentPapers: 28 },
    ];
    expect(dropNestedTerms(ranked).map((term) => term.term)).toEqual(["distillation", "policy distillation"]);
  });
});
