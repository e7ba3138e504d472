import { describe, expect, test } from "vitest";
import { compileRules, findLeadingLiteral, foldCase, prepareText, scoreRules } from "../../src/topics/compileRules";

const rules = (phrases: string[], patterns: string[] = []) =>
  compileRules({ phrases, patterns, excludePhrases: [], excludePatterns: [], minScore: 1 });

const text = (title: string, abstract = "") => prepareText({ title, keywords: "", abstract });

describe("findLeadingLiteral", () => {
  test.each([
    ["\\balign(?:s|ed|ing|ment)?\\b", "align"],
    ["\\balignment\\s+(?:algorithm|method)s?\\b", "alignment"],
    ["Reward\\s+model", "reward"],
    ["\\bllms?\\b", "llm"],
    ["\\b(?:llms?|language\\s+models?)\\s+with\\b", null],
    ["reward|penalty", null],
    ["(?:reward)|penalty", null],
    ["[|]reward", null],
    ["ab", null],
    ["abc*d", null],
    ["abcd{2}", "abc"],
  ])("%s gives %s", (source, literal) => {
    expect(findLeadingLiteral(source)).toBe(literal);
  });
});

describe("foldCase", () => {
  test("folds the long s and the Kelvin sign", () => {
    expect(foldCase("\u017FAFETY \u212Aey")).toBe("safety key");
  });
});

describe("scoreRules", () => {
  test("finds a phrase whose first word the text spells with a long s", () => {
    expect(scoreRules(rules(["safety case"]), text("A \u017Fafety case for agents")).evidence).toEqual(["\u017Fafety case (title)"]);
  });

  test("matches an open phrase inside a longer word", () => {
    expect(scoreRules(rules(["jailbreak*"]), text("Jailbreaking aligned models")).evidence).toEqual(["jailbreaking (title)"]);
  });

  test("matches a phrase joined by a hyphen", () => {
    expect(scoreRules(rules(["reward hacking"]), text("Spotting reward-hacking early")).evidence).toEqual(["reward-hacking (title)"]);
  });

  test("skips a phrase whose first word is only part of a word", () => {
    expect(scoreRules(rules(["reward model"]), text("Rewarded model behaviour")).applies).toBe(false);
  });

  test("runs a pattern whose literal starts a longer word", () => {
    expect(scoreRules(rules([], ["\\balign(?:s|ed|ing)?\\b"]), text("", "We aligned the model.")).evidence).toEqual(["aligned"]);
  });
});
