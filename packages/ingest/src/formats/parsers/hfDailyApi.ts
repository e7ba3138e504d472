import { z } from "zod";
import { dayInFileName, utcDayOfTimestamp } from "../../normalize/calendarDates";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestDateSource, type DigestParser, type ParsedItem } from "../digestParser";
import { parsePythonLiteral, PythonLiteralError } from "../parsePythonLiteral";
import { describeJsonPath, firstSignificantCharacter, readJsonItems } from "../readJsonItems";
import { describeIssues } from "../validatePaperRecord";

const optionalText = z.string().nullish();

/** One entry of `/api/daily_papers`; fields the product does not read are kept in `extra`. */
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
    githubStars: z.number().nullish(),
    projectPage: optionalText,
    ai_keywords: z.array(z.string()).nullish(),
    ai_summary: optionalText,
    organization: z.unknown().optional(),
  }),
  numComments: z.number().nullish(),
});
type DailyPaperEntry = z.infer<typeof DailyPaperEntrySchema>;

/** Finds the `date` member of a wrapper object near the start of the file. */
function wrapperDate(head: string): string | null {
  const match = /^\s*\{(?:\s*"(?:status|count)"\s*:\s*(?:"[^"]*"|\d+)\s*,)*\s*"date"\s*:\s*"(\d{4}-\d{2}-\d{2})/u.exec(head);
  return match ? utcDayOfTimestamp(match[1]) : null;
}

function recordFromEntry(entry: DailyPaperEntry, location: string, digestDate: string | null, raw: string): ParsedItem {
  const { paper } = entry;
  const names = paper.authors.map((author) => author.name?.trim() ?? "").filter((name) => name.length > 0);
  const publishedOn = utcDayOfTimestamp(paper.publishedAt);
  const submittedOn = utcDayOfTimestamp(paper.submittedOnDailyAt);
  for (const [field, value, day] of [["publishedAt", paper.publishedAt, publishedOn], ["submittedOnDailyAt", paper.submittedOnDailyAt, submittedOn]] as const) {
    if (value && !day) return rejectItem(location, "invalid date", `${field} "${value}" is not an ISO 8601 timestamp of a calendar day`, raw);
  }
  return buildPaperRecord(
    {
      location,
      arxivId: paper.id,
      title: paper.title,
      abstract: paper.summary,
      authors: names,
      publishedOn: publishedOn ? { date: publishedOn, precision: "day" } : null,
      listedOn: submittedOn ?? digestDate,
      upvotes: paper.upvotes,
      comments: entry.numComments,
      repository: paper.githubRepo,
      projectPage: paper.projectPage,
      keywords: paper.ai_keywords,
      extra: {
        aiSummary: paper.ai_summary ?? undefined,
        githubStars: paper.githubStars ?? undefined,
        organization: paper.organization,
        hiddenAuthors: paper.authors.filter((author) => author.hidden === true).length || undefined,
      },
    },
    raw,
  );
}

/** Reads one item, which is an entry object or a string holding its Python `repr()`. */
function* itemsFromValue(value: unknown, location: string, digestDate: string | null, raw: string): Iterable<ParsedItem> {
  let entry = value;
  if (typeof value === "string") {
    try {
      entry = parsePythonLiteral(value);
    } catch (error) {
      if (!(error instanceof PythonLiteralError)) throw error;
      yield rejectItem(location, "invalid Python literal", error.message, raw);
      return;
    }
  }
  const parsed = DailyPaperEntrySchema.safeParse(entry);
  if (!parsed.success) {
    yield rejectItem(location, "invalid record shape", describeIssues(parsed.error, entry), raw);
    return;
  }
  yield recordFromEntry(parsed.data, location, digestDate, raw);
}

/**
 * Parses a response of Hugging Face's `/api/daily_papers`: an array of
 * entries, an array of Python `repr()` strings of entries, or an object that
 * wraps either in `data`. The day a paper was listed is its
 * `submittedOnDailyAt` day, else the digest's day (the date in the file name,
 * else the wrapper's `date`).
 */
export const hfDailyApiParser: DigestParser = {
  format: "hf-daily-api",
  description: "Hugging Face daily-papers API responses (JSON, also Python repr strings and a data wrapper)",
  priority: 50,
  detect: (head) => /^\s*[[{]/u.test(head) && /^\s*(?:\[\s*"?\{\s*['"]paper['"]\s*:|\{[^[]*"data"\s*:\s*\[\s*"?\{\s*['"]paper['"])/u.test(head),
  async parse(source) {
    const head = await source.head();
    const opening = firstSignificantCharacter(head);
    if (opening !== "[" && opening !== "{") {
      throw new DigestParseError("expected a JSON array of daily papers or an object with a \"data\" array");
    }
    if (opening === "{" && !/"data"\s*:/u.test(head)) {
      throw new DigestParseError('expected a JSON array of daily papers or an object with a "data" array');
    }
    const fileDay = dayInFileName(source.fileName);
    const wrapperDay = opening === "{" ? wrapperDate(head) : null;
    const digestDate = fileDay ?? wrapperDay;
    let digestDateSource: DigestDateSource | null = null;
    if (fileDay) digestDateSource = "file name";
    else if (wrapperDay) digestDateSource = "wrapper date";

    // A wrapper keeps its entries one level deeper, under "data", and its other members are scalars.
    const depth = opening === "[" ? 1 : 2;
    const items = readJsonItems(source, depth, function* (value, text) {
      if (depth === 2 && text.path[0] !== "data") return;
      // A scalar `data` member has no index of its own, so it keeps its key as its location.
      const path = depth === 2 && text.path.length > 1 ? text.path.slice(1) : text.path;
      yield* itemsFromValue(value, describeJsonPath(path), digestDate, text.raw);
    });
    return { format: "hf-daily-api", digestDate, digestDateSource, items };
  },
};
