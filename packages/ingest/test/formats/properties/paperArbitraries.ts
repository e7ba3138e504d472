import type { PaperRecord } from "@alignment-trends/schema";
import { decodeHTML } from "entities";
import fc from "fast-check";

/** Characters that titles and names draw from, grouped so that each format can leave out what it cannot carry. */
export const CHARACTERS = {
  letters: ["a", "b", "x", "Z", "Q", "7", "0"],
  unicode: ["é", "ß", "ø", "Ł", "中", "文", "한", "글", "α", "∑", "—", "🚀", "👩‍🔬", "e\u0301"],
  quotes: ["'", '"', "’", "“"],
  punctuation: [",", ".", ":", ";", "!", "?", "-", "/", "+", "%", "=", "~", "@", "$"],
  pipe: ["|"],
  markdown: ["*", "_", "`", "#", "[", "]", "(", ")", "**", "- "],
  html: ["<", ">", "&", "<b>", "&amp;", "&lt;", "&#39;"],
  backslash: ["\\"],
  spaces: [" ", "  ", "\t"],
  lineBreaks: ["\n"],
} as const;

export type CharacterGroup = keyof typeof CHARACTERS;

/** Every group but line breaks, which only some formats allow inside a title. */
export const ALL_INLINE_GROUPS: CharacterGroup[] = ["letters", "unicode", "quotes", "punctuation", "pipe", "markdown", "html", "backslash", "spaces"];

/**
 * Text of 1 to `maxPieces` pieces from `groups`, without the pieces in
 * `excluded`, that is not blank once HTML entities are decoded.
 */
export function textArbitrary(groups: CharacterGroup[], maxPieces = 24, excluded: string[] = []): fc.Arbitrary<string> {
  const pieces = groups.flatMap((group) => [...CHARACTERS[group]]).filter((piece) => !excluded.includes(piece));
  const letter = fc.constantFrom(...CHARACTERS.letters, ...CHARACTERS.unicode.slice(0, 4));
  return fc
    .tuple(letter, fc.array(fc.constantFrom(...pieces), { maxLength: maxPieces }))
    .map(([first, rest]) => first + rest.join(""))
    .filter((text) => collapseSpaces(decodeHTML(text)) !== "");
}

/** Folds runs of whitespace into one space and trims, as every parser does to titles. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** The title a parser returns for a title written as `raw`: entities decoded once, whitespace folded. */
export function normalizedTitle(raw: string): string {
  return collapseSpaces(decodeHTML(raw));
}

const NAME_PIECES = [...CHARACTERS.letters, ...CHARACTERS.unicode, "'", "-", "."];

/** One word of a name: no whitespace, no separators of author lists. */
const nameWord = fc
  .tuple(fc.constantFrom(...CHARACTERS.letters.slice(0, 5), "É", "Ø", "李", "김"), fc.array(fc.constantFrom(...NAME_PIECES), { maxLength: 8 }))
  .map(([first, rest]) => first + rest.join(""));

/** An author name of one to three words with Unicode letters, apostrophes, hyphens and dots. */
export const authorNameArbitrary: fc.Arbitrary<string> = fc.array(nameWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(" "));

/** A new-style arXiv id with a five-digit sequence (2015 and later), or now and then an old-style one. */
export const arxivIdArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.integer({ min: 15, max: 26 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99_999 })).map(
    ([year, month, sequence]) => `${year}${String(month).padStart(2, "0")}.${String(sequence).padStart(5, "0")}`,
  ) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("hep-th", "cs", "math.AG", "cond-mat"), fc.integer({ min: 91, max: 106 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 999 })).map(
    ([archive, year, month, sequence]) => `${archive}/${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(sequence).padStart(3, "0")}`,
  ) },
);

/** Only new-style ids, for formats whose files key papers by them. */
export const newStyleArxivIdArbitrary: fc.Arbitrary<string> = arxivIdArbitrary.filter((id) => !id.includes("/"));

/** Returns the month an arXiv id was assigned, as a month-precision date: `2406.01234` is June 2024. */
export function monthOfArxivId(id: string): { date: string; precision: "month" } {
  const newStyle = /^(\d{2})(\d{2})\./u.exec(id);
  if (newStyle) return { date: `20${newStyle[1]}-${newStyle[2]}-01`, precision: "month" };
  const [, year, month] = /\/(\d{2})(\d{2})\d{3}$/u.exec(id)!;
  return { date: `${Number(year) >= 91 ? "19" : "20"}${year}-${month}-01`, precision: "month" };
}

const FIRST_DAY = Date.UTC(2007, 3, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2026, 11, 31) / 86_400_000;

/** A calendar day from April 2007 to 2026 as `YYYY-MM-DD`. */
export const calendarDayArbitrary: fc.Arbitrary<string> = fc
  .integer({ min: FIRST_DAY, max: LAST_DAY })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

export const upvotesArbitrary: fc.Arbitrary<number> = fc.integer({ min: 0, max: 100_000 });

const slug = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/u);

/** A GitHub repository URL in the canonical form the ingest stores. */
export const githubUrlArbitrary: fc.Arbitrary<string> = fc
  .tuple(slug, slug)
  .filter(([, repo]) => !/\.git$/iu.test(repo))
  .map(([owner, repo]) => `https://github.com/${owner}/${repo}`);

/** An abstract as a source writes it (hard-wrapped lines, blank lines between paragraphs) and as the ingest stores it. */
export interface WrappedAbstract {
  text: string;
  expected: string;
}

/**
 * Paragraphs of words from `groups`, wrapped at random word boundaries. The
 * stored form joins each paragraph's lines with one space and keeps one blank
 * line between paragraphs, which is the ingest's only change to an abstract.
 */
export function wrappedAbstractArbitrary(groups: CharacterGroup[]): fc.Arbitrary<WrappedAbstract> {
  const pieces = groups.flatMap((group) => [...CHARACTERS[group]]).filter((piece) => !/\s/u.test(piece));
  const word = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
  const paragraph = fc.array(fc.tuple(word, fc.constantFrom(" ", "\n", "  ")), { minLength: 1, maxLength: 8 });
  return fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((paragraphs) => ({
    text: paragraphs.map((words) => words.map(([text, gap], index) => (index === 0 ? text : gap + text)).join("")).join("\n\n"),
    expected: paragraphs.map((words) => words.map(([text]) => text).join(" ")).join("\n\n"),
  }));
}

/** A record with every field a format does not carry set to null, as parsers return them. */
export function expectedRecord(fields: Partial<PaperRecord> & Pick<PaperRecord, "location" | "title">): PaperRecord {
  return {
    arxivId: null,
    abstract: null,
    authors: null,
    authorsCount: null,
    publishedOn: null,
    listedOn: null,
    upvotes: null,
    comments: null,
    codeUrl: null,
    links: [],
    projectPage: null,
    aiKeywords: null,
    extra: null,
    ...fields,
  };
}

/** Returns the `extra` of a record: the members with a value (not undefined, null or an empty string), or null when none has one. */
export function expectedExtra(fields: Record<string, unknown>): Record<string, unknown> | null {
  const present = Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && value !== "");
  return present.length > 0 ? Object.fromEntries(present) : null;
}
