import { isCalendarDate } from "@alignment-trends/schema";
import { formatCalendarDate, monthNumber, resolveYearlessDate } from "../../normalize/monthDay";
import type { DigestSource, Line } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { inferCaptureDate } from "./inferCaptureDate";

const AUTHORS_LINE = /^\s*•\s*(\d[\d,]*)\s+authors?\s*$/iu;
const SEPARATOR_LINE = /^\s*·\s*$/u;
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
/** `Jun 20`, `Mar 18 3`, `Aug 15, 2024 2`: a date with an optional year and an optional upvote count. */
const DATE_LINE = new RegExp(`^\\s*${MONTH}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?(?:\\s+(\\d[\\d,]*))?\\s*$`, "iu");
const HEADER_DATE_LINE = new RegExp(`^\\s*${MONTH}\\s+(\\d{1,2})\\s*$`, "iu");

/** How many lines of text between cards are kept for a reject's raw text. */
const KEPT_BODY_LINES = 8;

function parseCount(text: string): number {
  return Number(text.replace(/,/gu, ""));
}

/**
 * Reads the page once for the evidence of its own date: the header date
 * before the first card and every year written on a date line. Raises when
 * the page has no card at all.
 */
async function readCaptureEvidence(source: DigestSource) {
  let header: { month: number; day: number } | null = null;
  let latestYear: number | null = null;
  const recent: Line[] = [];
  let cards = 0;
  for await (const line of source.lines()) {
    if (AUTHORS_LINE.test(line.text)) {
      // The two lines before the first card are its title and abstract, not the header.
      if (cards === 0) {
        const headerLine = recent.slice(0, -2).find((candidate) => HEADER_DATE_LINE.test(candidate.text));
        const match = headerLine ? HEADER_DATE_LINE.exec(headerLine.text)! : null;
        header = match ? { month: monthNumber(match[1]!)!, day: Number(match[2]) } : null;
      }
      cards += 1;
      continue;
    }
    const date = DATE_LINE.exec(line.text);
    if (date?.[3]) latestYear = Math.max(latestYear ?? 0, Number(date[3]));
    if (cards === 0 && line.text.trim() !== "") recent.push(line);
    if (recent.length > 50) recent.shift();
  }
  if (cards === 0) throw new DigestParseError('no paper cards found: expected lines such as "• 5 authors" followed by a date');
  return { header, explicitYears: latestYear === null ? [] : [latestYear] };
}

function rejectLines(lines: Line[], reason: string, detail: string): ParsedItem {
  return rejectItem(`line ${lines[0]!.number}`, reason, detail, lines.map((line) => line.text).join("\n"));
}

/** Turns one card (its title, abstract, author and date lines) into a record or a reject. */
function itemFromCard(body: Line[], authorsLine: Line, dateLine: Line | null, captureDate: string): ParsedItem {
  const [titleLine, abstractLine] = body.length >= 2 ? body.slice(-2) : [body[0], undefined];
  const cardLines = [...body.slice(-2), authorsLine, ...(dateLine ? [dateLine] : [])];
  if (!titleLine) return rejectLines([authorsLine], "missing title", `no title before the author line "${authorsLine.text.trim()}"`);
  if (!dateLine) {
    return rejectLines(cardLines, "missing date", `no date line such as "Jun 20" or "Aug 15, 2024 2" after line ${authorsLine.number}`);
  }

  const date = DATE_LINE.exec(dateLine.text)!;
  const month = monthNumber(date[1]!)!;
  const day = Number(date[2]);
  const year = date[3] ? Number(date[3]) : null;
  let publishedOn: string | null = null;
  if (year !== null && isCalendarDate(year, month, day)) publishedOn = formatCalendarDate(year, month, day);
  if (year === null) publishedOn = resolveYearlessDate(month, day, captureDate);
  if (publishedOn === null) {
    return rejectItem(
      `line ${dateLine.number}`,
      "invalid date",
      `"${dateLine.text.trim()}" is not a calendar date (card titled "${titleLine.text.trim().slice(0, 80)}" at line ${titleLine.number})`,
      cardLines.map((line) => line.text).join("\n"),
    );
  }

  return buildPaperRecord(
    {
      location: `line ${titleLine.number}`,
      title: titleLine.text,
      abstract: abstractLine?.text ?? null,
      authorsCount: parseCount(AUTHORS_LINE.exec(authorsLine.text)![1]!),
      publishedOn: { date: publishedOn, precision: "day" },
      upvotes: date[4] ? parseCount(date[4]) : 0,
    },
    cardLines.map((line) => line.text).join("\n"),
  );
}

/**
 * Streams the cards of a page: the non-empty lines before each author line
 * are its title and abstract, and the next line that is not empty or `·` is
 * its date. Text between cards without an author line of its own is rejected.
 */
async function* readCards(source: DigestSource, captureDate: string): AsyncGenerator<ParsedItem> {
  let body: Line[] = [];
  let authorsLine: Line | null = null;
  let cards = 0;

  const takeBody = (): Line[] => {
    const lines = body;
    body = [];
    return lines;
  };

  for await (const line of source.lines()) {
    if (authorsLine) {
      if (line.text.trim() === "" || SEPARATOR_LINE.test(line.text)) continue;
      const dateLine = DATE_LINE.test(line.text) ? line : null;
      const cardBody = takeBody();
      const orphans = cards > 0 ? cardBody.slice(0, -2) : [];
      if (orphans.length > 0) yield rejectLines(orphans, "missing author line", "text between two cards that has no author count line of its own");
      yield itemFromCard(cardBody, authorsLine, dateLine, captureDate);
      authorsLine = null;
      cards += 1;
      if (dateLine) continue;
    }
    if (AUTHORS_LINE.test(line.text)) {
      authorsLine = line;
      continue;
    }
    if (line.text.trim() === "") continue;
    body.push(line);
    // Keep the first line for the location and the last lines for the card; drop the middle of long stretches.
    if (body.length > KEPT_BODY_LINES) body.splice(1, 1);
  }

  if (authorsLine) {
    const cardBody = takeBody();
    const orphans = cards > 0 ? cardBody.slice(0, -2) : [];
    if (orphans.length > 0) yield rejectLines(orphans, "missing author line", "text between two cards that has no author count line of its own");
    yield itemFromCard(cardBody, authorsLine, null, captureDate);
  } else if (body.length > 0 && cards > 0) {
    yield rejectLines(body, "missing author line", "text after the last card that has no author count line");
  }
}

/**
 * Parses text copied from a Hugging Face Papers page (daily list or search
 * results): per card a title, an abstract, an author count (`• 5 authors`), a
 * `·` line and a date with an optional year and upvote count. A missing count
 * means 0 upvotes. Page dates are arXiv publication dates; a date without a
 * year resolves within the capture date's year, never after the capture date.
 */
export const hfPapersPageParser: DigestParser = {
  format: "hf-papers-page",
  description: "text copied from a Hugging Face Papers page (title, abstract, • N authors, date and upvotes per card)",
  priority: 40,
  detect: (head) => head.split(/\r?\n/u).some((line) => AUTHORS_LINE.test(line)),
  async parse(source, context) {
    const evidence = await readCaptureEvidence(source);
    const capture = inferCaptureDate({ ...evidence, asOf: context.asOf, today: context.today });
    return { format: "hf-papers-page", digestDate: capture.date, digestDateSource: capture.source, items: readCards(source, capture.date) };
  },
};
