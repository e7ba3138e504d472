import { describe, expect, test } from "vitest";
import { dropNestedTerms, isBoilerplate } from "../src/terms/boilerplate";

describe("isBoilerplate", () => {
  test.each([
    ["code is publicly", true],
    ["experiments 2024", true],
    ["demonstrate strong performance", true],
    ["agent skills", false],
    ["opd", false],
    ["train constitutional classifiers", true],
    ["methods achieve", true],
    ["reward model", false],
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

  test("joins a term to the group of any member it nests with", () => {
    const ranked = [
      { term: "constitutional", recentPapers: 9 },
      { term: "classifiers", recentPapers: 9 },
      { term: "constitutional classifiers", recentPapers: 9 },
      { term: "universal jailbreaks", recentPapers: 4 },
    ];
    expect(dropNestedTerms(ranked).map((term) => term.term)).toEqual(["constitutional classifiers", "universal jailbreaks"]);
  });

  test("keeps nested terms whose papers differ by more than a quarter", () => {
    const ranked = [
      { term: "distillation", recentPapers: 60 },
      { term: "policy distillation", recentPapers: 28 },
    ];
    expect(dropNestedTerms(ranked).map((term) => term.term)).toEqual(["distillation", "policy distillation"]);
  });
});
