import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hfPapersPageParser } from "../../../src/formats/parsers/hfPapersPage";
import { ALL_INLINE_GROUPS, calendarDayArbitrary, collapseSpaces, expectedRecord, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

const CAPTURE_DATE = "2026-12-04";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A card date: with its year, or without one for a day of the capture year up to the capture date, which the page shows without a year. */
const cardDateArbitrary = fc.oneof(
  calendarDayArbitrary.map((day) => ({ day, withYear: true })),
  calendarDayArbitrary.filter((day) => day.startsWith("2026-") && day <= CAPTURE_DATE).map((day) => ({ day, withYear: false })),
);

/** One line of the page, so no line breaks, and never blank. */
const lineArbitrary = textArbitrary(ALL_INLINE_GROUPS);

const cardArbitrary = fc.record({
  title: lineArbitrary,
  abstract: lineArbitrary,
  authors: fc.integer({ min: 1, max: 2_500 }),
  date: cardDateArbitrary,
  upvotes: fc.option(fc.integer({ min: 1, max: 25_000 })),
});
type Card = typeof cardArbitrary extends fc.Arbitrary<infer T> ? T : never;

function writeDate(card: Card): string {
  const [year, month, day] = card.date.day.split("-").map(Number) as [number, number, number];
  const date = `${MONTHS[month - 1]} ${day}${card.date.withYear ? `, ${year}` : ""}`;
  return card.upvotes === null ? date : `${date} ${card.upvotes.toLocaleString("en-US")}`;
}

/** Writes the cards as a copied page: title, abstract, author count, a `·` line and the date line, with blank lines between cards. */
function writeCards(cards: Card[]): string[] {
  return cards.flatMap((card) => [
    card.title,
    card.abstract,
    `• ${card.authors.toLocaleString("en-US")} ${card.authors === 1 ? "author" : "authors"}`,
    "·",
    writeDate(card),
    "",
  ]);
}

describe("hfPapersPageParser properties", () => {
  test("round-trips generated cards", async () => {
    const property = fc.asyncProperty(fc.array(cardArbitrary, { minLength: 1, maxLength: 4 }), async (cards) => {
      const parsed = recordsOf(await parseContent(hfPapersPageParser, writeCards(cards).join("\n"), "page.txt", CAPTURE_DATE));
      expect(parsed.digestDate).toBe(CAPTURE_DATE);
      expect(parsed.records).toEqual(
        cards.map((card, index) =>
          expectedRecord({
            location: `line ${index * 6 + 1}`,
            title: normalizedTitle(card.title),
            abstract: collapseSpaces(card.abstract),
            authorsCount: card.authors,
            publishedOn: { date: card.date.day, precision: "day" },
            // A card without a count has no upvotes yet.
            upvotes: card.upvotes ?? 0,
          }),
        ),
      );
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(hfPapersPageParser, {
    fileName: "page.txt",
    validDigest: fc.array(cardArbitrary, { minLength: 1, maxLength: 3 }).map((cards) => writeCards(cards).join("\n")),
    tokens: ["• 5 authors", "• 1,204 authors", "·", "Jun 20", "Feb 29", "Aug 15, 2024 2", "Sept 31", "\n", "1,", "•"],
  });
});
