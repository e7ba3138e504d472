import { isCalendarDate } from "@alignment-trends/schema";
import type { DigestSource } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { isTableSeparator, markdownLinks, splitTableRow } from "../markdown";

/** `## Papers for 2024-10-01`: the day Hugging Face listed the papers of the table below it. */
const DAY_HEADING = /^##\s+Papers for\s+(\d{4})-(\d{2})-(\d{2})\s*$/u;
const HEADING = /^#{1,6}\s/u;
const TABLE_HEADER = ["Title", "Authors", "Summary"];
/** The links the digest appends to every title: `(Read more on [arXiv](…) or [HuggingFace](…))`. */
const READ_MORE = /\s*\(Read more on\s+(.*)\)\s*$/su;
/** How many lines one row may span. A wrapped title spans two or three. */
const MAX_ROW_LINES = 20;

interface PendingRow {
  line: number;
  lineCount: number;
  text: string;
}

function dayOfHeading(text: string): string | null {
  const match = DAY_HEADING.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function isTableHeader(line: string): boolean {
  const cells = splitTableRow(line);
  return cells !== null && cells.length === TABLE_HEADER.length && cells.every((cell, index) => cell === TABLE_HEADER[index]);
}

/**
 * Reads the file up to its table header for the digest's day. Raises when the
 * file has no `| Title | Authors | Summary |` table.
 */
async function readDigestDay(source: DigestSource): Promise<string | null> {
  let day: string | null = null;
  for await (const line of source.lines()) {
    if (isTableHeader(line.text)) return day;
    day ??= dayOfHeading(line.text);
  }
  throw new DigestParseError('no paper table found: expected a table with the header "| Title | Authors | Summary |"');
}

/**
 * Splits a row into its title, authors and summary cells. Only the first two
 * unescaped pipes separate cells, because summaries contain bare pipes
 * (`Conf(Vᵢ|Xᵢ)`). Returns null when the row has fewer than three cells.
 */
function splitRow(text: string): [string, string, string] | null {
  const body = text.trim().replace(/^\|/u, "").replace(/(?<!\\)\|$/u, "");
  const separators: number[] = [];
  for (let index = 0; index < body.length && separators.length < 2; index += 1) {
    if (body[index] === "\\") index += 1;
    else if (body[index] === "|") separators.push(index);
  }
  const [first, second] = separators;
  if (first === undefined || second === undefined) return null;
  const unescape = (cell: string) => cell.replace(/\\\|/gu, "|").trim();
  return [unescape(body.slice(0, first)), unescape(body.slice(first + 1, second)), unescape(body.slice(second + 1))];
}

/** Reports whether a line continues the row above it: text that is not blank, a new row or a heading. */
function continuesRow(text: string): boolean {
  return text.trim() !== "" && !text.trimStart().startsWith("|") && !HEADING.test(text);
}

function itemFromRow(row: PendingRow, listedOn: string | null): ParsedItem {
  const location = `line ${row.line}`;
  if (row.lineCount > MAX_ROW_LINES) {
    return rejectItem(location, "record too large", `the row spans more than ${MAX_ROW_LINES} lines`, row.text);
  }
  const cells = splitRow(row.text);
  if (!cells) return rejectItem(location, "wrong cell count", "expected 3 cells (Title, Authors, Summary)", row.text);

  const [titleCell, authorsCell, summary] = cells;
  const readMore = READ_MORE.exec(titleCell);
  const title = readMore ? titleCell.slice(0, readMore.index) : titleCell;
  const links = markdownLinks(readMore?.[1] ?? titleCell).map((link) => link.url);
  const authorsShown = authorsCell
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);

  return buildPaperRecord(
    {
      location,
      title,
      identityText: links,
      listedOn,
      linkText: summary,
      extra: { authorsShown: authorsShown.length > 0 ? authorsShown : undefined, summary },
    },
    row.text,
  );
}

/**
 * Streams the table rows. A row starts at a line that begins with `|`, and
 * the lines after it that do not begin with `|` continue it, because titles
 * wrap onto indented lines. A blank line or a heading ends the row. Only
 * rows of a `| Title | Authors | Summary |` table are papers; other text and
 * other tables are skipped.
 */
async function* readRows(source: DigestSource, firstDay: string | null): AsyncGenerator<ParsedItem> {
  let listedOn = firstDay;
  let inTable = false;
  let row: PendingRow | null = null;

  for await (const line of source.lines()) {
    const text = line.text;
    if (row && continuesRow(text)) {
      row.lineCount += 1;
      if (row.lineCount <= MAX_ROW_LINES) row.text += `\n${text}`;
      continue;
    }
    if (row) yield itemFromRow(row, listedOn);
    row = null;

    if (HEADING.test(text)) {
      inTable = false;
      if (DAY_HEADING.test(text)) {
        listedOn = dayOfHeading(text);
        if (!listedOn) yield rejectItem(`line ${line.number}`, "invalid date", `"${text.trim()}" does not name a calendar day`, text);
      }
      continue;
    }
    const cells = splitTableRow(text);
    if (!cells) continue;
    if (isTableHeader(text)) inTable = true;
    else if (inTable && !isTableSeparator(cells)) row = { line: line.number, lineCount: 1, text };
  }
  if (row) yield itemFromRow(row, listedOn);
}

/**
 * Parses a day of gabrielchua/daily-ai-papers (`archive/YYYY/MM/DD.md`): a
 * `## Papers for YYYY-MM-DD` heading and a `| Title | Authors | Summary |`
 * table. The title cell ends with arXiv and Hugging Face links, which give the
 * arXiv id. The authors column often shows only the last few authors, some as
 * Hugging Face user names, so it goes to `extra.authorsShown`. Summaries are
 * LLM-written, not abstracts, so they go to `extra.summary`.
 */
export const dailyTableMarkdownParser: DigestParser = {
  format: "daily-table-markdown",
  description: "daily papers as a markdown table (## Papers for YYYY-MM-DD, | Title | Authors | Summary |)",
  priority: 30,
  detect: (head) => {
    const lines = head.split(/\r?\n/u);
    return lines.some((line) => DAY_HEADING.test(line)) && lines.some((line) => isTableHeader(line));
  },
  async parse(source) {
    const day = await readDigestDay(source);
    return { format: "daily-table-markdown", digestDate: day, digestDateSource: day ? "heading" : null, items: readRows(source, day) };
  },
};
