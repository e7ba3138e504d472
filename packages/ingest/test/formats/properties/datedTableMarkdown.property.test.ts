import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { datedTableMarkdownParser } from "../../../src/formats/parsers/datedTableMarkdown";
import { arxivIdArbitrary, collapseSpaces, expectedRecord, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

/**
 * Titles without markdown emphasis, code or brackets, because the parser
 * strips markdown from the Paper cell: `*a*` in a title reads as emphasis.
 */
const titleArbitrary = textArbitrary(["letters", "unicode", "quotes", "punctuation", "pipe", "markdown", "html", "backslash", "spaces"], 24, ["*", "**", "_", "`", "[", "]"]);
/** A web URL without parentheses, which a markdown link cannot hold unescaped. */
const webUrlArbitrary = fc.webUrl().filter((url) => !/[()]/u.test(url));
const plainCellArbitrary = textArbitrary(["letters", "unicode", "quotes", "spaces"], 8);

const rowArbitrary = fc.record({
  month: fc.tuple(fc.integer({ min: 15, max: 26 }), fc.integer({ min: 1, max: 12 })).map(([year, month]) => ({ text: `${year}.${String(month).padStart(2, "0")}`, date: `20${year}-${String(month).padStart(2, "0")}-01` })),
  institute: plainCellArbitrary,
  venue: plainCellArbitrary,
  title: titleArbitrary,
  link: fc.oneof(arxivIdArbitrary.map((id) => ({ url: `https://arxiv.org/abs/${id}`, id })), webUrlArbitrary.map((url) => ({ url, id: null }))),
  keywords: fc.array(textArbitrary(["letters", "unicode", "spaces"], 6), { minLength: 1, maxLength: 3 }),
});
type Row = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

function escapePipes(text: string): string {
  return text.replace(/\|/gu, "\\|");
}

function writeRow(row: Row): string {
  const keywords = row.keywords.map((keyword) => `**${keyword}**`).join("&");
  return `|   ${row.month.text}   | ${row.institute} | ${row.venue} | [${escapePipes(row.title)}](${row.link.url}) | ${keywords} |`;
}

function writeDigest(rows: Row[]): string {
  return ["# Safety papers", "", "| Date | Institute | Publication | Paper | Keywords |", "| :---: | :---: | :---: | :---: | :---: |", ...rows.map(writeRow), "", "Text after the table."].join("\n");
}

function expectedRecordOf(row: Row, index: number) {
  return expectedRecord({
    location: `line ${index + 5}`,
    arxivId: row.link.id,
    title: normalizedTitle(row.title),
    // The table's month is as fine as the arXiv id's, and the table's comes first.
    publishedOn: { date: row.month.date, precision: "month" },
    extra: {
      institute: collapseSpaces(row.institute),
      venue: collapseSpaces(row.venue),
      keywords: row.keywords.map((keyword) => keyword.trim()),
      ...(row.link.id ? {} : { paperUrl: row.link.url }),
    },
  });
}

describe("datedTableMarkdownParser properties", () => {
  test("round-trips generated rows", async () => {
    const property = fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 5 }), async (rows) => {
      const parsed = recordsOf(await parseContent(datedTableMarkdownParser, writeDigest(rows), "README.md"));
      expect(parsed.records).toEqual(rows.map(expectedRecordOf));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(datedTableMarkdownParser, {
    fileName: "README.md",
    validDigest: fc.array(rowArbitrary, { minLength: 1, maxLength: 3 }).map(writeDigest),
    tokens: ["| Date | Institute | Publication | Paper | Keywords |", "| :---: |", "|", "\\|", "23.06", "23.13", "[", "](", ")", "**", "&", "****", "\n"],
  });
});
