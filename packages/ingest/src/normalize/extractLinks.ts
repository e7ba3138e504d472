import type { PaperLink } from "@alignment-trends/schema";

/** Paths under github.com that are site pages, not `owner/repo`. */
const GITHUB_SITE_PATHS = new Set([
  "about", "collections", "customer-stories", "enterprise", "events", "explore", "features",
  "login", "marketplace", "orgs", "pricing", "search", "settings", "sponsors", "topics", "users",
]);

/** Paths under huggingface.co that are site pages, not `owner/model`. */
const HUGGING_FACE_SITE_PATHS = new Set([
  "api", "blog", "chat", "collections", "docs", "join", "learn", "login", "models", "organizations",
  "papers", "posts", "pricing", "settings", "tasks",
]);

const URL_PATTERN = /\b(?:https?:\/\/)?(?:www\.)?(?:github\.com|gitlab\.com|anonymous\.4open\.science|huggingface\.co)\/[^\s<>"'`()[\]{}]+/giu;

/** Trailing characters that end a sentence rather than a URL. */
const TRAILING_PUNCTUATION = /[.,;:!?*_~)\]}>'"]+$/u;

function pathSegments(url: string): string[] {
  const withoutScheme = url.replace(/^(?:https?:\/\/)?(?:www\.)?/iu, "");
  const [, ...segments] = withoutScheme.replace(TRAILING_PUNCTUATION, "").split(/[/?#]/u);
  return segments.map((segment) => segment.replace(TRAILING_PUNCTUATION, "")).filter((segment) => segment.length > 0);
}

function githubLink(segments: string[]): PaperLink | null {
  const [owner, rawRepo] = segments;
  if (!owner || !rawRepo || GITHUB_SITE_PATHS.has(owner.toLowerCase())) return null;
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/u.test(owner)) return null;

  const repo = rawRepo.replace(/\.git$/iu, "").replace(TRAILING_PUNCTUATION, "");
  if (!/^[A-Za-z0-9._-]+$/u.test(repo) || repo === "." || repo === "..") return null;
  return { url: `https://github.com/${owner}/${repo}`, kind: "code", host: "github.com" };
}

/** GitLab projects may sit in nested groups; the project path ends where `/-/` starts. */
function gitlabLink(segments: string[]): PaperLink | null {
  const stop = segments.indexOf("-");
  const projectPath = (stop === -1 ? segments : segments.slice(0, stop)).map((segment) => segment.replace(/\.git$/iu, ""));
  if (projectPath.length < 2 || !projectPath.every((segment) => /^[A-Za-z0-9._-]+$/u.test(segment))) return null;
  return { url: `https://gitlab.com/${projectPath.join("/")}`, kind: "code", host: "gitlab.com" };
}

function anonymousRepositoryLink(segments: string[]): PaperLink | null {
  const [section, name] = segments;
  if (section !== "r" || !name || !/^[A-Za-z0-9._-]+$/u.test(name)) return null;
  return { url: `https://anonymous.4open.science/r/${name}`, kind: "code", host: "anonymous.4open.science" };
}

function huggingFaceLink(segments: string[]): PaperLink | null {
  const [first, second, third] = segments;
  if (!first || !second) return null;
  const valid = (segment: string) => /^[A-Za-z0-9._-]+$/u.test(segment);

  if ((first === "datasets" || first === "spaces") && third && valid(second) && valid(third)) {
    const kind = first === "datasets" ? "dataset" : "space";
    return { url: `https://huggingface.co/${first}/${second}/${third}`, kind, host: "huggingface.co" };
  }
  if (HUGGING_FACE_SITE_PATHS.has(first.toLowerCase()) || first === "datasets" || first === "spaces") return null;
  if (!valid(first) || !valid(second)) return null;
  return { url: `https://huggingface.co/${first}/${second}`, kind: "model", host: "huggingface.co" };
}

/**
 * Returns the canonical link for one URL: a code repository reduced to its
 * root (`https://github.com/owner/repo`, a GitLab project, an anonymous.4open.science
 * repository) or a Hugging Face model, dataset or space. Returns null for any
 * other URL, including GitHub site pages and github.io project pages.
 */
export function canonicalLink(url: string): PaperLink | null {
  const host = url.replace(/^(?:https?:\/\/)?(?:www\.)?/iu, "").split("/")[0]!.toLowerCase();
  const segments = pathSegments(url);
  switch (host) {
    case "github.com":
      return githubLink(segments);
    case "gitlab.com":
      return gitlabLink(segments);
    case "anonymous.4open.science":
      return anonymousRepositoryLink(segments);
    case "huggingface.co":
      return huggingFaceLink(segments);
    default:
      return null;
  }
}

/** Returns the code and Hugging Face links in free text, each once, in order of appearance. */
export function extractLinks(text: string): PaperLink[] {
  const links = new Map<string, PaperLink>();
  for (const match of text.matchAll(URL_PATTERN)) {
    const link = canonicalLink(match[0]);
    if (link && !links.has(link.url.toLowerCase())) links.set(link.url.toLowerCase(), link);
  }
  return [...links.values()];
}

/** Returns the first code link, preferring an explicit repository field over links found in text. */
export function chooseCodeLink(explicitRepository: string | null, links: PaperLink[]): PaperLink | null {
  const explicit = explicitRepository ? canonicalLink(explicitRepository) : null;
  if (explicit?.kind === "code") return explicit;
  return links.find((link) => link.kind === "code") ?? null;
}
