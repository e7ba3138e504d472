import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hfDailyApiParser } from "../../../src/formats/parsers/hfDailyApi";
import {
  ALL_INLINE_GROUPS,
  arxivIdArbitrary,
  authorNameArbitrary,
  expectedExtra,
  expectedRecord,
  githubUrlArbitrary,
  monthOfArxivId,
  normalizedTitle,
  textArbitrary,
  upvotesArbitrary,
  wrappedAbstractArbitrary,
} from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { pythonRepr } from "./pythonRepr";
import { testArbitraryInput } from "./testArbitraryInput";

const FIRST_INSTANT = Date.UTC(2015, 0, 1);
const LAST_INSTANT = Date.UTC(2026, 11, 31);

/** An instant written as the API writes it (UTC with milliseconds), or with another zone offset, with `day`, its UTC day. */
const timestampArbitrary = fc
  .tuple(fc.integer({ min: FIRST_INSTANT, max: LAST_INSTANT }), fc.constantFrom(0, 0, 540, -420, 330))
  .map(([instant, offsetMinutes]) => {
    const day = new Date(instant).toISOString().slice(0, 10);
    if (offsetMinutes === 0) return { text: new Date(instant).toISOString(), day };
    const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
    const sign = offsetMinutes < 0 ? "-" : "+";
    const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0");
    const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, "0");
    return { text: `${local}${sign}${hours}:${minutes}`, day };
  });

const entryArbitrary = fc.record({
  id: arxivIdArbitrary,
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  abstract: fc.option(wrappedAbstractArbitrary(ALL_INLINE_GROUPS)),
  authors: fc.array(fc.record({ name: authorNameArbitrary, hidden: fc.boolean() }), { maxLength: 5 }),
  publishedAt: fc.option(timestampArbitrary),
  submittedOnDailyAt: fc.option(timestampArbitrary),
  upvotes: fc.option(upvotesArbitrary),
  comments: fc.option(fc.integer({ min: 0, max: 500 })),
  githubRepo: fc.option(githubUrlArbitrary),
  githubStars: fc.option(fc.integer({ min: 0, max: 90_000 })),
  projectPage: fc.option(fc.webUrl()),
  keywords: fc.option(fc.array(textArbitrary(["letters", "unicode", "punctuation", "spaces"], 6), { minLength: 1, maxLength: 4 })),
  aiSummary: fc.option(textArbitrary(ALL_INLINE_GROUPS)),
});
type Entry = typeof entryArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Writes an entry as `/api/daily_papers` returns it. */
function entryJson(entry: Entry) {
  return {
    paper: {
      id: entry.id,
      authors: entry.authors.map((author) => ({ _id: "x", name: author.name, hidden: author.hidden })),
      publishedAt: entry.publishedAt?.text ?? null,
      submittedOnDailyAt: entry.submittedOnDailyAt?.text,
      title: entry.title,
      summary: entry.abstract?.text ?? null,
      upvotes: entry.upvotes,
      githubRepo: entry.githubRepo ?? undefined,
      githubStars: entry.githubStars,
      projectPage: entry.projectPage,
      ai_keywords: entry.keywords,
      ai_summary: entry.aiSummary,
    },
    numComments: entry.comments,
  };
}

type Shape = "array" | "wrapper" | "python strings";

function writeDigest(entries: Entry[], shape: Shape, wrapperDay: string): string {
  const values = entries.map(entryJson);
  if (shape === "array") return JSON.stringify(values, null, 2);
  if (shape === "wrapper") return JSON.stringify({ status: "ok", date: wrapperDay, data: values });
  return JSON.stringify(values.map((value) => pythonRepr(value)));
}

function expectedRecordOf(entry: Entry, index: number, digestDay: string | null) {
  const hidden = entry.authors.filter((author) => author.hidden).length;
  const extra = { aiSummary: entry.aiSummary ?? undefined, githubStars: entry.githubStars ?? undefined, hiddenAuthors: hidden || undefined };
  const codeLink = entry.githubRepo ? [{ url: entry.githubRepo, kind: "code" as const, host: "github.com" }] : [];
  return expectedRecord({
    location: `index ${index}`,
    arxivId: entry.id,
    title: normalizedTitle(entry.title),
    abstract: entry.abstract?.expected ?? null,
    authors: entry.authors.length > 0 ? entry.authors.map((author) => author.name) : null,
    authorsCount: entry.authors.length > 0 ? entry.authors.length : null,
    publishedOn: entry.publishedAt ? { date: entry.publishedAt.day, precision: "day" } : monthOfArxivId(entry.id),
    listedOn: entry.submittedOnDailyAt?.day ?? digestDay,
    upvotes: entry.upvotes,
    comments: entry.comments,
    codeUrl: entry.githubRepo,
    links: codeLink,
    projectPage: entry.projectPage,
    aiKeywords: entry.keywords,
    extra: expectedExtra(extra),
  });
}

const validDigest = fc
  .tuple(fc.array(entryArbitrary, { minLength: 1, maxLength: 3 }), fc.constantFrom<Shape>("array", "wrapper", "python strings"))
  .map(([entries, shape]) => writeDigest(entries, shape, "2025-06-03"));

describe("hfDailyApiParser properties", () => {
  test("round-trips generated entries in every shape", async () => {
    const property = fc.asyncProperty(
      fc.array(entryArbitrary, { minLength: 1, maxLength: 4 }),
      fc.constantFrom<Shape>("array", "wrapper", "python strings"),
      async (entries, shape) => {
        const parsed = recordsOf(await parseContent(hfDailyApiParser, writeDigest(entries, shape, "2025-06-03"), "daily.json"));
        const digestDay = shape === "wrapper" ? "2025-06-03" : null;
        expect(parsed.digestDate).toBe(digestDay);
        expect(parsed.records).toEqual(entries.map((entry, index) => expectedRecordOf(entry, index, digestDay)));
      },
    );
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(hfDailyApiParser, {
    fileName: "daily.json",
    embedLongLine: (line) => JSON.stringify([{ paper: { id: "2406.01234", title: line, summary: line } }, pythonRepr({ paper: { id: "2406.01234", title: line } })]),
    validDigest,
    cutDigest: entryArbitrary.map((entry) => writeDigest([entry], "array", "2025-06-03")),
    tokens: ["[", "]", "{", "}", '"paper"', "'paper'", '"id"', '"title"', '"data"', '"date"', ":", ",", "None", "True", "null", "1e999", '"2406.01234"', "\\", '"\\u00e9"', '"\\ud800"'],
  });
});
