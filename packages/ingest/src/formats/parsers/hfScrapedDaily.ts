import { isCalendarDate } from "@alignment-trends/schema";
import { z } from "zod";
import { dayInFileName } from "../../normalize/calendarDates";
import { collapseWhitespace } from "../../normalize/collapseWhitespace";
import { canonicalLink } from "../../normalize/extractLinks";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestParser, type ParsedItem } from "../digestParser";
import { describeJsonPath, firstSignificantCharacter, readJsonItems } from "../readJsonItems";
import { describeIssues } from "../validatePaperRecord";

const optionalText = z.string().nullish();

/** One card of the scraped daily list, with the paper page's details. */
const ScrapedCardSchema = z.looseObject({
  title: z.string(),
  paper_url: optionalText,
  authors: z.array(z.string()).nullish(),
  stars: z.union([z.string(), z.number()]).nullish(),
  details: z
    .looseObject({
      title: optionalText,
      abstract: optionalText,
      arxiv_page_url: optionalText,
      pdf_url: optionalText,
      github_links: z.array(z.string()).nullish(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
      page_url: optionalText,
      scraped_at: optionalText,
    })
    .nullish(),
  scraped_date: optionalText,
});
type ScrapedCard = z.infer<typeof ScrapedCardSchema>;

/**
 * The shortest page text taken as the paper's abstract. The scraper's
 * `abstract` is the first text block of the paper page: the arXiv abstract
 * (over 700 characters in every sample checked against the Hugging Face API),
 * or a comment such as "Up", "Accepted to CVPR 2026" or an author's post.
 * NOTE: the threshold is an estimate from the 2025-12 and 2026-03 files, and a
 * long author post still passes as an abstract.
 */
const MIN_ABSTRACT_LENGTH = 600;
const LIBRARIAN_BOT = /^\s*This is an automated message from the Librarian Bot/iu;

/** GitHub paths that point into another project (a pull request, an issue), not to the paper's code. */
const CONTRIBUTION_PATH = /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+\/(?:pull|pulls|issues|commit|compare|discussions)(?:\/|$)/iu;

/** A count as Hugging Face prints it: `7`, `1,204`, `1.92k`. */
const COUNT = /^(\d[\d,]*(?:\.\d+)?)([kK])?$/u;

function looksLikeScrapedCards(head: string): boolean {
  return /^\s*\[\s*\{/u.test(head) && ['"paper_url"', '"scraped_date"', '"details"'].every((key) => head.includes(key));
}

/** Returns the count that a string such as `1.92k` abbreviates (rounded, because `k` drops digits), or null when it is not a count. */
function parseCount(text: string | number): number | null {
  if (typeof text === "number") return Number.isInteger(text) && text >= 0 ? text : null;
  const match = COUNT.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]!.replace(/,/gu, "")) * (match[2] ? 1000 : 1);
  return Number.isFinite(value) ? Math.round(value) : null;
}

/**
 * Sorts the page text into the abstract or a comment kept in `extra`. Text
 * equal to the title is neither. Returns whether a comment is the Librarian
 * Bot's list of similar papers, whose links belong to other papers.
 */
function classifyPageText(text: string | null | undefined, title: string) {
  const folded = text ? collapseWhitespace(text) : "";
  if (!text || folded === "" || folded.toLowerCase() === collapseWhitespace(title).toLowerCase()) {
    return { abstract: null, pageText: null, fromBot: false };
  }
  const fromBot = LIBRARIAN_BOT.test(folded);
  if (fromBot || folded.length < MIN_ABSTRACT_LENGTH) return { abstract: null, pageText: text, fromBot };
  return { abstract: text, pageText: null, fromBot };
}

/** Returns the first repository among the page's GitHub links and the other repositories as text for link extraction. */
function chooseRepository(githubLinks: string[]): { repository: string | null; otherLinks: string[] } {
  const repositories = githubLinks.filter((link) => !CONTRIBUTION_PATH.test(link) && canonicalLink(link)?.kind === "code");
  return { repository: repositories[0] ?? null, otherLinks: repositories.slice(1) };
}

function recordFromCard(card: ScrapedCard, location: string, raw: string): ParsedItem {
  const details = card.details ?? {};
  const listedOn = card.scraped_date ?? null;
  if (listedOn !== null && !isCalendarDay(listedOn)) {
    return rejectItem(location, "invalid date", `scraped_date "${listedOn}" is not a calendar date as YYYY-MM-DD`, raw);
  }
  const stars = card.stars ?? null;
  const githubStars = stars === null ? null : parseCount(stars);
  if (stars !== null && githubStars === null) {
    return rejectItem(location, "invalid count", `stars ${JSON.stringify(stars)} is not a count such as "7" or "1.92k"`, raw);
  }

  const githubLinks = details.github_links ?? [];
  const { repository, otherLinks } = chooseRepository(githubLinks);
  const { abstract, pageText, fromBot } = classifyPageText(details.abstract, card.title);
  const namesShown = (card.authors ?? []).map((name) => name.trim()).filter((name) => name.length > 0);
  const pageTitle = details.title && collapseWhitespace(details.title) !== collapseWhitespace(card.title) ? details.title : undefined;

  return buildPaperRecord(
    {
      location,
      title: card.title,
      identityText: [card.paper_url, details.arxiv_page_url, details.pdf_url, details.page_url],
      abstract,
      listedOn,
      repository,
      linkText: [...otherLinks, fromBot ? "" : (pageText ?? "")].join("\n"),
      extra: {
        // The card shows up to five names, mixing real names and Hugging Face usernames.
        authorsShown: namesShown.length > 0 ? namesShown : undefined,
        // `stars` is the GitHub star count of the paper's repository, which the card shows only when it has one.
        githubStars: githubStars !== null && (githubStars > 0 || repository) ? githubStars : undefined,
        githubLinks: githubLinks.length > 0 ? githubLinks : undefined,
        pageText: pageText ?? undefined,
        pageTitle,
        pageMetadata: details.metadata && Object.keys(details.metadata).length > 0 ? details.metadata : undefined,
        scrapedAt: details.scraped_at ?? undefined,
      },
    },
    raw,
  );
}

function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Parses the daily, weekly and monthly JSON files of a scraper of the Hugging
 * Face daily papers page: an array of cards `{title, paper_url, authors,
 * stars, details, scraped_date}`. Weekly and monthly files concatenate daily
 * scrapes, so a paper listed on several days appears once per day. A paper is
 * listed on its `scraped_date`. Only a daily file has a day of its own, taken
 * from its name (`2025-12-04.json`); weekly and monthly files have no digest
 * date. The card's names are partial, and the page text is an abstract only
 * when it is long enough to be one.
 */
export const hfScrapedDailyParser: DigestParser = {
  format: "hf-scraped-daily",
  description: "scraped Hugging Face daily papers as a JSON array of cards (title, paper_url, authors, stars, details, scraped_date)",
  priority: 35,
  detect: (head) => looksLikeScrapedCards(head),
  async parse(source) {
    const head = await source.head();
    if (firstSignificantCharacter(head) !== "[") {
      throw new DigestParseError(`expected a JSON array of scraped paper cards, found "${head.trimStart().slice(0, 20)}"`);
    }
    const digestDate = dayInFileName(source.fileName);

    const items = readJsonItems(source, 1, function* (value, text) {
      const location = describeJsonPath(text.path);
      const parsed = ScrapedCardSchema.safeParse(value);
      if (!parsed.success) {
        yield rejectItem(location, "invalid record shape", describeIssues(parsed.error, value), text.raw);
        return;
      }
      yield recordFromCard(parsed.data, location, text.raw);
    });
    return { format: "hf-scraped-daily", digestDate, digestDateSource: digestDate ? "file name" : null, items };
  },
};
