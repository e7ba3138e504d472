import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { nlpArxivDailyParser } from "../../../src/formats/parsers/nlpArxivDaily";
import {
  ALL_INLINE_GROUPS,
  arxivIdArbitrary,
  authorNameArbitrary,
  calendarDayArbitrary,
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

const entryArbitrary = fc.record({
  kind: fc.constantFrom("web line", "table row", "structured"),
  id: arxivIdArbitrary,
  version: fc.integer({ min: 1, max: 4 }),
  date: calendarDayArbitrary,
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  authors: fc.array(authorNameArbitrary, { minLength: 1, maxLength: 4 }),
  code: fc.option(githubUrlArbitrary),
  comment: fc.option(textArbitrary(["letters", "unicode", "quotes", "spaces", "html"])),
  abstract: fc.option(wrappedAbstractArbitrary(ALL_INLINE_GROUPS)),
  categories: fc.array(fc.constantFrom("cs.CL", "cs.LG", "stat.ML"), { maxLength: 2 }),
});
type Entry = typeof entryArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** A topic name. Integer names are left out because a JavaScript object puts them first, whatever order they were written in. */
const topicArbitrary = textArbitrary(["letters", "unicode", "quotes", "spaces"], 6).filter((topic) => !/^\d+$/u.test(topic));

const topicsArbitrary = fc.uniqueArray(
  fc.tuple(topicArbitrary, fc.uniqueArray(entryArbitrary, { minLength: 1, maxLength: 3, selector: (entry) => entry.id })),
  { minLength: 1, maxLength: 3, selector: ([topic]) => topic },
);

function paperUrl(entry: Entry): string {
  return `http://arxiv.org/abs/${entry.id}v${entry.version}`;
}

/** Writes an entry in its kind's shape, as the archive's generator did in its different years. */
function writeEntry(entry: Entry): unknown {
  const [firstAuthor] = entry.authors;
  if (entry.kind === "web line") {
    const code = entry.code ? `, Code: **[${entry.code}](${entry.code})**` : "";
    const comment = entry.comment ? `, ${entry.comment}` : "";
    return `- ${entry.date}, **${entry.title}**, ${firstAuthor} et.al., Paper: [${paperUrl(entry)}](${paperUrl(entry)})${code}${comment}`;
  }
  if (entry.kind === "table row") {
    const code = entry.code ? `**[link](${entry.code})**` : "null";
    return `|**${entry.date}**|**${entry.title}**|${firstAuthor} et.al.|[${entry.id}v${entry.version}](${paperUrl(entry)})|${code}|\n`;
  }
  return { date: entry.date, title: entry.title, authors: entry.authors, url: paperUrl(entry), code: entry.code, abstract: entry.abstract?.text, categories: entry.categories };
}

function writeDigest(topics: [string, Entry[]][]): string {
  return JSON.stringify(Object.fromEntries(topics.map(([topic, entries]) => [topic, Object.fromEntries(entries.map((entry) => [entry.id, writeEntry(entry)]))])));
}

function expectedRecordOf(topic: string, entry: Entry) {
  const structured = entry.kind === "structured";
  const revised = entry.kind === "table row" && entry.version !== 1;
  const completeAuthors = structured && entry.authors.length > 1;
  const comment = entry.kind === "web line" && entry.comment ? entry.comment.trimEnd() : undefined;
  const extra = {
    sourceTopic: topic,
    firstAuthor: completeAuthors ? undefined : entry.authors[0],
    revisedOn: revised ? entry.date : undefined,
    arxivVersion: entry.version,
    comment: comment || undefined,
    categories: structured && entry.categories.length > 0 ? entry.categories : undefined,
  };
  return expectedRecord({
    location: `key ${JSON.stringify(topic)} key ${JSON.stringify(entry.id)}`,
    arxivId: entry.id,
    title: normalizedTitle(entry.title),
    abstract: structured ? (entry.abstract?.expected ?? null) : null,
    authors: completeAuthors ? entry.authors : null,
    authorsCount: completeAuthors ? entry.authors.length : null,
    publishedOn: revised ? monthOfArxivId(entry.id) : { date: entry.date, precision: "day" },
    codeUrl: entry.code,
    links: entry.code ? [{ url: entry.code, kind: "code", host: "github.com" }] : [],
    extra: expectedExtra(extra),
  });
}

describe("nlpArxivDailyParser properties", () => {
  test("round-trips generated entries of every kind", async () => {
    const property = fc.asyncProperty(topicsArbitrary, async (topics) => {
      const parsed = recordsOf(await parseContent(nlpArxivDailyParser, writeDigest(topics), "2024-06.json"));
      expect(parsed.records).toEqual(topics.flatMap(([topic, entries]) => entries.map((entry) => expectedRecordOf(topic, entry))));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(nlpArxivDailyParser, {
    fileName: "2024-06.json",
    embedLongLine: (line) => JSON.stringify({ LLM: { "2406.01234": line, "2406.01235": `- 2024-06-20, **${line}` } }),
    validDigest: fc.uniqueArray(fc.tuple(fc.constantFrom("LLM", "Safety"), fc.array(entryArbitrary, { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 2, selector: ([topic]) => topic }).map(writeDigest),
    tokens: ["{", "}", '"LLM"', '"2406.01234"', ":", ",", '"- 2024-06-20, **', "**, ", " et.al., Paper: [", "](http://arxiv.org/abs/2406.01234v1)", "|**2023-06-01**|**", "**|", "|null|", '{"date": "2024-06-20"', '"title"', "null"],
  });
});
