import { z } from "zod";
import { dayInFileName, utcDayOfTimestamp } from "../../normalize/calendarDates";
import { decodeLatex } from "../../normalize/decodeLatex";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { describeJsonPath, firstSignificantCharacter, readJsonItems } from "../readJsonItems";
import { describeIssues } from "../validatePaperRecord";

/** One paper of the scrape, the value under its arXiv id. */
const ScrapedPaperSchema = z.looseObject({
  url: z.string().nullish(),
  title: z.string(),
  authors: z.array(z.string()).default([]),
  abstract: z.string().nullish(),
  publication_date: z.string().nullish(),
  upvotes: z.number().nullish(),
});
type ScrapedPaper = z.infer<typeof ScrapedPaperSchema>;

/** An object whose first member is keyed by an arXiv id and contains the scrape's own fields. */
const HEAD_SIGNATURE = /^\s*\{\s*"\d{4}\.\d{4,5}(?:v\d+)?"\s*:\s*\{/u;

function looksLikeScrapedPapers(head: string): boolean {
  if (!HEAD_SIGNATURE.test(head)) return false;
  return ['"publication_date"', '"upvotes"', '"abstract"'].every((key) => head.includes(key));
}

function recordFromPaper(arxivId: string, paper: ScrapedPaper, location: string, raw: string): ParsedItem {
  const publishedDay = utcDayOfTimestamp(paper.publication_date);
  if (paper.publication_date && !publishedDay) {
    return rejectItem(location, "invalid date", `publication_date "${paper.publication_date}" is not an ISO 8601 timestamp`, raw);
  }
  const authors = paper.authors.map((name) => decodeLatex(name).trim()).filter((name) => name.length > 0);
  return buildPaperRecord(
    {
      location,
      arxivId,
      identityText: [paper.url],
      title: paper.title,
      abstract: paper.abstract,
      authors,
      publishedOn: publishedDay ? { date: publishedDay, precision: "day" } : null,
      upvotes: paper.upvotes,
    },
    raw,
  );
}

/**
 * Parses a scrape of the Hugging Face daily papers saved as one JSON object
 * keyed by arXiv id: `{url, title, authors, abstract, publication_date,
 * upvotes}` per paper. `publication_date` is the arXiv submission time, so it
 * dates the paper, not the day Hugging Face listed it; the scrape carries no
 * listing day. The digest's date comes only from a date in the file name.
 */
export const hfPapersJsonParser: DigestParser = {
  format: "hf-papers-json",
  description: "scraped Hugging Face daily papers as one JSON object keyed by arXiv id (title, authors, abstract, publication_date, upvotes)",
  priority: 40,
  detect: (head) => looksLikeScrapedPapers(head),
  async parse(source) {
    const head = await source.head();
    if (firstSignificantCharacter(head) !== "{") {
      throw new DigestParseError(`expected a JSON object keyed by arXiv id, found "${head.trimStart().slice(0, 20)}"`);
    }
    const digestDate = dayInFileName(source.fileName);

    const items = readJsonItems(source, 1, function* (value, text) {
      const location = describeJsonPath(text.path);
      const parsed = ScrapedPaperSchema.safeParse(value);
      if (!parsed.success) {
        yield rejectItem(location, "invalid record shape", describeIssues(parsed.error, value), text.raw);
        return;
      }
      yield recordFromPaper(String(text.path[0]), parsed.data, location, text.raw);
    });
    return { format: "hf-papers-json", digestDate, digestDateSource: digestDate ? "file name" : null, items };
  },
};
