import { HttpUrlSchema, type DatedValue, type PaperRecord } from "@alignment-trends/schema";
import { decodeHTML } from "entities";
import { collapseLineBreaks, collapseWhitespace } from "../normalize/collapseWhitespace";
import { canonicalLink, chooseCodeLink, extractLinks } from "../normalize/extractLinks";
import { arxivIdFromText, normalizeArxivId, publishedMonthOfArxivId } from "../normalize/normalizeArxivId";
import { removeControlCharacters } from "../normalize/removeControlCharacters";
import type { ParsedItem } from "./digestParser";
import { truncateRaw, validatePaperRecord } from "./validatePaperRecord";

/** A paper as a parser read it, before normalization. Every field but `location` and `title` is optional. */
export interface RecordDraft {
  location: string;
  title: string;
  /** An arXiv id as the source wrote it, with or without a version. */
  arxivId?: string | null;
  /** URLs or text that may name the arXiv id (abstract pages, PDFs, huggingface.co/papers pages). */
  identityText?: (string | null | undefined)[];
  abstract?: string | null;
  authors?: string[] | null;
  authorsCount?: number | null;
  publishedOn?: DatedValue | null;
  listedOn?: string | null;
  upvotes?: number | null;
  comments?: number | null;
  /** A code repository URL the source names in a field of its own. */
  repository?: string | null;
  /** Text besides the abstract that may hold code or Hugging Face links. */
  linkText?: string | null;
  projectPage?: string | null;
  keywords?: string[] | null;
  extra?: Record<string, unknown> | null;
}

const PRECISION_RANK = { day: 3, month: 2, year: 1 } as const;

/** Drops empty members from `extra`, and returns null when none is left. */
function compactExtra(extra: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!extra) return null;
  const kept = Object.entries(extra).filter(([, value]) => value !== undefined && value !== null && value !== "");
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

/** Returns the more precise of two dates; the first wins a tie. */
function finerDate(first: DatedValue | null, second: DatedValue | null): DatedValue | null {
  if (!first) return second;
  if (!second) return first;
  return PRECISION_RANK[second.precision] > PRECISION_RANK[first.precision] ? second : first;
}

/**
 * Normalizes a draft into a validated paper record: the arXiv id from the id
 * field or any URL that names it; the title with HTML entities decoded once
 * and whitespace folded; the abstract without hard line breaks; the title,
 * abstract and author names without control characters; code and
 * Hugging Face links from the repository field, the abstract and `linkText`;
 * and, when the source gives no finer date, the publication month that the
 * arXiv id encodes. Returns a reject naming the first invalid field instead
 * when the record fails validation.
 */
export function buildPaperRecord(draft: RecordDraft, raw: string): ParsedItem {
  const explicitId = draft.arxivId ? normalizeArxivId(draft.arxivId) : null;
  if (draft.arxivId && !explicitId) {
    return { reject: { location: draft.location, reason: "invalid arXiv id", detail: `"${draft.arxivId}" is not an arXiv id`, raw: truncateRaw(raw) } };
  }
  const arxivId = explicitId ?? draft.identityText?.map((text) => (text ? arxivIdFromText(text) : null)).find((id) => id) ?? null;

  const title = collapseWhitespace(removeControlCharacters(decodeHTML(draft.title)));
  if (title === "") {
    return { reject: { location: draft.location, reason: "missing title", detail: "the record has no title", raw: truncateRaw(raw) } };
  }
  const abstract = draft.abstract ? collapseLineBreaks(removeControlCharacters(draft.abstract)) : null;
  const authors = draft.authors?.map(removeControlCharacters).filter((name) => name.trim() !== "") ?? null;

  const githubRepository = draft.repository ? draft.repository.replace(/\s+/gu, "") : null;
  const repository = githubRepository ? canonicalLink(githubRepository) : null;
  const textLinks = extractLinks([abstract ?? "", draft.linkText ?? ""].join("\n"));
  const links = repository && !textLinks.some((link) => link.url === repository.url) ? [repository, ...textLinks] : textLinks;
  // A project page that is not an http(s) URL, such as `javascript:…`, is kept in `extra` and never becomes a link.
  const projectPage = draft.projectPage ? HttpUrlSchema.safeParse(draft.projectPage.trim()) : null;

  const record: PaperRecord = {
    location: draft.location,
    arxivId,
    title,
    abstract: abstract || null,
    authors: authors && authors.length > 0 ? authors : null,
    authorsCount: authors && authors.length > 0 ? authors.length : (draft.authorsCount ?? null),
    publishedOn: finerDate(draft.publishedOn ?? null, arxivId ? publishedMonthOfArxivId(arxivId) : null),
    listedOn: draft.listedOn ?? null,
    upvotes: draft.upvotes ?? null,
    comments: draft.comments ?? null,
    codeUrl: chooseCodeLink(githubRepository, links)?.url ?? null,
    links,
    projectPage: projectPage?.success ? projectPage.data : null,
    aiKeywords: draft.keywords && draft.keywords.length > 0 ? draft.keywords : null,
    extra: compactExtra({ ...draft.extra, invalidProjectPage: projectPage?.success === false ? draft.projectPage : undefined }),
  };
  const validated = validatePaperRecord(record, raw);
  return "reason" in validated ? { reject: validated } : { record: validated };
}

/** Builds a reject item with the raw text cut to the stored length. */
export function rejectItem(location: string, reason: string, detail: string, raw: string | null): ParsedItem {
  return { reject: { location, reason, detail, raw: raw === null ? null : truncateRaw(raw) } };
}
