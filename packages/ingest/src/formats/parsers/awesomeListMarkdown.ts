import type { DatedValue } from "@alignment-trends/schema";
import { yearOnly } from "../../normalize/calendarDates";
import { arxivIdFromText } from "../../normalize/normalizeArxivId";
import type { DigestSource, Line } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { markdownLinks, stripMarkdown } from "../markdown";

/** `### 2025`, or `### 2020 and before` for the oldest group. */
const YEAR_HEADING = /^###\s+((\d{4})(?:\s+and\s+(?:before|earlier))?)\s*$/iu;
const ENTRY_LINE = /^[-*]\s+\[/u;
/**
 * `- [Title](link)` with an optional trailing short name such as `(WebGPT)`. The link contains no
 * parentheses, so a failed match at one `](` stops at the next `(` instead of the line's end.
 */
const ENTRY = /^[-*]\s+\[(.*)\]\(\s*([^()\s]*)\s*\)\s*(?:\(([^)]*)\))?\s*$/u;
const DETAIL_LINE = /^\s+[-*]\s+(.*)$/u;
/** `Keyword: …`, `Code: …`. One entry writes `Dataset;` for `Dataset:`. */
const LABELLED_DETAIL = /^([A-Za-z][A-Za-z ]{0,30}?)\s*[:;]\s*([\s\S]*)$/u;
/** "et al." or an ellipsis ends a list that leaves out authors. */
const PARTIAL_AUTHORS = /(?:\bet\.?\s*al\.?|…|\.\.\.)\s*$/iu;

/** A year section of the list: the year its heading names, and whether it also contains all earlier years. */
interface YearGroup {
  heading: string;
  year: number;
  andBefore: boolean;
}

/** An entry and its indented detail lines, gathered until the next entry or heading. */
interface Entry {
  line: Line;
  group: YearGroup;
  details: Line[];
}

function readYearGroup(line: Line): YearGroup | null {
  const match = YEAR_HEADING.exec(line.text);
  if (!match) return null;
  return { heading: match[1]!, year: Number(match[2]), andBefore: match[1] !== match[2] };
}

/** Splits an author line into names: commas, with "and" before the last. */
function splitAuthors(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+and\s+/u)
    .map((name) => name.replace(/^and\s+/u, "").trim())
    .filter((name) => name !== "");
}

function splitList(text: string): string[] {
  return text
    .split(/[,，]/u)
    .map((item) => stripMarkdown(item))
    .filter((item) => item !== "");
}

function camelCaseLabel(label: string): string {
  const words = label.trim().toLowerCase().split(/\s+/u);
  return words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}

/** The fields an entry's detail lines give. */
interface EntryDetails {
  authors: string[] | null;
  codeUrl: string | null;
  extra: Record<string, unknown>;
}

/**
 * Reads the detail lines: the first unlabelled line is the author list,
 * `Keyword(s):`, `Code:`, `Dataset:` and `Env:` lines have fixed meanings, and
 * other lines are kept in `extra`.
 */
function readDetails(details: Line[]): EntryDetails {
  const result: EntryDetails = { authors: null, codeUrl: null, extra: {} };
  const notes: string[] = [];
  const code: { label: string; url: string }[] = [];
  let authorLineSeen = false;
  for (const detail of details) {
    const text = DETAIL_LINE.exec(detail.text)![1]!.trim();
    const labelled = LABELLED_DETAIL.exec(text);
    const label = labelled ? camelCaseLabel(labelled[1]!) : null;
    const value = labelled ? labelled[2]!.trim() : text;

    if (label === "keyword" || label === "keywords") {
      result.extra.keywords = splitList(value);
    } else if (label === "code") {
      code.push(...markdownLinks(value).filter((link) => link.url !== "").map((link) => ({ label: link.text, url: link.url })));
    } else if (label === "dataset" || label === "datasets") {
      result.extra.datasets = markdownLinks(value).map((link) => ({ name: link.text, url: link.url }));
    } else if (label === "env") {
      result.extra.environments = splitList(value);
    } else if (label !== null) {
      result.extra[label] = value;
    } else if (!authorLineSeen) {
      authorLineSeen = true;
      readAuthorLine(text, result);
    } else {
      notes.push(text);
    }
  }
  if (code.length > 0) result.extra.code = code;
  if (notes.length > 0) result.extra.notes = notes;
  result.codeUrl = code.find((link) => /^official$/iu.test(link.label))?.url ?? null;
  return result;
}

/**
 * Keeps a complete author list as authors. A list that ends in "et al." is
 * partial, and a single one-word name is an organization such as
 * "Anthropic", so both go into `extra.authorsShown` instead.
 */
function readAuthorLine(text: string, result: EntryDetails): void {
  const partial = PARTIAL_AUTHORS.test(text);
  const names = splitAuthors(text.replace(PARTIAL_AUTHORS, ""));
  if (partial || (names.length === 1 && !/\s/u.test(names[0]!))) result.extra.authorsShown = names;
  else result.authors = names;
}

function itemFromEntry(entry: Entry): ParsedItem {
  const location = `line ${entry.line.number}`;
  const raw = [entry.line, ...entry.details].map((line) => line.text).join("\n");
  const match = ENTRY.exec(entry.line.text);
  if (!match) return rejectItem(location, "invalid entry", `expected "- [Title](link)", found "${entry.line.text.trim().slice(0, 80)}"`, raw);

  const [title, link, shortName] = [match[1]!, match[2]!, match[3]];
  const details = readDetails(entry.details);
  const { group } = entry;
  const publishedOn: DatedValue | null = group.andBefore ? null : yearOnly(group.year);
  return buildPaperRecord(
    {
      location,
      title: stripMarkdown(title),
      identityText: [link],
      authors: details.authors,
      publishedOn,
      repository: details.codeUrl,
      extra: {
        ...details.extra,
        shortName: shortName?.trim(),
        yearGroup: group.andBefore ? group.heading : undefined,
        // An arXiv URL is rebuilt from the id, so only other paper links are kept.
        paperUrl: link !== "" && !arxivIdFromText(link) ? link : undefined,
      },
    },
    raw,
  );
}

/**
 * Streams the entries of the year sections. A year section runs from its
 * `### YYYY` heading to the next heading. Text outside the sections, such as
 * the format template in a code block, is skipped. Inside a section, a
 * non-empty line that is neither an entry nor an indented detail of one is
 * rejected.
 */
async function* readEntries(source: DigestSource): AsyncGenerator<ParsedItem> {
  let group: YearGroup | null = null;
  let entry: Entry | null = null;
  for await (const line of source.lines()) {
    const isHeading = /^#{1,6}\s/u.test(line.text);
    const isEntry = group !== null && ENTRY_LINE.test(line.text);
    if (entry && (isHeading || isEntry)) {
      yield itemFromEntry(entry);
      entry = null;
    }
    if (isHeading) {
      group = readYearGroup(line);
      continue;
    }
    if (!group || line.text.trim() === "") continue;

    if (isEntry) {
      entry = { line, group, details: [] };
    } else if (entry && DETAIL_LINE.test(line.text)) {
      entry.details.push(line);
    } else {
      // The open entry ends here, and is yielded first so that items stay in file order.
      if (entry) yield itemFromEntry(entry);
      entry = null;
      yield rejectItem(`line ${line.number}`, "unrecognized line", `text in the ${group.heading} section outside any "- [Title](link)" entry`, line.text);
    }
  }
  if (entry) yield itemFromEntry(entry);
}

function hasYearSections(head: string): boolean {
  const lines = head.split(/\r?\n/u);
  return lines.some((line) => YEAR_HEADING.test(line)) && lines.some((line) => /^\s+[-*]\s+Keywords?\s*:/iu.test(line));
}

/**
 * Parses a curated paper list grouped by year, as in opendilab/awesome-RLHF:
 * `### 2025` … `### 2020 and before` headings, each entry a `- [Title](link)`
 * line followed by indented lines for the authors, `Keyword:`, `Code:`,
 * `Dataset:` and `Env:`. The heading gives the publication year only; the
 * oldest group spans many years and gives none. The list has no date of its
 * own, so the digest date is `--as-of` when given.
 */
export const awesomeListMarkdownParser: DigestParser = {
  format: "awesome-list-markdown",
  description: "curated markdown paper list grouped under ### YYYY headings with author, Keyword and Code lines (awesome-RLHF)",
  priority: 10,
  detect: hasYearSections,
  async parse(source, context) {
    if (!hasYearSections(await source.head())) {
      throw new DigestParseError('expected "### YYYY" year headings and entries with indented "- Keyword:" lines');
    }
    return { format: "awesome-list-markdown", digestDate: context.asOf, digestDateSource: context.asOf ? "as-of" : null, items: readEntries(source) };
  },
};
