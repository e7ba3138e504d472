import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { awesomeListMarkdownParser } from "../../../src/formats/parsers/awesomeListMarkdown";
import { arxivIdArbitrary, authorNameArbitrary, expectedExtra, expectedRecord, githubUrlArbitrary, monthOfArxivId, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

/** Titles without markdown emphasis, code or brackets, because the parser strips markdown from titles. */
const titleArbitrary = textArbitrary(["letters", "unicode", "quotes", "punctuation", "pipe", "markdown", "html", "backslash", "spaces"], 24, ["*", "**", "_", "`", "[", "]"]);
/** A name that does not end in "...", which the list writes after names it leaves out. */
const nameArbitrary = authorNameArbitrary.filter((name) => !name.endsWith("..."));

const entryArbitrary = fc.record({
  title: titleArbitrary,
  link: fc.oneof(arxivIdArbitrary.map((id) => ({ url: `https://arxiv.org/abs/${id}`, id })), fc.constant({ url: "https://openreview.net/forum?id=abc", id: null })),
  shortName: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,9}$/u)),
  authors: fc.array(nameArbitrary, { minLength: 1, maxLength: 4 }),
  partial: fc.boolean(),
  keywords: fc.array(textArbitrary(["letters", "unicode", "spaces"], 6), { minLength: 1, maxLength: 3 }),
  code: fc.option(githubUrlArbitrary),
});
type Entry = typeof entryArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Year sections, newest first; the last may be the "and before" group, which names no single year. */
const sectionsArbitrary = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 2015, max: 2026 }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.array(fc.array(entryArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }))
  .map(([years, lastAndBefore, entries]) => years.sort((a, b) => b - a).map((year, index) => ({ year, andBefore: lastAndBefore && index === years.length - 1, entries: entries[index]! })));
type Section = { year: number; andBefore: boolean; entries: Entry[] };

function writeAuthors(entry: Entry): string {
  const names = entry.authors.length > 1 ? `${entry.authors.slice(0, -1).join(", ")} and ${entry.authors.at(-1)}` : entry.authors[0]!;
  return entry.partial ? `${names} et al.` : names;
}

function writeEntry(entry: Entry): string[] {
  return [
    `- [${entry.title}](${entry.link.url})${entry.shortName ? ` (${entry.shortName})` : ""}`,
    `  - ${writeAuthors(entry)}`,
    `  - Keyword: ${entry.keywords.join(", ")}`,
    ...(entry.code ? [`  - Code: [official](${entry.code})`] : []),
  ];
}

function writeDigest(sections: Section[]): string {
  const lines = sections.flatMap((section) => [`### ${section.year}${section.andBefore ? " and before" : ""}`, "", ...section.entries.flatMap(writeEntry), ""]);
  return ["# Awesome RLHF", "", ...lines].join("\n");
}

function expectedRecords(sections: Section[]) {
  const lines = writeDigest(sections).split("\n");
  const entryLines = lines.flatMap((line, index) => (line.startsWith("- [") ? [index + 1] : []));
  return sections
    .flatMap((section) => section.entries.map((entry) => ({ section, entry })))
    .map(({ section, entry }, index) => {
      // A partial list, or one name of one word (an organization), is kept as the names shown.
      const shownOnly = entry.partial || (entry.authors.length === 1 && !/\s/u.test(entry.authors[0]!));
      const yearDate = section.andBefore ? null : { date: `${section.year}-01-01`, precision: "year" as const };
      return expectedRecord({
        location: `line ${entryLines[index]}`,
        arxivId: entry.link.id,
        title: normalizedTitle(entry.title),
        authors: shownOnly ? null : entry.authors,
        authorsCount: shownOnly ? null : entry.authors.length,
        // The arXiv id's month is finer than the section's year.
        publishedOn: entry.link.id ? monthOfArxivId(entry.link.id) : yearDate,
        codeUrl: entry.code,
        links: entry.code ? [{ url: entry.code, kind: "code", host: "github.com" }] : [],
        extra: expectedExtra({
          authorsShown: shownOnly ? entry.authors : undefined,
          keywords: entry.keywords.map((keyword) => keyword.replace(/\s+/gu, " ").trim()),
          code: entry.code ? [{ label: "official", url: entry.code }] : undefined,
          shortName: entry.shortName ?? undefined,
          yearGroup: section.andBefore ? `${section.year} and before` : undefined,
          paperUrl: entry.link.id ? undefined : entry.link.url,
        }),
      });
    });
}

describe("awesomeListMarkdownParser properties", () => {
  test("round-trips generated year sections", async () => {
    const property = fc.asyncProperty(sectionsArbitrary, async (sections) => {
      const parsed = recordsOf(await parseContent(awesomeListMarkdownParser, writeDigest(sections), "README.md"));
      expect(parsed.records).toEqual(expectedRecords(sections));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(awesomeListMarkdownParser, {
    fileName: "README.md",
    validDigest: sectionsArbitrary.map(writeDigest),
    tokens: ["### 2025", "### 2020 and before", "- [", "](https://arxiv.org/abs/2501.00001)", " (WebGPT)", "\n  - ", "Keyword: ", "Code: [official](", "Dataset; ", " and ", " et al.", "…", "，", "*"],
  });
});
