import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isTableSeparator, markdownLinks, splitTableRow, stripMarkdown } from "../../../src/formats/markdown";
import { propertyParameters } from "./propertyParameters";

const PIECES = ["a", "Z", "7", " ", "é", "中", "🚀", "|", "\\", "*", "_", "`", "[", "]", "(", ")", "!", "<br>", "-", ":", "#", "&amp;"];

/** A trimmed cell of one line, which may hold pipes and backslashes. */
const cellArbitrary = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((pieces) => pieces.join("").trim());

describe("markdown properties", () => {
  test("splitTableRow round-trips cells with escaped pipes", () => {
    const property = fc.property(fc.array(cellArbitrary, { minLength: 1, maxLength: 6 }), fc.constantFrom(" ", "  ", ""), (cells, padding) => {
      // The reader drops an empty last cell, as it cannot tell it from the space after the closing pipe.
      fc.pre(cells.at(-1) !== "");
      // Without padding, a cell ending in `\` writes `\|`, which markdown reads as an escaped pipe.
      fc.pre(padding !== "" || cells.every((cell) => !cell.endsWith("\\")));
      const row = `|${cells.map((cell) => `${padding}${cell.replace(/\|/gu, "\\|")}${padding}|`).join("")}`;
      expect(splitTableRow(row)).toEqual(cells);
    });
    fc.assert(property, propertyParameters(300));
  });

  test("markdownLinks returns every link in order", () => {
    const text = fc.array(fc.constantFrom(...PIECES.filter((piece) => !/[[\]()]/u.test(piece))), { maxLength: 8 }).map((pieces) => pieces.join(""));
    const url = fc.webUrl().filter((candidate) => !/[()<>\s]/u.test(candidate));
    const property = fc.property(fc.array(fc.tuple(text, text, url), { minLength: 1, maxLength: 4 }), (links) => {
      const markdown = links.map(([before, label, target]) => `${before}[${label}](${target})`).join(" ");
      expect(markdownLinks(markdown)).toEqual(links.map(([, label, target]) => ({ text: label.trim(), url: target })));
    });
    fc.assert(property, propertyParameters(300));
  });

  // A line of 50,000 repeated marks took tens of seconds while the patterns rescanned the line from every mark.
  test("stripMarkdown returns one trimmed line for any text", () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...PIECES, "\n", "\t", "**", "__"), maxLength: 200 }),
      fc.tuple(fc.constantFrom("*a", "_a", "**a", "[a](", "`", "![", "*"), fc.integer({ min: 10_000, max: 50_000 })).map(([piece, count]) => piece.repeat(count)),
    );
    const property = fc.property(text, (input) => {
      const started = performance.now();
      const stripped = stripMarkdown(input);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(stripped).not.toMatch(/\s\s|\n/u);
      expect(stripped).toBe(stripped.trim());
    });
    fc.assert(property, propertyParameters(200));
  });

  test("isTableSeparator accepts only dash cells", () => {
    const property = fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 2, max: 8 }), fc.boolean()), { minLength: 1, maxLength: 5 }), (cells) => {
      const written = cells.map(([left, dashes, right]) => `${left ? ":" : ""}${"-".repeat(dashes)}${right ? ":" : ""}`);
      expect(isTableSeparator(written)).toBe(true);
      expect(isTableSeparator([...written, "a"])).toBe(false);
      expect(splitTableRow(`| ${written.join(" | ")} |`)).toEqual(written);
    });
    fc.assert(property, propertyParameters(100));
  });
});
