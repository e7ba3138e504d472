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

/** Reports whether a term holds nothing but boilerplate words, stop words and numbers. */
export function isBoilerplate(term: string): boolean {
  return term.split(" ").every((word) => BOILERPLATE_WORDS.has(word) || isStopWord(word) || /^\p{N}+$/u.test(word) || word.length < 2);
}

/**
 * Keeps one term of each group of nested terms with nearly the same papers
 * (within a quarter): the longest, at the rank of the best of the group, so
 * "opd", "distillation opd" and "policy distillation opd" show once, as the
 * last.
 */
export function dropNestedTerms<T extends { term: string; recentPapers: number }>(ranked: T[]): T[] {
  const kept: T[] = [];
  for (const candidate of ranked) {
    const padded = ` ${candidate.term} `;
    const index = kept.findIndex((term) => {
      const other = ` ${term.term} `;
      const overlaps = other.includes(padded) || padded.includes(other);
      return overlaps && Math.abs(term.recentPapers - candidate.recentPapers) <= 0.25 * Math.max(term.recentPapers, candidate.recentPapers);
    });
    if (index === -1) kept.push(candidate);
    else if (candidate.term.length > kept[index]!.term.length) kept[index] = { ...candidate };
  }
  return kept;
}
