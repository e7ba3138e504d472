import { isCalendarDate } from "@alignment-trends/schema";
import { arxivIdFromText } from "../../normalize/normalizeArxivId";
import type { DigestSource } from "../../source/DigestSource";
import { readCsvRows, UnterminatedCsvFieldError, type CsvRow } from "../../source/readCsvRows";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";

const HEADER = "date,title,url";
const HEADER_LINE = /^date,title,url(?:\r?\n|$)/u;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Returns `text` when it is a real calendar day written as `YYYY-MM-DD`, else null. */
function calendarDay(text: string): string | null {
  const match = ISO_DAY.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return text;
}

/** Writes cells back as one CSV line, quoting where RFC 4180 requires it, for a reject's raw text. */
function formatCsvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\r\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell)).join(",");
}

function itemFromRow(row: CsvRow): ParsedItem {
  const location = `line ${row.line}`;
  const raw = formatCsvLine(row.cells);
  if (row.cells.length !== 3) {
    return rejectItem(location, "wrong cell count", `expected 3 cells (${HEADER}), found ${row.cells.length}`, raw);
  }

  const [date, title, url] = row.cells as [string, string, string];
  const listedOn = calendarDay(date.trim());
  if (!listedOn) return rejectItem(location, "invalid date", `date "${date}" is not a calendar day as YYYY-MM-DD`, raw);

  const trimmedUrl = url.trim();
  return buildPaperRecord(
    {
      location,
      title,
      identityText: [trimmedUrl],
      listedOn,
      // The URL is kept only when it names no arXiv id, because an arXiv URL is rebuilt from the id.
      extra: { url: arxivIdFromText(trimmedUrl) ? undefined : trimmedUrl },
    },
    raw,
  );
}

async function* readListRows(source: DigestSource): AsyncGenerator<ParsedItem> {
  let isHeader = true;
  try {
    for await (const row of readCsvRows(source.chunks())) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      yield itemFromRow(row);
    }
  } catch (error) {
    if (!(error instanceof UnterminatedCsvFieldError)) throw error;
    yield rejectItem(`line ${error.line}`, "unterminated quoted field", error.message, null);
  }
}

/**
 * Parses `papers_list.csv` of the Korean daily-papers digest (l-yohai/daily_papers_ko):
 * one row per paper with the day Hugging Face listed it, its title and its
 * arXiv URL. The list grows by a few rows a day, so it has no date of its own.
 * The digest date is `--as-of` when given, else none, and each row keeps its
 * own day as `listedOn`.
 */
export const papersListCsvParser: DigestParser = {
  format: "papers-list-csv",
  description: "CSV list of Hugging Face daily papers with the header date,title,url (daily_papers_ko papers_list.csv)",
  priority: 30,
  detect: (head) => HEADER_LINE.test(head),
  async parse(source, context) {
    const head = await source.head();
    if (!HEADER_LINE.test(head)) {
      const firstLine = head.split(/\r?\n/u, 1)[0] ?? "";
      throw new DigestParseError(`expected the CSV header "${HEADER}", found "${firstLine.slice(0, 80)}"`);
    }
    return {
      format: "papers-list-csv",
      digestDate: context.asOf,
      digestDateSource: context.asOf ? "as-of" : null,
      items: readListRows(source),
    };
  },
};
