import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { paperAbstractsCsvParser } from "../../../src/formats/parsers/paperAbstractsCsv";
import { countLines, writeCsvRecord } from "./csvText";
import { ALL_INLINE_GROUPS, arxivIdArbitrary, expectedExtra, expectedRecord, monthOfArxivId, normalizedTitle, textArbitrary, wrappedAbstractArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

const HEADER = "Title,Description,PaperURL,TweetURL,Abstract";

const rowArbitrary = fc.record({
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  description: fc.option(textArbitrary(["letters", "unicode", "quotes", "punctuation", "pipe", "markdown", "spaces", "lineBreaks"])),
  paper: fc.oneof(
    arxivIdArbitrary.map((id) => ({ url: `https://arxiv.org/abs/${id}`, id })),
    fc.webUrl().map((url) => ({ url, id: null })),
  ),
  tweetUrl: fc.webUrl(),
  abstract: fc.option(wrappedAbstractArbitrary(ALL_INLINE_GROUPS)),
});
type Row = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

function writeRecords(rows: Row[]): string[] {
  return rows.map((row) => writeCsvRecord([row.title, row.description ?? "", row.paper.url, row.tweetUrl, row.abstract?.text ?? ""]));
}

function writeDigest(rows: Row[]): string {
  return [HEADER, ...writeRecords(rows)].join("\n");
}

describe("paperAbstractsCsvParser properties", () => {
  test("round-trips generated rows", async () => {
    const property = fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 5 }), async (rows) => {
      const parsed = recordsOf(await parseContent(paperAbstractsCsvParser, writeDigest(rows), "ml-potw-10232023.csv"));
      expect(parsed.digestDate).toBe("2023-10-23");
      let line = 2;
      const expected = writeRecords(rows).map((record, index) => {
        const row = rows[index]!;
        const location = `line ${line}`;
        line += countLines(record);
        // Cells are trimmed, so only a description with text survives into `extra`.
        const description = row.description?.trim() || undefined;
        const extra = { description, paperUrl: row.paper.id ? undefined : row.paper.url, tweetUrl: row.tweetUrl };
        return expectedRecord({
          location,
          arxivId: row.paper.id,
          title: normalizedTitle(row.title),
          abstract: row.abstract?.expected ?? null,
          publishedOn: row.paper.id ? monthOfArxivId(row.paper.id) : null,
          extra: expectedExtra(extra),
        });
      });
      expect(parsed.records).toEqual(expected);
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(paperAbstractsCsvParser, {
    fileName: "ml-potw-10232023.csv",
    validDigest: fc.array(rowArbitrary, { minLength: 1, maxLength: 3 }).map(writeDigest),
    tokens: [`${HEADER}\n`, ",", '"', '""', "\n", "\r", "https://arxiv.org/abs/2406.01234", "https://github.com/a/b"],
  });
});
