import { formatPageDate } from "./calendarDays";

/** One card of a Hugging Face Papers page. */
export interface PageCard {
  title: string;
  abstract: string;
  authors: number;
  /** The arXiv publication day, which the page shows. */
  publishedDay: string;
  upvotes: number;
}

/** The text above the first card of a daily papers page, which the parser skips; the capture day follows it. */
const PAGE_HEADER = ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];

/**
 * Writes the text a reader copies from a Hugging Face Papers page captured
 * on `captureDay`: the header with the day, then per card its title,
 * abstract, author count, a `·` line and the publication date. Dates in the
 * capture year have no year, as on the site, and the upvote count follows
 * the date unless it is zero.
 */
export function formatPapersPage(captureDay: string, cards: PageCard[]): string {
  const captureYear = Number(captureDay.slice(0, 4));
  const blocks = [...PAGE_HEADER, formatPageDate(captureDay, captureYear)];
  for (const card of cards) {
    const date = formatPageDate(card.publishedDay, captureYear);
    blocks.push(card.title, card.abstract, `  \u2022 ${card.authors} ${card.authors === 1 ? "author" : "authors"}\n\u00b7\n${card.upvotes > 0 ? `${date} ${card.upvotes}` : date}`);
  }
  return `${blocks.join("\n\n")}\n`;
}
