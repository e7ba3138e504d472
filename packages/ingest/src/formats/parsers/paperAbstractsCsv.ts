import { isCalendarDate } from "@alignment-trends/schema";
import { formatCalendarDate } from "../../normalize/monthDay";
import { arxivIdFromText } from "../../normalize/normalizeArxivId";
import type { DigestSource } from "../../source/DigestSource";
import { readCsvRows, UnterminatedCsvFieldError, type CsvRow } from "../../source/readCsvRows";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestDateSource, type DigestParser, type ParsedItem } from "../digestParser";

const HEADER = "Title,Description,PaperURL,TweetURL,Abstract";
const HEADER_LINE = /^Title,Description,PaperURL,TweetURL,Abstract(?:\r?\n|$)/u;
/** `ml-potw-10232023.csv`: the export day written as MMDDYYYY after `ml-potw-`. */
const FILE_NAME_DAY = /ml-potw-(\d{2})(\d{2})(\d{4})(?!\d)/iu;

/** Returns the day in an `ml-potw-MMDDYYYY` file name as `YYYY-MM-DD`, or null when there is none. */
function dayOfExportName(fileName: string): string | null {
  const match = FILE_NAME_DAY.exec(fileName);
  if (!match) return null;
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? formatCalendarDate(year, month, day) : null;
}

/** Writes cells back as one CSV line, quoting where RFC 4180 requires it, for a reject's raw text. */
function formatCsvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\r\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell)).join(",");
}

function itemFromRow(row: CsvRow): ParsedItem {
  const location = `line ${row.line}`;
  const raw = formatCsvLine(row.cells);
  if (row.cells.length !== 5) {
    return rejectItem(location, "wrong cell count", `expected 5 cells (${HEADER}), found ${row.cells.length}`, raw);
  }

  const [title, description, paperUrl, tweetUrl, abstract] = row.cells.map((cell) => cell.trim()) as [string, string, string, string, string];
  return buildPaperRecord(
    {
      location,
      // Often a short name such as "Llemma". A source that gives the full title replaces it when papers merge.
      title,
      identityText: [paperUrl],
      abstract,
      linkText: `${description}\n${paperUrl}`,
      extra: {
        description,
        // An arXiv URL is rebuilt from the id, so only other paper URLs are kept.
        paperUrl: arxivIdFromText(paperUrl) ? undefined : paperUrl,
        tweetUrl,
      },
    },
    raw,
  );
}

async function* readAbstractRows(source: DigestSource): AsyncGenerator<ParsedItem> {
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
 * Parses the paper CSV export of DAIR.AI's "ML Papers of the Week"
 * (`research/ml-potw-MMDDYYYY.csv`): per paper a title or short name, the
 * digest's one-line description, the paper and tweet URLs and the abstract.
 * Rows carry no date. The digest date is the day in the file name, else
 * `--as-of`, and no paper gets a listing day.
 */
export const paperAbstractsCsvParser: DigestParser = {
  format: "paper-abstracts-csv",
  description: `CSV of papers with abstracts and the header ${HEADER} (DAIR.AI ML Papers of the Week export)`,
  priority: 20,
  detect: (head) => HEADER_LINE.test(head),
  async parse(source, context) {
    const head = await source.head();
    if (!HEADER_LINE.test(head)) {
      const firstLine = head.split(/\r?\n/u, 1)[0] ?? "";
      throw new DigestParseError(`expected the CSV header "${HEADER}", found "${firstLine.slice(0, 80)}"`);
    }
    const fileDay = dayOfExportName(source.fileName);
    let digestDateSource: DigestDateSource | null = null;
    if (fileDay) digestDateSource = "file name";
    else if (context.asOf) digestDateSource = "as-of";
    return { format: "paper-abstracts-csv", digestDate: fileDay ?? context.asOf, digestDateSource, items: readAbstractRows(source) };
  },
};
