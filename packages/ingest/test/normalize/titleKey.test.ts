import { describe, expect, test } from "vitest";
import { paperIdFromTitleKey, titleKey } from "../../src/normalize/titleKey";

describe("titleKey", () => {
  test("folds case, whitespace and punctuation", () => {
    expect(titleKey("  Direct Preference\n  Optimization:  Your Language Model is Secretly a Reward Model ")).toBe(
      "direct preference optimization your language model is secretly a reward model",
    );
  });

  test("decodes HTML entities once", () => {
    expect(titleKey("Q&amp;A for R&amp;D")).toBe(titleKey("Q&A for R&D"));
    expect(titleKey("&amp;lt;tag&amp;gt;")).toBe("lt tag gt");
  });

  test("folds LaTeX into text", () => {
    expect(titleKey("A 4$\\times$ Faster Decoder")).toBe(titleKey("A 4× faster decoder"));
    expect(titleKey('Aky\\"uz')).toBe(titleKey("Akyüz"));
  });

  test("treats composed and decomposed accents alike", () => {
    expect(titleKey("Ne\u0301e")).toBe(titleKey("Née"));
  });

  test("keeps distinct titles apart", () => {
    expect(titleKey("GPT-4 Technical Report")).not.toBe(titleKey("GPT-3 Technical Report"));
  });
});

describe("paperIdFromTitleKey", () => {
  test("returns a stable id", () => {
    expect(paperIdFromTitleKey("direct preference optimization")).toMatch(/^t[0-9a-f]{16}$/u);
    expect(paperIdFromTitleKey("a")).toBe(paperIdFromTitleKey("a"));
  });
});
