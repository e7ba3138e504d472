import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hfScrapedDailyParser } from "../../../src/formats/parsers/hfScrapedDaily";
import {
  ALL_INLINE_GROUPS,
  arxivIdArbitrary,
  authorNameArbitrary,
  calendarDayArbitrary,
  collapseSpaces,
  expectedExtra,
  expectedRecord,
  githubUrlArbitrary,
  monthOfArxivId,
  normalizedTitle,
  textArbitrary,
  wrappedAbstractArbitrary,
} from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

/** The parser's threshold: shorter page text is a comment kept in `extra.pageText`, not the abstract. */
const MIN_ABSTRACT_LENGTH = 600;

const cardArbitrary = fc.record({
  id: arxivIdArbitrary,
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  authors: fc.array(authorNameArbitrary, { maxLength: 5 }),
  stars: fc.option(fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1_000, max: 999_999 }).map((count) => count.toLocaleString("en-US")))),
  pageText: fc.option(fc.tuple(wrappedAbstractArbitrary(ALL_INLINE_GROUPS), fc.integer({ min: 1, max: 12 }))),
  repository: fc.option(githubUrlArbitrary),
  scrapedDate: calendarDayArbitrary,
});
type Card = typeof cardArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Returns the page text, repeated `times` times so that about half the cards pass the abstract threshold. */
function pageTextOf(card: Card) {
  if (!card.pageText) return null;
  const [abstract, times] = card.pageText;
  return { text: Array(times).fill(abstract.text).join("\n\n"), expected: Array(times).fill(abstract.expected).join("\n\n") };
}

function writeCard(card: Card) {
  return {
    title: card.title,
    paper_url: `https://huggingface.co/papers/${card.id}`,
    authors: card.authors,
    stars: card.stars,
    details: {
      title: card.title,
      abstract: pageTextOf(card)?.text ?? null,
      arxiv_page_url: `https://arxiv.org/abs/${card.id}`,
      pdf_url: `https://arxiv.org/pdf/${card.id}`,
      github_links: card.repository ? [card.repository] : [],
      metadata: {},
      page_url: `https://huggingface.co/papers/${card.id}`,
      scraped_at: `${card.scrapedDate}T08:00:00`,
    },
    scraped_date: card.scrapedDate,
  };
}

function writeDigest(cards: Card[]): string {
  return JSON.stringify(cards.map(writeCard), null, 2);
}

function expectedRecordOf(card: Card, index: number) {
  const page = pageTextOf(card);
  const folded = page ? collapseSpaces(page.text) : "";
  const isTitle = folded.toLowerCase() === collapseSpaces(card.title).toLowerCase();
  const isAbstract = page !== null && !isTitle && folded.length >= MIN_ABSTRACT_LENGTH;
  const stars = typeof card.stars === "string" ? Number(card.stars.replace(/,/gu, "")) : card.stars;
  const codeLink = card.repository ? [{ url: card.repository, kind: "code" as const, host: "github.com" }] : [];
  const extra = {
    authorsShown: card.authors.length > 0 ? card.authors : undefined,
    githubStars: stars !== null && (stars > 0 || card.repository) ? stars : undefined,
    githubLinks: card.repository ? [card.repository] : undefined,
    pageText: page && !isTitle && !isAbstract ? page.text : undefined,
    scrapedAt: `${card.scrapedDate}T08:00:00`,
  };
  return expectedRecord({
    location: `index ${index}`,
    arxivId: card.id,
    title: normalizedTitle(card.title),
    abstract: isAbstract ? page.expected : null,
    publishedOn: monthOfArxivId(card.id),
    listedOn: card.scrapedDate,
    codeUrl: card.repository,
    links: codeLink,
    extra: expectedExtra(extra),
  });
}

const cardsArbitrary = fc.array(cardArbitrary, { minLength: 1, maxLength: 3 });

describe("hfScrapedDailyParser properties", () => {
  test("round-trips generated cards", async () => {
    const property = fc.asyncProperty(cardsArbitrary, async (cards) => {
      const parsed = recordsOf(await parseContent(hfScrapedDailyParser, writeDigest(cards), "2025-12-04.json"));
      expect(parsed.digestDate).toBe("2025-12-04");
      expect(parsed.records).toEqual(cards.map(expectedRecordOf));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(hfScrapedDailyParser, {
    fileName: "2025-12-04.json",
    embedLongLine: (line) => JSON.stringify([{ title: line, stars: line, details: { abstract: line, github_links: [line] }, scraped_date: "2025-12-04" }]),
    validDigest: fc.array(cardArbitrary.map((card) => ({ ...card, pageText: null })), { minLength: 1, maxLength: 2 }).map(writeDigest),
    cutDigest: cardArbitrary.map((card) => writeDigest([{ ...card, pageText: null }])),
    tokens: ["[", "]", "{", "}", '"title"', '"paper_url"', '"details"', '"scraped_date"', '"stars"', '"1.92k"', '"github_links"', ":", ",", "null", '"2025-02-30"'],
  });
});
