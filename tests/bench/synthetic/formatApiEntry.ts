import { AI_SUMMARY_MODEL, type HfUser, type SyntheticAuthor, type SyntheticPaper } from "./generatePaper";
import { wrapText } from "./wrapText";

/** Where and when a paper is listed: its arXiv id, the listing day, and the upvotes the entry shows that day. */
export interface Listing {
  arxivId: string;
  day: string;
  upvotes: number;
}

/** Hours between `paper.publishedAt` and the entry's own `publishedAt` in the real files (US Eastern daylight time written as UTC). */
const ENTRY_TIME_SHIFT_MS = 4 * 3_600_000;

function formatAuthor(author: SyntheticAuthor, changedAt: string): Record<string, unknown> {
  if (!author.user) return { _id: author._id, name: author.name, hidden: author.hidden };
  return { _id: author._id, user: author.user, name: author.name, status: author.status, statusLastChangedAt: changedAt, hidden: author.hidden };
}

function submittedBy(user: HfUser): Record<string, unknown> {
  return {
    _id: user._id,
    avatarUrl: user.avatarUrl,
    fullname: user.fullname,
    name: user.user,
    type: user.type,
    isPro: user.isPro,
    isHf: false,
    isHfAdmin: false,
    isMod: false,
    isUserFollowing: false,
  };
}

/** Returns the id `offset` past a 24-digit hexadecimal object id, as the API numbers the ids it creates together. */
function offsetId(objectId: string, offset: number): string {
  const tail = (Number.parseInt(objectId.slice(18), 16) + offset) % 0x100_0000;
  return `${objectId.slice(0, 18)}${tail.toString(16).padStart(6, "0")}`;
}

/**
 * Builds a paper's entry of `/api/daily_papers` for one listing, with the
 * members in the order of the API's current responses and optional members
 * left out as the API leaves them out. Wrapped papers keep arXiv's hard line
 * breaks in their title and abstract.
 */
export function formatApiEntry(paper: SyntheticPaper, listing: Listing, wrapWidth: number): Record<string, unknown> {
  const title = paper.wrapped ? wrapText(paper.title, wrapWidth, "  ") : paper.title;
  const summary = paper.wrapped ? wrapText(paper.abstract, wrapWidth) : paper.abstract;
  const listedAt = `${listing.day}T00:00:00.000Z`;
  const changedAt = new Date(Date.parse(listedAt) - 3_600_000 * ((paper.index % 20) + 1)).toISOString();
  const mediaUrls = paper.mediaUrl ? [paper.mediaUrl] : undefined;

  const inner: Record<string, unknown> = {
    id: listing.arxivId,
    authors: paper.authors.map((author) => formatAuthor(author, changedAt)),
    ...(mediaUrls ? { mediaUrls } : {}),
    publishedAt: paper.publishedAt,
    submittedOnDailyAt: listedAt,
    title,
    submittedOnDailyBy: { ...paper.submitter, name: paper.submitter.user },
    summary,
    upvotes: listing.upvotes,
    discussionId: offsetId(paper.objectId, paper.authors.length + 1),
    ...(paper.projectPage ? { projectPage: paper.projectPage } : {}),
    ...(paper.githubRepo ? { githubRepo: paper.githubRepo } : {}),
    ...(paper.repoAddedByUser ? { githubRepoAddedBy: "user" } : {}),
    ...(paper.aiSummary !== null ? { ai_summary: paper.aiSummary } : {}),
    ...(paper.keywords !== null ? { ai_keywords: paper.keywords } : {}),
    ...(paper.summaryModel ? { ai_summary_model: AI_SUMMARY_MODEL } : {}),
    ...(paper.githubStars !== null ? { githubStars: paper.githubStars } : {}),
    ...(paper.organization ? { organization: paper.organization } : {}),
  };

  return {
    paper: inner,
    publishedAt: new Date(Date.parse(paper.publishedAt) - ENTRY_TIME_SHIFT_MS).toISOString(),
    title,
    summary,
    ...(mediaUrls ? { mediaUrls } : {}),
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${listing.arxivId}.png`,
    numComments: paper.comments,
    submittedBy: submittedBy(paper.submitter),
    ...(paper.organization ? { organization: paper.organization } : {}),
    isAuthorParticipating: paper.authorParticipating,
  };
}
