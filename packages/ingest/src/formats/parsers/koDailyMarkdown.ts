import { isCalendarDate } from "@alignment-trends/schema";
import { decodeLatex } from "../../normalize/decodeLatex";
import type { DigestSource, Line } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";

/** `## Daily Papers (2024-06-18)`: the day Hugging Face listed the papers below it. */
const DAY_HEADING = /^##\s+Daily Papers\s+\((\d{4})-(\d{2})-(\d{2})\)\s*$/u;
/**
 * `### [Title](https://arxiv.org/abs/2406.11833)`. The title runs to the last `](`, so it may contain brackets.
 * The URL contains no parentheses, so a failed match at one `](` stops at the next `(` instead of the line's end.
 */
const PAPER_HEADING = /^###\s+\[(.*)\]\(\s*([^\s()]+?)\s*\)\s*$/u;
const ANY_PAPER_HEADING = /^###\s/u;
const OTHER_HEADING = /^#{1,2}\s/u;
const THUMBNAIL_LINE = /^!\[[^\]]*\]\(\s*(\S+?)\s*\)\s*$/u;
const VIDEO_LINK_LINE = /^\[Watch Video\]\(\s*(\S+?)\s*\)\s*$/iu;
/** The HTML player that follows a video link and repeats its URL. */
const VIDEO_PLAYER_LINE = /^<div>\s*<video\b[^>]*\bsrc="([^"]+)"/iu;
const VOTE_LINE = /^Vote:\s*(.*?)\s*$/u;
const AUTHORS_LINE = /^Authors:\s*(.*?)\s*$/u;
/** The author list marks names it leaves out with a lone `+` between commas. */
const ELISION_MARK = "+";
/** How many lines one paper may span. Real papers span about a dozen. */
const MAX_PAPER_LINES = 200;
/** How many lines of text outside any paper are kept for the reject's raw text. */
const KEPT_STRAY_LINES = 8;

function dayOfHeading(text: string): string | null {
  const match = DAY_HEADING.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/**
 * Reads the file up to its first paper heading for the digest's day. Raises
 * when the file has no paper heading at all.
 */
async function readDigestDay(source: DigestSource): Promise<string | null> {
  let day: string | null = null;
  for await (const line of source.lines()) {
    if (ANY_PAPER_HEADING.test(line.text)) return day;
    day ??= dayOfHeading(line.text);
  }
  throw new DigestParseError('no paper found: expected headings such as "### [Title](https://arxiv.org/abs/2406.11833)"');
}

/**
 * Splits an author line into the complete list, or into the names shown
 * around an elision mark and the number of names before it.
 * NOTE: the lists hold the names the Hugging Face API gives, in another
 * order (the list of 2406.11833 starts with the API's seventh author), so
 * the first name need not be the first author.
 */
function readAuthors(text: string) {
  const names = text
    .split(",")
    .map((name) => decodeLatex(name).trim())
    .filter((name) => name.length > 0);
  const elidedAt = names.indexOf(ELISION_MARK);
  if (elidedAt === -1) return { authors: names, authorsShown: undefined, authorsElidedAfter: undefined };
  return { authors: [], authorsShown: names.filter((name) => name !== ELISION_MARK), authorsElidedAfter: elidedAt };
}

/**
 * Puts a space between a URL and Hangul written right after it
 * (`https://github.com/kakaobrain/honeybee에서`), so that a Korean particle
 * does not become part of a code link. The result is only read for links.
 */
function separateUrlsFromHangul(text: string): string {
  return text.replace(/([\x21-\x7e])(?=\p{Script=Hangul})/gu, "$1 ");
}

/** Turns the lines of one paper, from its `###` heading to the next heading, into a record or a reject. */
function itemFromBlock(block: Line[], listedOn: string | null): ParsedItem {
  const [heading, ...body] = block as [Line, ...Line[]];
  const location = `line ${heading.number}`;
  const raw = block.map((line) => line.text).join("\n");
  const link = PAPER_HEADING.exec(heading.text);
  const title = link ? link[1]! : heading.text.replace(ANY_PAPER_HEADING, "");

  let thumbnailUrl: string | undefined;
  let videoUrl: string | undefined;
  let vote: Line | undefined;
  let authorsText: string | undefined;
  const summary: string[] = [];
  for (const line of body) {
    const text = line.text.trim();
    if (text === "") continue;
    const thumbnail = THUMBNAIL_LINE.exec(text);
    const video = VIDEO_LINK_LINE.exec(text) ?? VIDEO_PLAYER_LINE.exec(text);
    if (thumbnail) thumbnailUrl ??= thumbnail[1];
    else if (video) videoUrl ??= video[1];
    else if (VOTE_LINE.test(text)) vote ??= line;
    else if (AUTHORS_LINE.test(text)) authorsText ??= AUTHORS_LINE.exec(text)![1];
    else summary.push(text);
  }

  const voteText = vote ? VOTE_LINE.exec(vote.text.trim())![1]! : null;
  if (voteText !== null && !/^\d+$/u.test(voteText)) {
    return rejectItem(`line ${vote!.number}`, "invalid vote count", `"Vote: ${voteText}" is not a whole number (paper at ${location})`, raw);
  }

  const { authors, authorsShown, authorsElidedAfter } = readAuthors(authorsText ?? "");
  const summaryText = summary.join("\n");
  return buildPaperRecord(
    {
      location,
      title,
      identityText: [link?.[2]],
      authors,
      listedOn,
      upvotes: voteText === null ? null : Number(voteText),
      linkText: separateUrlsFromHangul(summaryText),
      extra: { summary: summaryText, authorsShown, authorsElidedAfter, thumbnailUrl, videoUrl },
    },
    raw,
  );
}

function rejectStrayText(lines: Line[], count: number): ParsedItem {
  const detail = `${count} lines of text that follow no paper heading`;
  return rejectItem(`line ${lines[0]!.number}`, "text outside a paper", detail, lines.map((line) => line.text).join("\n"));
}

/**
 * Streams the papers: each `###` heading starts a paper that runs to the next
 * heading. A `## Daily Papers (…)` heading sets the listing day of the papers
 * after it. A day heading with an invalid day is rejected, and the papers
 * after it get no listing day.
 * Other text that follows no paper heading is rejected, and so is a paper
 * longer than MAX_PAPER_LINES lines.
 */
async function* readPapers(source: DigestSource, firstDay: string | null): AsyncGenerator<ParsedItem> {
  let listedOn = firstDay;
  let block: Line[] = [];
  let oversized = false;
  let stray: Line[] = [];
  let strayCount = 0;

  const endBlock = (): ParsedItem | null => {
    if (block.length === 0) return null;
    const item = oversized
      ? rejectItem(`line ${block[0]!.number}`, "record too large", `the paper spans more than ${MAX_PAPER_LINES} lines`, block.map((line) => line.text).join("\n"))
      : itemFromBlock(block, listedOn);
    block = [];
    oversized = false;
    return item;
  };

  for await (const line of source.lines()) {
    const text = line.text;
    if (ANY_PAPER_HEADING.test(text) || OTHER_HEADING.test(text)) {
      const item = endBlock();
      if (item) yield item;
    }

    if (ANY_PAPER_HEADING.test(text)) {
      if (strayCount > 0) yield rejectStrayText(stray, strayCount);
      stray = [];
      strayCount = 0;
      block.push(line);
    } else if (DAY_HEADING.test(text)) {
      listedOn = dayOfHeading(text);
      if (!listedOn) yield rejectItem(`line ${line.number}`, "invalid date", `"${text.trim()}" does not name a calendar day`, text);
    } else if (block.length >= MAX_PAPER_LINES) {
      oversized = true;
    } else if (block.length > 0) {
      block.push(line);
    } else if (text.trim() !== "") {
      strayCount += 1;
      if (stray.length < KEPT_STRAY_LINES) stray.push(line);
    }
  }
  const item = endBlock();
  if (item) yield item;
  if (strayCount > 0) yield rejectStrayText(stray, strayCount);
}

/**
 * Parses a day of the Korean daily-papers digest (l-yohai/daily_papers_ko,
 * `paper_logs/YYYY/MM/DD.md`): a `## Daily Papers (YYYY-MM-DD)` heading, then
 * per paper a `### [Title](arXiv URL)` heading, a thumbnail or video, `Vote: N`,
 * `Authors: …` and Korean summary bullets. An author list with a lone `+`
 * left names out, so it is kept as `extra.authorsShown`.
 */
export const koDailyMarkdownParser: DigestParser = {
  format: "ko-daily-markdown",
  description: "Korean daily-papers digest in markdown (## Daily Papers (YYYY-MM-DD), ### [Title](arXiv URL), Vote, Authors)",
  priority: 30,
  detect: (head) => {
    const lines = head.split(/\r?\n/u);
    return lines.some((line) => DAY_HEADING.test(line)) && lines.some((line) => PAPER_HEADING.test(line));
  },
  async parse(source) {
    const day = await readDigestDay(source);
    return { format: "ko-daily-markdown", digestDate: day, digestDateSource: day ? "heading" : null, items: readPapers(source, day) };
  },
};
