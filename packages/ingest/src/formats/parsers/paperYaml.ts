import { isCalendarDate } from "@alignment-trends/schema";
import { parseDocument, YAMLError } from "yaml";
import { z } from "zod";
import { dayInFileName } from "../../normalize/calendarDates";
import { decodeLatex } from "../../normalize/decodeLatex";
import type { DigestSource } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import type { DigestDateSource, DigestParser, ParsedItem } from "../digestParser";
import { describeIssues } from "../validatePaperRecord";

/**
 * The largest file read, in characters. A paper file is about one kilobyte.
 * The limit bounds the work too, because yaml 2.9 reads a line of stray `]`
 * or `}` at about 40 µs a character on a shared two-core machine, so a file
 * at the limit takes about 4 s.
 */
const MAX_FILE_CHARACTERS = 100_000;
const LOCATION = "file";
/** `2024-06-18 00:00` in older files, `2024-06-18` in later ones. */
const DATE_FIELD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/u;
/** The value the newsletter writes in place of an opinion. */
const OPINION_PLACEHOLDER = "placeholder";
const KNOWN_FIELDS = new Set(["date", "author", "title", "thumbnail", "link", "summary", "opinion", "tags"]);

/** A scalar read as text, because YAML reads a title such as `1984` as a number. */
const scalarText = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((value) => String(value).trim())
  .nullish();

/** One paper of the newsletter. Members besides the known ones go to `extra.otherFields`. */
const PaperYamlSchema = z.looseObject({
  date: scalarText,
  author: scalarText,
  title: scalarText,
  thumbnail: scalarText,
  link: scalarText,
  summary: scalarText,
  opinion: scalarText,
  tags: z.union([z.array(z.string()), z.string().transform((tag) => [tag])]).nullish(),
});
type PaperYaml = z.infer<typeof PaperYamlSchema>;

interface ReadPaper {
  item: ParsedItem;
  /** The day of the `date` field, when it has a valid one. */
  day: string | null;
}

function dayOfDateField(text: string): string | null {
  const match = DATE_FIELD.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** Returns the file's text, or null when it is longer than MAX_FILE_CHARACTERS. */
async function readSmallText(source: DigestSource): Promise<string | null> {
  let text = "";
  for await (const chunk of source.chunks()) {
    text += chunk;
    if (text.length > MAX_FILE_CHARACTERS) return null;
  }
  return text;
}

/** Returns `line L, column C` of a character offset, both counted from 1. */
function describePosition(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return `line ${before.split("\n").length}, column ${offset - lineStart + 1}`;
}

/** Parses YAML text into a value, or returns the parser's first error message. */
function parseYaml(text: string): { value: unknown } | { error: string } {
  let document: ReturnType<typeof parseDocument>;
  try {
    // Pretty errors would add line context to every error, which takes time quadratic in the count of stray tokens.
    document = parseDocument(text, { prettyErrors: false });
  } catch (error) {
    // yaml 2.9 composes flow collections recursively, so thousands of nested `{` or `[` exhaust the call stack.
    if (!(error instanceof RangeError)) throw error;
    return { error: `the YAML nests collections too deeply to read (${error.message})` };
  }
  const [firstError] = document.errors;
  if (firstError) return { error: `${firstError.message.split("\n")[0]!} at ${describePosition(text, firstError.pos[0])}` };
  try {
    return { value: document.toJS() };
  } catch (error) {
    // toJS raises a ReferenceError when aliases expand past its default limit of 100 (yaml 2.9), which stops alias bombs.
    if (!(error instanceof YAMLError || error instanceof ReferenceError)) throw error;
    return { error: error.message };
  }
}

function otherFields(paper: PaperYaml): Record<string, unknown> | undefined {
  const entries = Object.entries(paper).filter(([key]) => !KNOWN_FIELDS.has(key));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function recordFromPaper(paper: PaperYaml, fileDay: string | null, raw: string): ReadPaper {
  const day = paper.date ? dayOfDateField(paper.date) : null;
  if (paper.date && !day) {
    return { item: rejectItem(LOCATION, "invalid date", `date "${paper.date}" is not a calendar day as YYYY-MM-DD or YYYY-MM-DD HH:MM`, raw), day: null };
  }
  const opinion = paper.opinion && paper.opinion.toLowerCase() !== OPINION_PLACEHOLDER ? paper.opinion : undefined;
  const item = buildPaperRecord(
    {
      location: LOCATION,
      title: paper.title ?? "",
      identityText: [paper.link],
      listedOn: day ?? fileDay,
      linkText: paper.summary,
      extra: {
        firstAuthor: paper.author ? decodeLatex(paper.author) : undefined,
        // Cut at about 500 characters and ended with "...".
        summary: paper.summary,
        summaryTruncated: paper.summary?.endsWith("...") || undefined,
        opinion,
        tags: paper.tags && paper.tags.length > 0 ? paper.tags : undefined,
        thumbnailUrl: paper.thumbnail,
        otherFields: otherFields(paper),
      },
    },
    raw,
  );
  return { item, day };
}

/** Reads the file whole, which a size limit keeps small, into one record or one reject. */
async function readPaper(source: DigestSource, fileDay: string | null): Promise<ReadPaper> {
  const text = await readSmallText(source);
  if (text === null) {
    const detail = `the file is longer than ${MAX_FILE_CHARACTERS} characters, but a paper file is about one kilobyte`;
    return { item: rejectItem(LOCATION, "record too large", detail, null), day: null };
  }
  const parsed = parseYaml(text);
  if ("error" in parsed) return { item: rejectItem(LOCATION, "invalid YAML", parsed.error, text), day: null };

  const paper = PaperYamlSchema.safeParse(parsed.value);
  if (!paper.success) return { item: rejectItem(LOCATION, "invalid record shape", describeIssues(paper.error, parsed.value), text), day: null };
  return recordFromPaper(paper.data, fileDay, text);
}

async function* yieldItem(item: ParsedItem): AsyncGenerator<ParsedItem> {
  yield item;
}

/**
 * Parses one paper of deep-diver/hf-daily-paper-newsletter (`archive/N/*.yaml`,
 * one file per paper of a Hugging Face daily list): `date`, `author` (the
 * first author only), `title`, `thumbnail`, `link` (a huggingface.co/papers
 * URL), `summary`, `opinion` and `tags`. The summary goes to `extra`, not to
 * the abstract, because it is usually an LLM rewrite of the abstract. The
 * digest's day is the `date` field (reported as the "wrapper date", a date
 * member of the document itself), else the day at the start of the file name.
 */
export const paperYamlParser: DigestParser = {
  format: "paper-yaml",
  description: "one Hugging Face daily paper per YAML file (date, author, title, link, summary, tags; hf-daily-paper-newsletter)",
  priority: 30,
  detect: (head) =>
    /^date:\s*\S/mu.test(head) &&
    /^title:\s*\S/mu.test(head) &&
    /^summary:/mu.test(head) &&
    /^link:\s*["']?https?:\/\/(?:www\.)?huggingface\.co\/papers\//mu.test(head),
  async parse(source) {
    const fileDay = dayInFileName(source.fileName);
    const { item, day } = await readPaper(source, fileDay);
    let digestDateSource: DigestDateSource | null = null;
    if (day) digestDateSource = "wrapper date";
    else if (fileDay) digestDateSource = "file name";
    return { format: "paper-yaml", digestDate: day ?? fileDay, digestDateSource, items: yieldItem(item) };
  },
};
