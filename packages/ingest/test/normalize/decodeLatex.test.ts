import { describe, expect, test } from "vitest";
import { decodeLatex } from "../../src/normalize/decodeLatex";

describe("decodeLatex", () => {
  test.each([
    ['U\\u{g}urcan Aky\\"uz', "Uğurcan Akyüz"],
    ["{\\'E}cole", "École"],
    ['na\\"ive', "naïve"],
    ['G\\"{o}del', "Gödel"],
    ["Fran\\c{c}ois", "François"],
    ["\\v{S}ediv\\'y", "Šedivý"],
    ["Stra\\ss e", "Straße"],
    ["Bj\\o rn", "Bjørn"],
    ["$L_2$ Norm", "L_2 Norm"],
    ["4$\\times$ faster", "4× faster"],
    ["\\emph{Not} all tokens", "Not all tokens"],
    ["R\\&D at 50\\%", "R&D at 50%"],
    ["{LLM}s with {RLHF}", "LLMs with RLHF"],
  ])("decodes %s as %s", (latex, text) => {
    expect(decodeLatex(latex)).toBe(text);
  });

  test("leaves text without markup unchanged", () => {
    expect(decodeLatex("Direct Preference Optimization: 2× faster")).toBe("Direct Preference Optimization: 2× faster");
  });
});
