import { describe, expect, test } from "vitest";
import { fileNamePart, imageFileName } from "../lib/chartImage/imageFileName";

describe("fileNamePart", () => {
  test.each([
    ["Topics over time", "Topics-over-time"],
    ["Überalignment", "Überalignment"],
    ["U\u0308beralignment", "Überalignment"],
    ["RLHF | reinforcement learning", "RLHF-reinforcement-learning"],
    ["Topic: Safety / Oversight", "Topic-Safety-Oversight"],
    ['a\\b:c*d?e"f<g>h', "a-b-c-d-e-f-g-h"],
    ["GPT-4.5 evals", "GPT-4.5-evals"],
    ["Growth of each term's share", "Growth-of-each-terms-share"],
    ["the term’s papers", "the-terms-papers"],
    ["...hidden", "hidden"],
    ["a..b", "a.b"],
    ["対齐 研究", "対齐-研究"],
    ["emoji 🚀 term", "emoji-term"],
    ["right\u202Eleft", "right-left"],
    ["  ", ""],
  ])("rewrites %j as %j", (text, expected) => {
    expect(fileNamePart(text)).toBe(expected);
  });
});

describe("imageFileName", () => {
  test("joins parts with underscores and adds the extension", () => {
    expect(imageFileName(["alignment-trends", "Share of all papers per year", "RLHF vs Überalignment", "2025-06-01"], "svg")).toBe(
      "alignment-trends_Share-of-all-papers-per-year_RLHF-vs-Überalignment_2025-06-01.svg",
    );
  });

  test("leaves out empty parts", () => {
    expect(imageFileName(["alignment-trends", "", "?!", "Team sizes"], "png")).toBe("alignment-trends_Team-sizes.png");
  });

  test("names a file without usable parts chart", () => {
    expect(imageFileName(["///"], "png")).toBe("chart.png");
  });

  test("keeps a long name within 200 bytes without splitting a character", () => {
    const name = imageFileName(["alignment-trends", "Ü".repeat(300)], "svg");
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(200);
    expect(name).toBe(`alignment-trends_${"Ü".repeat(89)}.svg`);
  });
});
