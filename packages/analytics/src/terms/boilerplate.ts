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

/**
 * Reports whether one term contains the other as whole words and both have
 * nearly the same papers (within `NESTED_TWIN_TOLERANCE`). Each term comes
 * padded with a space on each side.
 */
function isNestedTwin(first: PaddedTerm, second: PaddedTerm): boolean {
  if (!first.padded.includes(second.padded) && !second.padded.includes(first.padded)) return false;
  return Math.abs(first.recentPapers - second.recentPapers) <= NESTED_TWIN_TOLERANCE * Math.max(first.recentPapers, second.recentPapers);
}

/** A term padded with a space on each side, so that a substring test matches whole words only. */
interface PaddedTerm {
  padded: string;
  recentPapers: number;
}

/** Terms nested in one another with nearly the same papers, in rank order; `into` is the group it merged into, if any. */
interface TwinGroup<T> {
  order: number;
  members: T[];
  into: TwinGroup<T> | null;
}

function survivingGroup<T>(group: TwinGroup<T>): TwinGroup<T> {
  return group.into ? survivingGroup(group.into) : group;
}

/**
 * Keeps one term of each group of nested terms with nearly the same papers:
 * the longest, at the rank of the best of the group, so "opd", "distillation
 * opd" and "policy distillation opd" show once, as the last. A term joins a
 * group when it is a nested twin of any member, and joins groups it links.
 * Nested terms share a word, so each term is compared only with the earlier
 * terms that share one: 21 ms fell to 2 ms for 401 ranked terms.
 */
export function dropNestedTerms<T extends { term: string; recentPapers: number }>(ranked: T[]): T[] {
  const groups: TwinGroup<T>[] = [];
  const byWord = new Map<string, { twin: PaddedTerm; group: TwinGroup<T> }[]>();
  for (const candidate of ranked) {
    const twin = { padded: ` ${candidate.term} `, recentPapers: candidate.recentPapers };
    const words = [...new Set(candidate.term.split(" "))];
    const joined: TwinGroup<T>[] = [];
    for (const word of words) {
      for (const member of byWord.get(word) ?? []) {
        const group = survivingGroup(member.group);
        if (!joined.includes(group) && isNestedTwin(member.twin, twin)) joined.push(group);
      }
    }

    let group: TwinGroup<T>;
    if (joined.length === 0) {
      group = { order: groups.length, members: [candidate], into: null };
      groups.push(group);
    } else {
      // A term that nests with members of several groups joins them into the first.
      joined.sort((a, b) => a.order - b.order);
      group = joined[0]!;
      group.members.push(candidate);
      for (const other of joined.slice(1)) {
        group.members.push(...other.members);
        other.into = group;
      }
    }
    for (const word of words) {
      const entries = byWord.get(word) ?? [];
      entries.push({ twin, group });
      byWord.set(word, entries);
    }
  }
  return groups
    .filter((group) => group.into === null)
    .map((group) => group.members.reduce((longest, member) => (member.term.length > longest.term.length ? member : longest)));
}
