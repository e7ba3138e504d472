import { isCalendarDate } from "@alignment-trends/schema";
import { formatCalendarDate, monthNumber } from "../../normalize/monthDay";
import { arxivIdFromText } from "../../normalize/normalizeArxivId";
import type { DigestSource, Line } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { isTableSeparator, markdownLinks, splitTableRow, stripMarkdown, type MarkdownLink } from "../markdown";

/** `## Top ML Papers of the Week (June 23 - June 29) - 2025`; headings before 2024 have no year. */
const WEEK_HEADING = /^##\s+Top ML Papers of the Week\s*\(([^)]*)\)\s*(?:-\s*(\d{4}))?\s*$/iu;
/** `June 23 - June 29`, `May 29-June 4`, `Feb 13 - 19`, `Jan 1-8`: the second month is optional. */
const WEEK_RANGE = /^\s*([A-Za-z]+)\.?\s+(\d{1,2})\s*[-–]\s*(?:([A-Za-z]+)\.?\s+)?(\d{1,2})\s*$/u;
const NUMBERED_CELL = /^(\d+)\)\s*([\s\S]*)$/u;
const BOLD_TITLE = /^\*[*8](.+?)\*\*\s*(?:[-–—:]\s*)?([\s\S]*)$/u;
/** Two or more spaces, or a dash between spaces, end a plain title. */
const TITLE_SEPARATOR = /\s{2,}|\s[-–—](?=\s)/u;
/**
 * Words that open a description, for the few rows that put no separator after
 * the title. A separator further on in such a row belongs to its description.
 */
const DESCRIPTION_OPENING = /\s(?=(?:Introduces|Proposes|Presents|Investigates|Explores|Shows|Surveys|Provides|This (?:paper|work|study|survey|new paper))\s)/u;

interface MonthDay {
  month: number;
  day: number;
}

/** A week section: the first and last day as `YYYY-MM-DD`. */
interface Week {
  start: string;
  end: string;
}

interface WeekHeading {
  line: number;
  start: MonthDay;
  end: MonthDay;
  year: number | null;
}

function compareMonthDay(first: MonthDay, second: MonthDay): number {
  return first.month * 100 + first.day - (second.month * 100 + second.day);
}

/** Reads the dates of a week heading, or returns null when the range is not one this format writes. */
function readWeekHeading(line: Line): WeekHeading | null {
  const heading = WEEK_HEADING.exec(line.text);
  const range = heading ? WEEK_RANGE.exec(heading[1]!) : null;
  if (!heading || !range) return null;
  const startMonth = monthNumber(range[1]!);
  const endMonth = range[3] ? monthNumber(range[3]) : startMonth;
  if (!startMonth || !endMonth) return null;
  return {
    line: line.number,
    start: { month: startMonth, day: Number(range[2]) },
    end: { month: endMonth, day: Number(range[4]) },
    year: heading[2] ? Number(heading[2]) : null,
  };
}

/**
 * Gives every heading the year of its last day. A written year is that
 * year. The file lists weeks newest first, so a heading without a year is in
 * the year of the heading above it, or one year earlier when its last day
 * falls later in the calendar than that heading's. Headings above the first
 * written year count forward from the heading below them in the same way.
 */
function resolveWeekYears(headings: WeekHeading[]): (number | null)[] {
  const years = headings.map((heading) => heading.year);
  for (let index = 1; index < headings.length; index += 1) {
    const above = years[index - 1];
    if (years[index] !== null || above === null || above === undefined) continue;
    years[index] = compareMonthDay(headings[index]!.end, headings[index - 1]!.end) > 0 ? above - 1 : above;
  }
  for (let index = headings.length - 2; index >= 0; index -= 1) {
    const below = years[index + 1];
    if (years[index] !== null || below === null || below === undefined) continue;
    years[index] = compareMonthDay(headings[index]!.end, headings[index + 1]!.end) < 0 ? below + 1 : below;
  }
  return years;
}

/** Returns the week's days, or null when the heading names a day that does not exist. */
function weekOfHeading(heading: WeekHeading, year: number | null): Week | null {
  if (year === null) return null;
  const { start, end } = heading;
  // A week that starts in December and ends in January starts in the year before.
  const startYear = start.month > end.month ? year - 1 : year;
  if (!isCalendarDate(startYear, start.month, start.day) || !isCalendarDate(year, end.month, end.day)) return null;
  return { start: formatCalendarDate(startYear, start.month, start.day), end: formatCalendarDate(year, end.month, end.day) };
}

/**
 * Reads every week heading once and returns the week of each, keyed by the
 * heading's line number. A heading whose dates cannot be read maps to null.
 * Raises when the file has no week heading.
 */
async function readWeeks(source: DigestSource): Promise<Map<number, Week | null>> {
  const headings: WeekHeading[] = [];
  const unreadable: number[] = [];
  for await (const line of source.lines()) {
    if (!WEEK_HEADING.test(line.text)) continue;
    const heading = readWeekHeading(line);
    if (heading) headings.push(heading);
    else unreadable.push(line.number);
  }
  if (headings.length === 0 && unreadable.length === 0) {
    throw new DigestParseError('no week headings found: expected lines such as "## Top ML Papers of the Week (June 23 - June 29) - 2025"');
  }

  const years = resolveWeekYears(headings);
  const weeks = new Map<number, Week | null>(unreadable.map((line) => [line, null]));
  headings.forEach((heading, index) => weeks.set(heading.line, weekOfHeading(heading, years[index] ?? null)));
  return weeks;
}

/** Splits a paper cell into its title and description, or returns null when no title boundary is found. */
function splitTitle(text: string): { title: string; description: string } | null {
  // `*8` opens a bold title in one row: `**` typed with the shift key released on the second key.
  const bold = BOLD_TITLE.exec(text);
  if (bold) return { title: bold[1]!, description: bold[2]! };

  const separator = TITLE_SEPARATOR.exec(text);
  const opening = DESCRIPTION_OPENING.exec(text);
  const boundary = separator && (!opening || separator.index < opening.index) ? separator : opening;
  if (!boundary) return null;
  return { title: text.slice(0, boundary.index), description: text.slice(boundary.index + boundary[0].length) };
}

/** Turns a description into plain text, one line per `<br>`-separated part (the bullets of 2024 and later rows). */
function plainDescription(description: string): string {
  return description
    .split(/<br\s*\/?>/iu)
    .map((part) => stripMarkdown(part))
    .filter((part) => part !== "")
    .join("\n");
}

function linksLabelled(links: MarkdownLink[], label: RegExp): MarkdownLink[] {
  return links.filter((link) => label.test(link.text));
}

/** Turns one numbered table row into a record, or a reject when it has no readable title. */
function itemFromRow(line: Line, cells: string[], weekHeading: string, week: Week | null): ParsedItem {
  const location = `line ${line.number}`;
  // The links are in the last cell, so a `|` inside the paper cell only adds cells before it.
  const linksCell = cells.length > 1 ? cells.at(-1)! : "";
  const paperCell = (cells.length > 1 ? cells.slice(0, -1) : cells).join(" | ");
  const numbered = NUMBERED_CELL.exec(paperCell)!;
  const parts = splitTitle(numbered[2]!.trim());
  if (!parts) {
    return rejectItem(location, "missing title separator", `no bold title, double space or " - " after the title in "${numbered[2]!.slice(0, 80)}"`, line.text);
  }

  const links = markdownLinks(linksCell);
  const paperLinks = linksLabelled(links, /^paper\b/iu);
  const tweetLinks = linksLabelled(links, /^tweet\b/iu);
  const otherLinks = [...paperLinks.slice(1), ...tweetLinks.slice(1), ...links.filter((link) => !paperLinks.includes(link) && !tweetLinks.includes(link))];
  const paperUrl = paperLinks[0]?.url;

  return buildPaperRecord(
    {
      location,
      title: stripMarkdown(parts.title),
      identityText: [paperUrl, ...links.map((link) => link.url)],
      listedOn: week?.end ?? null,
      linkText: linksCell,
      extra: {
        rank: Number(numbered[1]),
        description: plainDescription(parts.description),
        week: week ? `${week.start}/${week.end}` : undefined,
        weekHeading: week ? undefined : weekHeading,
        // An arXiv URL is rebuilt from the id, so only other paper URLs are kept.
        paperUrl: paperUrl && !arxivIdFromText(paperUrl) ? paperUrl : undefined,
        tweetUrl: tweetLinks[0]?.url,
        otherLinks: otherLinks.length > 0 ? otherLinks : undefined,
      },
    },
    line.text,
  );
}

/**
 * Streams the numbered rows of every week's table. Rows outside a week
 * section, such as the table of contents, are skipped. An unnumbered row
 * inside a week's table that is not its header or separator is rejected.
 */
async function* readWeekRows(source: DigestSource, weeks: Map<number, Week | null>): AsyncGenerator<ParsedItem> {
  let section: { heading: string; week: Week | null } | null = null;
  for await (const line of source.lines()) {
    if (/^#{1,6}\s/u.test(line.text)) {
      section = weeks.has(line.number) ? { heading: line.text.trim(), week: weeks.get(line.number) ?? null } : null;
      continue;
    }
    const cells = section ? splitTableRow(line.text) : null;
    if (!section || !cells || cells.length === 0 || isTableSeparator(cells)) continue;
    if (NUMBERED_CELL.test(cells[0]!)) {
      yield itemFromRow(line, cells, section.heading, section.week);
    } else if (!/^\*\*Paper\*\*$/iu.test(cells[0]!)) {
      yield rejectItem(`line ${line.number}`, "unnumbered row", `a row of the week table without "N)" before its title: "${line.text.trim().slice(0, 80)}"`, line.text);
    }
  }
}

/** Returns the latest last day of any week, which is the date of the newest issue in the file. */
function latestWeekEnd(weeks: Map<number, Week | null>): string | null {
  let latest: string | null = null;
  for (const week of weeks.values()) {
    if (week && (latest === null || week.end > latest)) latest = week.end;
  }
  return latest;
}

/**
 * Parses DAIR.AI's "ML Papers of the Week" README: per week a heading with
 * its date range and a table of numbered papers, each with a title, a
 * description and links (`[Paper](…)`, `[Tweet](…)`). Titles are bold and
 * followed by " - " in 2023 and 2024 rows; 2025 rows put two spaces or " - "
 * after a plain title. Each paper is listed on the last day of its week, and
 * the digest date is the last day of the newest week.
 */
export const weeklyTableMarkdownParser: DigestParser = {
  format: "weekly-table-markdown",
  description: 'weekly markdown tables of numbered papers under "## Top ML Papers of the Week (…)" headings (DAIR.AI ML Papers of the Week)',
  priority: 20,
  detect: (head) => {
    const lines = head.split(/\r?\n/u);
    return lines.some((line) => WEEK_HEADING.test(line)) && lines.some((line) => /^\|\s*\d+\)\s*\S/u.test(line));
  },
  async parse(source) {
    const weeks = await readWeeks(source);
    const digestDate = latestWeekEnd(weeks);
    return { format: "weekly-table-markdown", digestDate, digestDateSource: digestDate ? "heading" : null, items: readWeekRows(source, weeks) };
  },
};
