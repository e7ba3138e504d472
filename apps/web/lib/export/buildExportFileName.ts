import type { Bucket, TrendFilter } from "@alignment-trends/schema";

/** Every download's name starts with this. */
const PREFIX = "alignment-trends";
/** The maximum length of a slug taken from user text, in code points. */
const MAX_SLUG_LENGTH = 40;
/** The maximum length of a name in UTF-8 bytes. Common filesystems allow 255, and browsers may add " (1)" to a repeated download. */
const MAX_NAME_BYTES = 200;

export interface ExportFileNameParts {
  /** The table or view, such as `code-share` or `paper-list`. */
  table: string;
  filter: TrendFilter;
  /** Text that sets this download apart from others of the same table, such as the compared series; slugged like search text. */
  qualifiers?: string[];
  /** The period length, for data per period. */
  bucket?: Bucket | null;
}

/**
 * Makes text safe for a file name and still readable: letters and digits of
 * any script stay, lower-cased, and every other run of characters becomes
 * one hyphen. Returns "" when nothing is left.
 */
export function slugForFileName(text: string): string {
  const slug = text
    .normalize("NFC")
    .toLocaleLowerCase("en")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  return Array.from(slug).slice(0, MAX_SLUG_LENGTH).join("").replace(/-+$/u, "");
}

/** Cuts text to at most `maxBytes` bytes of UTF-8, never inside a code point. */
function cutToBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let length = 0;
  let result = "";
  for (const character of text) {
    length += encoder.encode(character).length;
    if (length > maxBytes) break;
    result += character;
  }
  return result;
}

function lastDayOfMonth(date: string): boolean {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

/** Shortens a range's first day to `YYYY-MM` when it starts a month, and its last day when it ends one. */
function formatRange(from: string | undefined, to: string | undefined): string[] {
  const start = from && from.endsWith("-01") ? from.slice(0, 7) : from;
  const end = to && lastDayOfMonth(to) ? to.slice(0, 7) : to;
  if (start && end) return [start, end];
  if (start) return [`from-${start}`];
  if (end) return [`to-${end}`];
  return [];
}

function describeAuthors(filter: TrendFilter): string | null {
  const { minAuthors, maxAuthors } = filter;
  if (minAuthors !== undefined && maxAuthors !== undefined) return `authors-${minAuthors}-${maxAuthors}`;
  if (minAuthors !== undefined) return `authors-${minAuthors}-plus`;
  if (maxAuthors !== undefined) return `authors-up-to-${maxAuthors}`;
  return null;
}

function describeHasCode(hasCode: boolean | undefined): string | null {
  if (hasCode === undefined) return null;
  return hasCode ? "with-code" : "without-code";
}

function slugPart(prefix: string, text: string): string {
  const slug = slugForFileName(text);
  return slug ? `${prefix}-${slug}` : prefix;
}

/** Names each filter that narrows the data, in a fixed order, so that two downloads of different views get different names. */
function describeFilter(filter: TrendFilter): string[] {
  const parts: (string | null)[] = [
    filter.scope ? `scope-${filter.scope}` : null,
    filter.topics.length > 0 ? `topic-${filter.topics.join("+")}` : null,
    filter.allTopics.length > 0 ? `all-topics-${filter.allTopics.join("+")}` : null,
    describeHasCode(filter.hasCode),
    filter.codeHost ? slugPart("host", filter.codeHost) : null,
    filter.minUpvotes === undefined ? null : `min-upvotes-${filter.minUpvotes}`,
    describeAuthors(filter),
    filter.q ? slugPart("search", filter.q) : null,
    ...filter.terms.map((term) => slugPart("term", term)),
    filter.dateBasis === "published" ? "published-dates" : null,
    filter.upvoteBasis === "first-week" ? "first-week-upvotes" : null,
  ];
  return parts.filter((part): part is string => part !== null);
}

/**
 * Builds a download's file name from the table and the view's filters, such
 * as `alignment-trends_code-share_topic-rlhf_month_2024-01_2024-12.csv`:
 * parts are separated by `_`, words within a part by `-`. Text from the
 * request keeps its letters in any script; `attachmentHeader` adds an ASCII
 * fallback for old clients. A name longer than 200 bytes of UTF-8 is cut to
 * fit, so the last filters may be missing from it.
 */
export function buildExportFileName(parts: ExportFileNameParts, extension: string): string {
  const words = [
    PREFIX,
    parts.table,
    ...(parts.qualifiers ?? []).map(slugForFileName).filter((slug) => slug.length > 0),
    ...describeFilter(parts.filter),
    ...(parts.bucket ? [parts.bucket] : []),
    ...formatRange(parts.filter.from, parts.filter.to),
  ];
  const suffix = `.${extension}`;
  const stem = cutToBytes(words.join("_"), MAX_NAME_BYTES - suffix.length).replace(/[-_+]+$/u, "");
  return `${stem}${suffix}`;
}
