import { isCalendarDate, type DatedValue } from "@alignment-trends/schema";
import { z } from "zod";
import { decodeLatex } from "../../normalize/decodeLatex";
import { arxivIdFromText, normalizeArxivId } from "../../normalize/normalizeArxivId";
import type { RecordDraft } from "../buildPaperRecord";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { describeJsonPath, firstSignificantCharacter, readJsonItems } from "../readJsonItems";
import { describeIssues } from "../validatePaperRecord";

/**
 * The web archive's line: `- 2024-06-20, **Title**, First Author et.al., Paper:
 * [url](url)`, then optionally `, Code: **[url](url)**` and a comment. The
 * date is the arXiv submission day. A first author spans at most 300
 * characters, so that a long line without " et.al." is not rescanned to
 * its end from every `**, `.
 */
const WEB_LINE =
  /^- (\d{4}-\d{2}-\d{2}), \*\*(.+)\*\*, (.{1,300}?) et\.al\., Paper: \[[^\]]*\]\(([^)\s]+)\)(?:, Code: \*\*\[[^\]]*\]\(([^)\s]+)\)\*\*)?(?:, (.+?))?\s*$/su;

/**
 * The README table row of older entries: `|**2023-06-01**|**Title**|First
 * Author et.al.|[2306.00618v1](url)|null|`, or a `**[link](url)**` code cell.
 * The date is the day of the latest arXiv version.
 */
const TABLE_ROW = /^\|\*\*(\d{4}-\d{2}-\d{2})\*\*\|\*\*(.+)\*\*\|(.{1,300}?) et\.al\.\|\[[^\]]*\]\(([^)\s]+)\)\|(?:null|\*\*\[[^\]]*\]\(([^)\s]+)\)\*\*)\|\s*$/su;

/** A structured entry, which the archive's generator writes for papers fetched after it stopped writing lines. */
const WebRecordSchema = z.looseObject({
  date: z.string(),
  title: z.string(),
  authors: z.array(z.string()).nullish(),
  url: z.string(),
  code: z.string().nullish(),
  abstract: z.string().nullish(),
  categories: z.array(z.string()).nullish(),
});
type WebRecord = z.infer<typeof WebRecordSchema>;

/** A paper as one entry gives it, before the fields shared by every entry shape are added. */
interface EntryFields {
  date: string;
  title: string;
  url: string;
  code: string | null;
  firstAuthor: string | null;
  /** Whether the date is the day of the latest version rather than of the first. */
  dateIsRevision: boolean;
  rest: Partial<RecordDraft>;
  extra: Record<string, unknown>;
}

function looksLikeTopicArchive(head: string): boolean {
  if (firstSignificantCharacter(head) !== "{") return false;
  return /"[^"\s]{1,40}"\s*:\s*(?:"(?:- \d{4}-\d{2}-\d{2}, \*\*|\|\*\*\d{4}-\d{2}-\d{2}\*\*\|)|\{\s*"date"\s*:\s*"\d{4}-\d{2}-\d{2}")/u.test(head);
}

function versionOf(url: string): number | null {
  const match = /v(\d+)\/?$/u.exec(url);
  return match ? Number(match[1]) : null;
}

function fieldsFromLine(line: string): EntryFields | null {
  const web = WEB_LINE.exec(line);
  if (web) {
    const [, date, title, author, url, code, comment] = web;
    return { date: date!, title: title!, url: url!, code: code ?? null, firstAuthor: author!, dateIsRevision: false, rest: {}, extra: { comment } };
  }
  const row = TABLE_ROW.exec(line);
  if (row) {
    const [, date, title, author, url, code] = row;
    // A first version's latest-version day is its submission day.
    const version = versionOf(url!);
    return { date: date!, title: title!, url: url!, code: code ?? null, firstAuthor: author!, dateIsRevision: version !== 1, rest: {}, extra: {} };
  }
  return null;
}

/**
 * Reads a structured entry. Its `authors` falls back to the first author
 * alone when the generator had no list, so a single name counts as partial.
 */
function fieldsFromWebRecord(entry: WebRecord): EntryFields {
  const names = (entry.authors ?? []).map((name) => decodeLatex(name).trim()).filter((name) => name.length > 0);
  const complete = names.length > 1;
  return {
    date: entry.date,
    title: entry.title,
    url: entry.url,
    code: entry.code ?? null,
    firstAuthor: complete ? null : (names[0] ?? null),
    dateIsRevision: false,
    rest: { abstract: entry.abstract, authors: complete ? names : null },
    extra: { categories: entry.categories && entry.categories.length > 0 ? entry.categories : undefined },
  };
}

function dayOf(text: string): DatedValue | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return { date: text, precision: "day" };
}

function itemFromEntry(topic: string, key: string, value: unknown, location: string, raw: string): ParsedItem {
  let fields: EntryFields | null;
  if (typeof value === "string") {
    fields = fieldsFromLine(value);
    if (!fields) return rejectItem(location, "unrecognized line", `"${value.trim().slice(0, 120)}" is neither a "- YYYY-MM-DD, **Title**, …" line nor a "|**YYYY-MM-DD**|…|" row`, raw);
  } else {
    const parsed = WebRecordSchema.safeParse(value);
    if (!parsed.success) return rejectItem(location, "invalid record shape", describeIssues(parsed.error, value), raw);
    fields = fieldsFromWebRecord(parsed.data);
  }

  const day = dayOf(fields.date);
  if (!day) return rejectItem(location, "invalid date", `"${fields.date}" is not a calendar date as YYYY-MM-DD`, raw);
  const keyId = normalizeArxivId(key);
  const urlId = arxivIdFromText(fields.url);
  if (keyId && urlId && keyId !== urlId) {
    return rejectItem(location, "arXiv id mismatch", `key "${key}" names ${keyId} but the paper link ${fields.url} names ${urlId}`, raw);
  }

  return buildPaperRecord(
    {
      location,
      title: fields.title,
      arxivId: key,
      identityText: [fields.url],
      publishedOn: fields.dateIsRevision ? null : day,
      repository: fields.code,
      ...fields.rest,
      extra: {
        sourceTopic: topic,
        firstAuthor: fields.firstAuthor ? decodeLatex(fields.firstAuthor).trim() : undefined,
        revisedOn: fields.dateIsRevision ? fields.date : undefined,
        arxivVersion: versionOf(fields.url) ?? undefined,
        ...fields.extra,
      },
    },
    raw,
  );
}

/**
 * Parses a month file of the nlp-arxiv-daily web archive: `{topic: {arXiv id:
 * entry}}`, where an entry is a markdown line, a README table row or a
 * structured record. A paper filed under several topics appears once per
 * topic, with the topic in `extra.sourceTopic`, and a month file also contains
 * papers submitted months before. Lines name only the first author. The
 * archive lists no day of its own, so `listedOn` and the digest date are null.
 */
export const nlpArxivDailyParser: DigestParser = {
  format: "nlp-arxiv-daily",
  description: "nlp-arxiv-daily web archive month file: JSON {topic: {arXiv id: markdown line}} with the first author and date",
  priority: 20,
  detect: (head) => looksLikeTopicArchive(head),
  async parse(source) {
    const head = await source.head();
    if (firstSignificantCharacter(head) !== "{") {
      throw new DigestParseError(`expected a JSON object of topics, found "${head.trimStart().slice(0, 20)}"`);
    }

    const items = readJsonItems(source, 2, function* (value, text) {
      const location = describeJsonPath(text.path);
      const [topic, key] = text.path;
      if (text.path.length !== 2 || typeof topic !== "string" || typeof key !== "string") {
        yield rejectItem(location, "invalid record shape", `expected an object of papers keyed by arXiv id under each topic, found ${text.raw.slice(0, 60)}`, text.raw);
        return;
      }
      yield itemFromEntry(topic, key, value, location, text.raw);
    });
    return { format: "nlp-arxiv-daily", digestDate: null, digestDateSource: null, items };
  },
};
