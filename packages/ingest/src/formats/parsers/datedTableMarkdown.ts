import { monthOfShortDate } from "../../normalize/calendarDates";
import { arxivIdFromText } from "../../normalize/normalizeArxivId";
import type { DigestSource, Line } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { isTableSeparator, markdownLinks, splitTableRow, stripMarkdown } from "../markdown";

const COLUMNS = ["date", "institute", "publication", "paper", "keywords"] as const;

/** Reports whether table cells are the header `| Date | Institute | Publication | Paper | Keywords |`. */
function isPaperHeader(cells: string[]): boolean {
  return cells.length === COLUMNS.length && cells.every((cell, index) => stripMarkdown(cell).toLowerCase() === COLUMNS[index]);
}

/**
 * Splits `**A**&**B**&**C**` into its keywords. Stray bold marks are dropped,
 * and a doubled `****` between two keywords counts as a separator.
 */
function splitKeywords(cell: string): string[] {
  return cell
    .replace(/\*{4}/gu, "&")
    .replace(/\*\*/gu, "")
    .split("&")
    .map((keyword) => keyword.trim().replace(/^[=\s]+/u, ""))
    .filter((keyword) => keyword !== "");
}

/** Reads the Paper cell: `[Title](url)`, or a plain title in rows that give no link. */
function readPaperCell(cell: string): { title: string; url: string | null } {
  const link = /^\[([\s\S]+)\]\(\s*([^)\s]*)\s*\)$/u.exec(cell.trim());
  if (link) return { title: stripMarkdown(link[1]!), url: link[2] || null };
  const [firstLink] = markdownLinks(cell);
  return { title: stripMarkdown(cell), url: firstLink?.url ?? null };
}

function itemFromRow(line: Line, cells: string[]): ParsedItem {
  const location = `line ${line.number}`;
  if (cells.length !== COLUMNS.length) {
    return rejectItem(location, "wrong cell count", `expected ${COLUMNS.length} cells (Date, Institute, Publication, Paper, Keywords), found ${cells.length}`, line.text);
  }
  const [date, institute, publication, paperCell, keywords] = cells as [string, string, string, string, string];
  const publishedOn = monthOfShortDate(date);
  if (!publishedOn) return rejectItem(location, "invalid date", `date "${date}" is not a month written as YY.MM`, line.text);

  const paper = readPaperCell(paperCell);
  const isWebUrl = paper.url !== null && /^https?:\/\//iu.test(paper.url);
  return buildPaperRecord(
    {
      location,
      title: paper.title,
      identityText: [paper.url],
      publishedOn,
      extra: {
        institute: stripMarkdown(institute),
        venue: stripMarkdown(publication),
        keywords: splitKeywords(keywords),
        // An arXiv URL is rebuilt from the id, and a placeholder such as "TODO" is no URL.
        paperUrl: isWebUrl && !arxivIdFromText(paper.url!) ? paper.url : undefined,
      },
    },
    line.text,
  );
}

/**
 * Streams the rows of every table whose header is the paper header. Tables
 * with other headers, such as the tutorials and news lists, are skipped, and
 * a table ends at the first line that is not a table row.
 */
async function* readPaperRows(source: DigestSource): AsyncGenerator<ParsedItem> {
  let inPaperTable = false;
  for await (const line of source.lines()) {
    const cells = splitTableRow(line.text);
    if (!cells) {
      inPaperTable = false;
      continue;
    }
    if (isTableSeparator(cells)) continue;
    if (isPaperHeader(cells)) {
      inPaperTable = true;
      continue;
    }
    if (inPaperTable) yield itemFromRow(line, cells);
  }
}

function hasPaperHeader(head: string): boolean {
  return head.split(/\r?\n/u).some((line) => {
    const cells = splitTableRow(line);
    return cells !== null && isPaperHeader(cells);
  });
}

/**
 * Parses the subtopic lists of ydyjya/Awesome-LLM-Safety: a markdown table
 * `| Date | Institute | Publication | Paper | Keywords |` with space-padded
 * cells, the date written `YY.MM` (the month of publication), the paper as
 * `[Title](url)` and keywords as `**A**&**B**`. The list has no date of its
 * own, so the digest date is `--as-of` when given.
 */
export const datedTableMarkdownParser: DigestParser = {
  format: "dated-table-markdown",
  description: "markdown table | Date | Institute | Publication | Paper | Keywords | with YY.MM dates (Awesome-LLM-Safety subtopics)",
  priority: 10,
  detect: hasPaperHeader,
  async parse(source, context) {
    if (!hasPaperHeader(await source.head())) {
      throw new DigestParseError("expected a markdown table with the header | Date | Institute | Publication | Paper | Keywords |");
    }
    return { format: "dated-table-markdown", digestDate: context.asOf, digestDateSource: context.asOf ? "as-of" : null, items: readPaperRows(source) };
  },
};
