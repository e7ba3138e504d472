import type { PaperRecord, RejectedRecord } from "@alignment-trends/schema";
import { z } from "zod";
import { collapseLineBreaks, collapseWhitespace } from "../normalize/collapseWhitespace";
import { canonicalLink, chooseCodeLink, extractLinks } from "../normalize/extractLinks";
import { normalizeArxivId } from "../normalize/normalizeArxivId";
import { DigestParseError, type DigestDateSource, type DigestParser, type ParseContext, type ParsedDigest } from "./digestParser";
import { parsePythonLiteral, PythonLiteralError } from "./parsePythonLiteral";
import { describeIssues, isRejectedRecord, truncateRaw, validatePaperRecord } from "./validatePaperRecord";

const optionalText = z.string().nullish();

/** One entry of `/api/daily_papers`; fields the product does not read are allowed and ignored. */
const DailyPaperEntrySchema = z.looseObject({
  paper: z.looseObject({
    id: z.string(),
    title: z.string(),
    summary: optionalText,
    authors: z.array(z.looseObject({ name: optionalText })).default([]),
    publishedAt: optionalText,
    submittedOnDailyAt: optionalText,
    upvotes: z.number().nullish(),
    githubRepo: optionalText,
    projectPage: optionalText,
    ai_keywords: z.array(z.string()).nullish(),
  }),
  numComments: z.number().nullish(),
});
type DailyPaperEntry = z.infer<typeof DailyPaperEntrySchema>;

const WrapperSchema = z.looseObject({ date: z.string().optional(), data: z.array(z.unknown()) });

/** Returns the UTC calendar day of an ISO 8601 timestamp, or null when it is not one. */
function utcDay(timestamp: string | null | undefined): string | null {
  if (!timestamp || !/^\d{4}-\d{2}-\d{2}/u.test(timestamp)) return null;
  const instant = new Date(timestamp);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString().slice(0, 10);
}

function dayInFileName(fileName: string): string | null {
  return /(\d{4}-\d{2}-\d{2})/u.exec(fileName)?.[1] ?? null;
}

/** Returns the items of the file: an array of entries, or the `data` array of a wrapper object. */
function unwrapItems(value: unknown): { items: unknown[]; wrapperDate: string | null } {
  if (Array.isArray(value)) return { items: value, wrapperDate: null };
  const wrapper = WrapperSchema.safeParse(value);
  if (wrapper.success) return { items: wrapper.data.data, wrapperDate: utcDay(wrapper.data.date) };
  throw new DigestParseError("expected a JSON array of daily papers or an object with a \"data\" array");
}

/** Reads one item, which is an entry object or a string holding its Python `repr()`. */
function readItem(item: unknown, location: string): { entry: DailyPaperEntry } | { reject: RejectedRecord } {
  let value = item;
  const raw = typeof item === "string" ? item : JSON.stringify(item) ?? String(item);
  if (typeof item === "string") {
    try {
      value = parsePythonLiteral(item);
    } catch (error) {
      if (!(error instanceof PythonLiteralError)) throw error;
      return { reject: { location, reason: "invalid Python literal", detail: error.message, raw: truncateRaw(raw) } };
    }
  }
  const entry = DailyPaperEntrySchema.safeParse(value);
  if (entry.success) return { entry: entry.data };
  return { reject: { location, reason: "invalid record shape", detail: describeIssues(entry.error, value), raw: truncateRaw(raw) } };
}

function recordFromEntry(entry: DailyPaperEntry, location: string, digestDate: string | null): PaperRecord | RejectedRecord {
  const { paper } = entry;
  const raw = JSON.stringify(entry);
  const arxivId = normalizeArxivId(paper.id);
  if (!arxivId) {
    return { location, reason: "invalid arXiv id", detail: `paper.id "${paper.id}" is not an arXiv id`, raw: truncateRaw(raw) };
  }

  const abstract = paper.summary ? collapseLineBreaks(paper.summary) : null;
  const authors = paper.authors.map((author) => collapseWhitespace(author.name ?? "")).filter((name) => name.length > 0);
  const textLinks = extractLinks(abstract ?? "");
  // The field is a bare URL, so whitespace inside it is a copy artifact such as a wrapped line.
  const githubRepo = paper.githubRepo ? paper.githubRepo.replace(/\s+/gu, "") : null;
  const repository = githubRepo ? canonicalLink(githubRepo) : null;
  const links = repository && !textLinks.some((link) => link.url === repository.url) ? [repository, ...textLinks] : textLinks;
  const publishedOn = utcDay(paper.publishedAt);

  return validatePaperRecord(
    {
      location,
      arxivId,
      title: collapseWhitespace(paper.title),
      abstract: abstract || null,
      authors: authors.length > 0 ? authors : null,
      authorsCount: authors.length > 0 ? authors.length : null,
      publishedOn: publishedOn ? { date: publishedOn, precision: "day" } : null,
      listedOn: utcDay(paper.submittedOnDailyAt) ?? digestDate,
      upvotes: paper.upvotes ?? null,
      comments: entry.numComments ?? null,
      codeUrl: chooseCodeLink(githubRepo, links)?.url ?? null,
      links,
      projectPage: paper.projectPage ?? null,
      aiKeywords: paper.ai_keywords ?? null,
    },
    raw,
  );
}

/**
 * Parses a Hugging Face `/api/daily_papers` response: an array of entries, an
 * array of Python `repr()` strings of entries, or an object wrapping either in
 * `data`. The day a paper was listed is its `submittedOnDailyAt` day, else the
 * digest's day (the date in the file name, else the wrapper's `date`).
 */
export function parseDailyPapersJson(text: string, context: ParseContext): ParsedDigest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DigestParseError(`invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  const { items, wrapperDate } = unwrapItems(value);
  const fileDay = dayInFileName(context.fileName);
  const digestDate = fileDay ?? wrapperDate;
  let digestDateSource: DigestDateSource | null = null;
  if (fileDay) digestDateSource = "file name";
  else if (wrapperDate) digestDateSource = "wrapper date";

  const records: PaperRecord[] = [];
  const rejects: RejectedRecord[] = [];
  items.forEach((item, index) => {
    const location = `index ${index}`;
    const read = readItem(item, location);
    const result = "reject" in read ? read.reject : recordFromEntry(read.entry, location, digestDate);
    if (isRejectedRecord(result)) rejects.push(result);
    else records.push(result);
  });

  return { format: "hf-daily-api", digestDate, digestDateSource, records, rejects };
}

export const dailyPapersJsonParser: DigestParser = {
  format: "hf-daily-api",
  detect: (text) => /^\s*[[{]/u.test(text) && /["']paper["']\s*:/u.test(text.slice(0, 20_000)),
  parse: parseDailyPapersJson,
};
