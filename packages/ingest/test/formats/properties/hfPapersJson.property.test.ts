import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hfPapersJsonParser } from "../../../src/formats/parsers/hfPapersJson";
import {
  ALL_INLINE_GROUPS,
  authorNameArbitrary,
  calendarDayArbitrary,
  expectedRecord,
  monthOfArxivId,
  newStyleArxivIdArbitrary,
  normalizedTitle,
  textArbitrary,
  upvotesArbitrary,
  wrappedAbstractArbitrary,
} from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

const paperArbitrary = fc.record({
  id: newStyleArxivIdArbitrary,
  version: fc.option(fc.integer({ min: 1, max: 9 })),
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  authors: fc.array(authorNameArbitrary, { maxLength: 5 }),
  abstract: fc.option(wrappedAbstractArbitrary(ALL_INLINE_GROUPS)),
  publishedDay: fc.option(calendarDayArbitrary),
  withTime: fc.boolean(),
  upvotes: fc.option(upvotesArbitrary),
});
type Paper = typeof paperArbitrary extends fc.Arbitrary<infer T> ? T : never;

const papersArbitrary = fc.uniqueArray(paperArbitrary, { minLength: 1, maxLength: 4, selector: (paper) => paper.id });

function keyOf(paper: Paper): string {
  return paper.version ? `${paper.id}v${paper.version}` : paper.id;
}

/** Writes the publication date as a day, or as the scrape's UTC timestamp. */
function publicationDate(paper: Paper): string | null {
  if (!paper.publishedDay) return null;
  return paper.withTime ? `${paper.publishedDay}T17:59:52.000Z` : paper.publishedDay;
}

/** Writes the scrape: one object keyed by arXiv id, in the order given. */
function writeDigest(papers: Paper[]): string {
  const entries = papers.map((paper) => [
    keyOf(paper),
    {
      url: `https://huggingface.co/papers/${paper.id}`,
      title: paper.title,
      authors: paper.authors,
      abstract: paper.abstract?.text ?? null,
      publication_date: publicationDate(paper),
      upvotes: paper.upvotes,
    },
  ]);
  return JSON.stringify(Object.fromEntries(entries), null, 1);
}

function expectedRecordOf(paper: Paper) {
  return expectedRecord({
    location: `key ${JSON.stringify(keyOf(paper))}`,
    arxivId: paper.id,
    title: normalizedTitle(paper.title),
    abstract: paper.abstract?.expected ?? null,
    authors: paper.authors.length > 0 ? paper.authors : null,
    authorsCount: paper.authors.length > 0 ? paper.authors.length : null,
    publishedOn: paper.publishedDay ? { date: paper.publishedDay, precision: "day" } : monthOfArxivId(paper.id),
    upvotes: paper.upvotes,
  });
}

describe("hfPapersJsonParser properties", () => {
  test("round-trips generated papers", async () => {
    const property = fc.asyncProperty(papersArbitrary, async (papers) => {
      const parsed = recordsOf(await parseContent(hfPapersJsonParser, writeDigest(papers), "2024-06-18.json"));
      expect(parsed.digestDate).toBe("2024-06-18");
      expect(parsed.records).toEqual(papers.map(expectedRecordOf));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(hfPapersJsonParser, {
    fileName: "2024-06-18.json",
    embedLongLine: (line) => JSON.stringify({ "2406.01234": { title: line, authors: [line], abstract: line, publication_date: line } }),
    validDigest: papersArbitrary.map(writeDigest),
    cutDigest: paperArbitrary.map((paper) => writeDigest([paper])),
    tokens: ["{", "}", "[", "]", '"2406.01234"', '"title"', '"authors"', '"publication_date"', '"upvotes"', ":", ",", "null", "-1", "1e400", '"\\"', "\\u0000"],
  });
});
