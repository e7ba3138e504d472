import { describe, expect, test } from "vitest";
import { isTableSeparator, markdownLinks, splitTableRow, stripMarkdown } from "../../src/formats/markdown";

describe("markdown helpers", () => {
  test("markdownLinks finds every link", () => {
    expect(markdownLinks("Read more on [arXiv](https://arxiv.org/abs/2409.20566) or [HuggingFace](https://huggingface.co/papers/2409.20566)")).toEqual([
      { text: "arXiv", url: "https://arxiv.org/abs/2409.20566" },
      { text: "HuggingFace", url: "https://huggingface.co/papers/2409.20566" },
    ]);
  });

  test("splitTableRow splits cells and keeps escaped pipes", () => {
    expect(splitTableRow("| 23.06 |  MIT  | [A \\| B](https://x) | kw |")).toEqual(["23.06", "MIT", "[A | B](https://x)", "kw"]);
    expect(splitTableRow("not a row")).toBeNull();
  });

  test("isTableSeparator recognizes header rules", () => {
    expect(isTableSeparator(["---", ":---:", "-----"])).toBe(true);
    expect(isTableSeparator(["1", "---"])).toBe(false);
  });

  test("stripMarkdown keeps plain text", () => {
    expect(stripMarkdown("1) **Muse: Text-To-Image** - introduces [Muse](https://x)<br>with `code` and *emphasis*")).toBe(
      "1) Muse: Text-To-Image - introduces Muse with code and emphasis",
    );
  });
});

describe("markdown helpers on long lines of unclosed marks", () => {
  // Each line took seconds before the patterns stopped at the next `[` (quadratic in the line length); now each takes milliseconds.
  const lines = [
    ["unclosed links", "[a](".repeat(50_000), "[a](".repeat(50_000)],
    ["unclosed images", "![a](".repeat(40_000), "![a](".repeat(40_000)],
    ["open brackets", "[".repeat(200_000), "[".repeat(200_000)],
    ["unclosed emphasis", "*a _".repeat(50_000), "*a _".repeat(50_000).trim()],
  ] as const;

  test.each(lines)("stripMarkdown reads %s in bounded time", (_, line, expected) => {
    const started = performance.now();
    expect(stripMarkdown(line)).toBe(expected);
    expect(markdownLinks(line)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
