import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { koDailyMarkdownParser } from "../../../src/formats/parsers/koDailyMarkdown";
import { ALL_INLINE_GROUPS, arxivIdArbitrary, authorNameArbitrary, calendarDayArbitrary, expectedExtra, expectedRecord, monthOfArxivId, normalizedTitle, textArbitrary, upvotesArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

/** A summary bullet in Korean and other text, which is never a `#` heading, a `Vote:` or an `Authors:` line. */
const bulletArbitrary = fc
  .tuple(fc.constantFrom("- ", "* ", "1. "), textArbitrary(["letters", "unicode", "quotes", "punctuation", "pipe", "markdown", "html", "spaces"]), fc.constantFrom("", "합니다.", " 제안합니다"))
  .map(([marker, text, ending]) => marker + text + ending);

const paperArbitrary = fc.record({
  id: arxivIdArbitrary,
  // A heading is one line, and the title runs to the last `](`, so it may hold brackets but not a line break.
  title: textArbitrary(ALL_INLINE_GROUPS),
  thumbnail: fc.boolean(),
  vote: fc.option(upvotesArbitrary),
  authors: fc.array(authorNameArbitrary.filter((name) => name !== "+"), { maxLength: 5 }),
  elidedAfter: fc.option(fc.nat()),
  summary: fc.array(bulletArbitrary, { maxLength: 3 }),
});
type Paper = typeof paperArbitrary extends fc.Arbitrary<infer T> ? T : never;

const daysArbitrary = fc.array(fc.tuple(calendarDayArbitrary, fc.array(paperArbitrary, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 2 });

/** Returns the author line's names, with the `+` elision mark after `elidedAfter` names when the list has at least two. */
function authorNames(paper: Paper): string[] {
  if (paper.elidedAfter === null || paper.authors.length < 2) return paper.authors;
  const at = 1 + (paper.elidedAfter % (paper.authors.length - 1));
  return [...paper.authors.slice(0, at), "+", ...paper.authors.slice(at)];
}

function writePaper(paper: Paper): string[] {
  return [
    `### [${paper.title}](https://arxiv.org/abs/${paper.id})`,
    "",
    ...(paper.thumbnail ? [`![](https://cdn-uploads.huggingface.co/production/${paper.id.replace("/", "-")}.png)`, ""] : []),
    ...(paper.vote === null ? [] : [`Vote: ${paper.vote}`, ""]),
    `Authors: ${authorNames(paper).join(", ")}`,
    "",
    ...paper.summary,
    "",
  ];
}

function writeDigest(days: [string, Paper[]][]): string[] {
  return days.flatMap(([day, papers]) => [`## Daily Papers (${day})`, "", ...papers.flatMap(writePaper)]);
}

function expectedRecords(days: [string, Paper[]][]) {
  const lines = writeDigest(days);
  const headings = lines.flatMap((line, index) => (line.startsWith("### ") ? [index + 1] : []));
  const papers = days.flatMap(([day, dayPapers]) => dayPapers.map((paper) => ({ day, paper })));
  return papers.map(({ day, paper }, index) => {
    const names = authorNames(paper);
    const elided = names.includes("+");
    const summary = paper.summary.map((line) => line.trim()).join("\n");
    const extra = {
      summary: summary || undefined,
      authorsShown: elided ? paper.authors : undefined,
      authorsElidedAfter: elided ? names.indexOf("+") : undefined,
      thumbnailUrl: paper.thumbnail ? `https://cdn-uploads.huggingface.co/production/${paper.id.replace("/", "-")}.png` : undefined,
    };
    const authors = elided || paper.authors.length === 0 ? null : paper.authors;
    return expectedRecord({
      location: `line ${headings[index]}`,
      arxivId: paper.id,
      title: normalizedTitle(paper.title),
      authors,
      authorsCount: authors?.length ?? null,
      publishedOn: monthOfArxivId(paper.id),
      listedOn: day,
      upvotes: paper.vote,
      extra: expectedExtra(extra),
    });
  });
}

describe("koDailyMarkdownParser properties", () => {
  test("round-trips generated days of papers", async () => {
    const property = fc.asyncProperty(daysArbitrary, async (days) => {
      const parsed = recordsOf(await parseContent(koDailyMarkdownParser, writeDigest(days).join("\n"), "18.md"));
      expect(parsed.digestDate).toBe(days[0]![0]);
      expect(parsed.records).toEqual(expectedRecords(days));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(koDailyMarkdownParser, {
    fileName: "18.md",
    validDigest: daysArbitrary.map((days) => writeDigest(days).join("\n")),
    cutDigest: paperArbitrary.map((paper) => writeDigest([["2024-06-18", [paper]]]).join("\n")),
    tokens: ["## Daily Papers (2024-06-18)", "## Daily Papers (2024-02-30)", "### [", "](https://arxiv.org/abs/2406.11833)", "Vote: ", "Vote: x", "Authors: ", ", +, ", "![](", "[Watch Video](", "<div><video src=\"", "#", "\n"],
  });
});
