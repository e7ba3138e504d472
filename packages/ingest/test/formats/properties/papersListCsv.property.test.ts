import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { papersListCsvParser } from "../../../src/formats/parsers/papersListCsv";
import { countLines, writeCsvRecord } from "./csvText";
import { ALL_INLINE_GROUPS, arxivIdArbitrary, calendarDayArbitrary, expectedRecord, monthOfArxivId, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

const rowArbitrary = fc.record({
  date: calendarDayArbitrary,
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  link: fc.oneof(
    arxivIdArbitrary.map((id) => ({ url: `https://arxiv.org/abs/${id}`, id })),
    arxivIdArbitrary.map((id) => ({ url: `https://huggingface.co/papers/${id}`, id })),
    fc.webUrl({ withQueryParameters: true }).map((url) => ({ url, id: null })),
  ),
});
type Row = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

const rowsArbitrary = fc.tuple(fc.array(rowArbitrary, { minLength: 1, maxLength: 5 }), fc.constantFrom("\n", "\r\n"));

function writeRecords(rows: Row[]): string[] {
  return rows.map((row) => writeCsvRecord([row.date, row.title, row.link.url]));
}

function writeDigest([rows, lineBreak]: [Row[], string]): string {
  return ["date,title,url", ...writeRecords(rows)].join(lineBreak) + lineBreak;
}

describe("papersListCsvParser properties", () => {
  test("round-trips generated rows", async () => {
    const property = fc.asyncProperty(rowsArbitrary, async ([rows, lineBreak]) => {
      const parsed = recordsOf(await parseContent(papersListCsvParser, writeDigest([rows, lineBreak]), "papers_list.csv"));
      let line = 2;
      const expected = writeRecords(rows).map((record, index) => {
        const row = rows[index]!;
        const location = `line ${line}`;
        line += countLines(record);
        return expectedRecord({
          location,
          arxivId: row.link.id,
          title: normalizedTitle(row.title),
          publishedOn: row.link.id ? monthOfArxivId(row.link.id) : null,
          listedOn: row.date,
          extra: row.link.id ? null : { url: row.link.url },
        });
      });
      expect(parsed.records).toEqual(expected);
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(papersListCsvParser, {
    fileName: "papers_list.csv",
    validDigest: rowsArbitrary.map(writeDigest),
    tokens: ["date,title,url\n", ",", '"', '""', "\n", "\r", "2024-06-18", "2024-02-30", "https://arxiv.org/abs/2406.01234"],
  });
});
