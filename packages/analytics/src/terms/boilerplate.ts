import { isStopWord } from "./termText";

/**
 * Words that abstracts use for any subject (what a paper does, not what it
 * is about); a term made only of these, or of numbers, is never reported as
 * emerging.
 */
export const BOILERPLATE_WORDS: ReadonlySet<string> = new Set([
  "ability", "abilities", "achieve", "achieves", "address", "analysis", "approach", "approaches", "available", "based",
  "best", "better", "challenge", "challenges", "code", "comprehensive", "data", "demonstrate", "demonstrates", "design",
  "different", "effective", "effectively", "efficiency", "efficient", "existing", "experiments", "extensive", "framework",
  "github", "high", "however", "https", "improve", "improved", "improvement", "improvements", "improves", "including",
  "key", "large", "leading", "learning", "level", "limited", "method", "methods", "model", "models", "new", "novel",
  "outperforms", "paper", "performance", "proposed", "propose", "provide", "publicly", "quality", "released", "results",
  "robust", "scale", "show", "significant", "significantly", "specific", "state", "strong", "study", "superior", "task",
  "tasks", "training", "trained", "use", "used", "using", "various", "well", "work", "www", "com",
]);

/**
 * Verbs and vague modifiers that open or close a fragment of a sentence
 * rather than a name: "train constitutional classifiers" and "methods
 * achieve" are fragments, "constitutional classifiers" is the term.
 */
export const FRAGMENT_EDGE_WORDS: ReadonlySet<string> = new Set([
  "achieve", "achieves", "address", "addresses", "apply", "applies", "based", "demonstrate", "demonstrates", "different",
  "enable", "enables", "evaluate", "evaluates", "existing", "extensive", "improve", "improves", "introduce", "introduces",
  "leverage", "leverages", "novel", "present", "presents", "propose", "proposed", "proposes", "show", "shows", "studies",
  "study", "train", "trains", "use", "used", "uses", "using", "various",
]);

/**
 * Reports whether a term names no subject: it contains only boilerplate
 * words, stop words and numbers, or it starts or ends with a fragment edge
 * word.
 */
export function isBoilerplate(term: string): boolean {
  const words = term.split(" ");
  if (FRAGMENT_EDGE_WORDS.has(words[0]!) || FRAGMENT_EDGE_WORDS.has(words.at(-1)!)) return true;
  return words.every((word) => BOILERPLATE_WORDS.has(word) || isStopWord(word) || /^\p{N}+$/u.test(word) || word.length < 2);
}

/** The largest difference in recent papers, as a fraction of the larger count, at which nested terms count as the same. */
export const NESTED_TWIN_TOLERANCE = 0.25;

/** Reports whether one term contains the other as whole words and both have nearly the same papers (within `NESTED_TWIN_TOLERANCE`). */
function isNestedTwin(first: { term: string; recentPapers: number }, second: { term: string; recentPapers: number }): boolean {
  const a = ` ${first.term} `;
  const b = ` ${second.term} `;
  if (!a.includes(b) && !b.includes(a)) return false;
  return Math.abs(first.recentPapers - second.recentPapers) <= NESTED_TWIN_TOLERANCE * Math.max(first.recentPapers, second.recentPapers);
}

/**
 * Keeps one term of each group of nested terms with nearly the same papers:
 * the longest, at the rank of the best of the group, so "opd", "distillation
 * opd" and "policy distillation opd" show once, as the last. A term joins a
 * group when it is a nested twin of any member, and joins groups it links.
 */
export function dropNestedTerms<T extends { term: string; recentPapers: number }>(ranked: T[]): T[] {
  let groups: T[][] = [];
  for (const candidate of ranked) {
    const joined = groups.filter((members) => members.some((member) => isNestedTwin(member, candidate)));
    if (joined.length === 0) {
      groups.push([candidate]);
      continue;
    }
    // A term that nests with members of several groups joins them into the first.
    joined[0]!.push(candidate, ...joined.slice(1).flat());
    groups = groups.filter((members) => !joined.slice(1).includes(members));
  }
  return groups.map((members) => members.reduce((longest, member) => (member.term.length > longest.term.length ? member : longest)));
}
