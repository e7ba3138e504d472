import type { PaperRecord, RejectedRecord } from "@alignment-trends/schema";
import { collapseWhitespace } from "../normalize/collapseWhitespace";
import { chooseCodeLink, extractLinks } from "../normalize/extractLinks";
import { isCalendarDate } from "@alignment-trends/schema";
import { formatCalendarDate, monthNumber, resolveYearlessDate } from "../normalize/monthDay";
import { DigestParseError, type DigestParser, type ParseContext, type ParsedDigest } from "./digestParser";
import { inferCaptureDate } from "./inferCaptureDate";
import { isRejectedRecord, truncateRaw, validatePaperRecord } from "./validatePaperRecord";

const AUTHORS_LINE = /^\s*•\s*(\d[\d,]*)\s+authors?\s*$/iu;
const SEPARATOR_LINE = /^\s*·\s*$/u;
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
/** `Jun 20`, `Mar 18 3`, `Aug 15, 2024 2`: a date with an optional year and an optional upvote count. */
const DATE_LINE = new RegExp(`^\\s*${MONTH}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?(?:\\s+(\\d[\\d,]*))?\\s*$`, "iu");
const HEADER_DATE_LINE = new RegExp(`^\\s*${MONTH}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*$`, "iu");

interface Line {
  number: number;
  text: string;
}

interface PaperCard {
  /** Non-empty lines between the previous card and this card's author line. */
  body: Line[];
  authorsLine: Line;
  dateLine: Line | null;
}

/** Splits the page into cards, each ending at its author line and the date after it. */
function splitCards(lines: Line[]): { cards: PaperCard[]; trailing: Line[] } {
  const cards: PaperCard[] = [];
  let body: Line[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!AUTHORS_LINE.test(line.text)) {
      if (line.text.trim().length > 0) body.push(line);
      continue;
    }
    let next = index + 1;
    while (next < lines.length && (lines[next]!.text.trim() === "" || SEPARATOR_LINE.test(lines[next]!.text))) next += 1;
    const candidate = lines[next];
    const dateLine = candidate && DATE_LINE.test(candidate.text) ? candidate : null;
    cards.push({ body, authorsLine: line, dateLine });
    body = [];
    index = dateLine ? next : next - 1;
  }
  return { cards, trailing: body };
}

function parseCount(text: string): number {
  return Number(text.replace(/,/gu, ""));
}

/** Collects the evidence of the page's own date: the header date before the first card, and every year written out. */
function captureEvidence(lines: Line[], firstCard: PaperCard | undefined) {
  const headerLines = firstCard ? firstCard.body.slice(0, -2) : [];
  const header = headerLines
    .map((line) => HEADER_DATE_LINE.exec(line.text))
    .find((match) => match !== null && match[3] === undefined);
  const explicitYears = lines.flatMap((line) => {
    const match = DATE_LINE.exec(line.text);
    return match?.[3] ? [Number(match[3])] : [];
  });
  return {
    header: header ? { month: monthNumber(header[1]!)!, day: Number(header[2]) } : null,
    explicitYears,
  };
}

function rejectLines(lines: Line[], reason: string, detail: string): RejectedRecord {
  return {
    location: `line ${lines[0]!.number}`,
    reason,
    detail,
    raw: truncateRaw(lines.map((line) => line.text).join("\n")),
  };
}

/** Turns one card into a record, or a reject naming what is missing or invalid. */
function recordFromCard(card: PaperCard, captureDate: string): PaperRecord | RejectedRecord {
  const [titleLine, abstractLine] = card.body.length >= 2 ? card.body.slice(-2) : [card.body[0], undefined];
  const cardLines = [...card.body.slice(-2), card.authorsLine, ...(card.dateLine ? [card.dateLine] : [])];
  if (!titleLine) return rejectLines([card.authorsLine], "missing title", `no title before the author line "${card.authorsLine.text.trim()}"`);
  if (!card.dateLine) {
    return rejectLines(cardLines, "missing date", `no date line such as "Jun 20" or "Aug 15, 2024 2" after line ${card.authorsLine.number}`);
  }

  const date = DATE_LINE.exec(card.dateLine.text)!;
  const month = monthNumber(date[1]!)!;
  const day = Number(date[2]);
  const year = date[3] ? Number(date[3]) : null;
  let publishedOn: string | null = null;
  if (year !== null && isCalendarDate(year, month, day)) publishedOn = formatCalendarDate(year, month, day);
  if (year === null) publishedOn = resolveYearlessDate(month, day, captureDate);
  if (publishedOn === null) {
    return {
      location: `line ${card.dateLine.number}`,
      reason: "invalid date",
      detail: `"${card.dateLine.text.trim()}" is not a calendar date (card titled "${titleLine.text.trim().slice(0, 80)}" at line ${titleLine.number})`,
      raw: truncateRaw(cardLines.map((line) => line.text).join("\n")),
    };
  }
  const abstract = abstractLine ? collapseWhitespace(abstractLine.text) : null;
  const links = extractLinks(abstract ?? "");

  const candidate: PaperRecord = {
    location: `line ${titleLine.number}`,
    arxivId: null,
    title: collapseWhitespace(titleLine.text),
    abstract,
    authors: null,
    authorsCount: parseCount(AUTHORS_LINE.exec(card.authorsLine.text)![1]!),
    publishedOn: { date: publishedOn, precision: "day" },
    listedOn: null,
    upvotes: date[4] ? parseCount(date[4]) : 0,
    comments: null,
    codeUrl: chooseCodeLink(null, links)?.url ?? null,
    links,
    projectPage: null,
    aiKeywords: null,
  };
  return validatePaperRecord(candidate, cardLines.map((line) => line.text).join("\n"));
}

/**
 * Parses text copied from a Hugging Face Papers page (daily list or search
 * results). Each card is a title, an abstract, an author count line
 * (`• 5 authors`), a `·` line and a date with an optional year and upvote
 * count. A missing count means 0 upvotes. Page dates are arXiv publication
 * dates; dates without a year resolve within the capture date's year, never
 * after the capture date.
 */
export function parsePapersPage(text: string, context: ParseContext): ParsedDigest {
  const lines = text.split(/\r?\n/u).map((line, index) => ({ number: index + 1, text: line }));
  const { cards, trailing } = splitCards(lines);
  if (cards.length === 0) throw new DigestParseError('no paper cards found: expected lines such as "• 5 authors" followed by a date');

  const evidence = captureEvidence(lines, cards[0]);
  const capture = inferCaptureDate({ ...evidence, asOf: context.asOf, today: context.today });

  const records: PaperRecord[] = [];
  const rejects: RejectedRecord[] = [];
  cards.forEach((card, index) => {
    const orphanLines = index === 0 ? [] : card.body.slice(0, -2);
    if (orphanLines.length > 0) {
      rejects.push(rejectLines(orphanLines, "missing author line", "text between two cards that has no author count line of its own"));
    }
    const result = recordFromCard(card, capture.date);
    if (isRejectedRecord(result)) rejects.push(result);
    else records.push(result);
  });
  if (trailing.length > 0) {
    rejects.push(rejectLines(trailing, "missing author line", "text after the last card that has no author count line"));
  }

  return { format: "hf-papers-page", digestDate: capture.date, digestDateSource: capture.source, records, rejects };
}

export const papersPageParser: DigestParser = {
  format: "hf-papers-page",
  detect: (text) => text.split(/\r?\n/u, 5_000).some((line) => AUTHORS_LINE.test(line)),
  parse: parsePapersPage,
};
