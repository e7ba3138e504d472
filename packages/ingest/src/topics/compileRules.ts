import { TOPIC_FIELD_WEIGHTS, type DetectionRules } from "@alignment-trends/schema";

/**
 * A compiled pattern with a text that every match contains, in `foldCase`
 * form, or null when the pattern has none that is easy to find. A field
 * without that text cannot match, so the pattern does not run on it. A
 * `word` literal is a whole word of every match, so it is looked up in the
 * field's set of words. A `fragment` is looked up as a substring.
 */
interface Matcher {
  pattern: RegExp;
  literal: { word: string } | { fragment: string } | null;
}

/** One compiled rule: its matcher and its weight. */
interface CompiledRule extends Matcher {
  weight: number;
}

/** A rule set compiled to regular expressions, ready to run over many papers. */
export interface CompiledRules {
  include: CompiledRule[];
  exclude: Matcher[];
  minScore: number;
}

/** The parts of a paper that rules read, and how much a match in each counts. */
export interface TextFields {
  title: string;
  keywords: string;
  abstract: string;
}

const FIELD_WEIGHTS: [keyof TextFields, number][] = [
  ["title", TOPIC_FIELD_WEIGHTS.title],
  ["keywords", TOPIC_FIELD_WEIGHTS.keywords],
  ["abstract", TOPIC_FIELD_WEIGHTS.abstract],
];

/** A paper's fields with their case-folded copies and words, prepared once for every rule set. */
export interface PreparedText {
  fields: TextFields;
  folded: TextFields;
  words: Record<keyof TextFields, Set<string>>;
  /** All fields on separate lines, for exclude patterns, and its folded copy. */
  all: string;
  allFolded: string;
  allWords: Set<string>;
}

/** Runs of letters and digits: the words that a phrase's word boundaries delimit. */
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/** Shortest literal worth a lookup before a pattern runs. */
const MIN_LITERAL_LENGTH = 3;

/**
 * Lower-cases a text the way the `i` and `u` flags compare it: besides
 * `toLowerCase`, the long s (U+017F) folds to "s", the one letter whose
 * Unicode simple case folding is an ASCII letter that lower-casing leaves
 * alone. So a literal of ASCII letters found by a match is also found in
 * the folded text.
 */
export function foldCase(text: string): string {
  return text.toLowerCase().replaceAll("\u017f", "s");
}

/** Prepares a paper's fields for `scoreRules`. */
export function prepareText(fields: TextFields): PreparedText {
  const folded = { title: foldCase(fields.title), keywords: foldCase(fields.keywords), abstract: foldCase(fields.abstract) };
  const wordsOf = (text: string) => new Set(text.match(WORD_PATTERN));
  const words = { title: wordsOf(folded.title), keywords: wordsOf(folded.keywords), abstract: wordsOf(folded.abstract) };
  return {
    fields,
    folded,
    words,
    all: `${fields.title}\n${fields.keywords}\n${fields.abstract}`,
    allFolded: `${folded.title}\n${folded.keywords}\n${folded.abstract}`,
    allWords: new Set([...words.title, ...words.keywords, ...words.abstract]),
  };
}

/**
 * Returns the run of ASCII letters and digits that starts every match of a
 * pattern source, after an optional `\b`, or null. The run stops before a
 * character that a quantifier makes optional, and a pattern with an
 * alternation outside any group has none.
 */
export function findLeadingLiteral(source: string): string | null {
  if (hasTopLevelAlternation(source)) return null;
  const body = source.startsWith("\\b") ? source.slice(2) : source;
  let literal = "";
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (!/[A-Za-z0-9]/u.test(char) || /[?*{]/u.test(body[index + 1] ?? "")) break;
    literal += char;
  }
  return literal.length >= MIN_LITERAL_LENGTH ? foldCase(literal) : null;
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (char === "\\") index += 1;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth += 1;
    else if (char === ")") depth -= 1;
    else if (char === "|" && depth === 0) return true;
  }
  return false;
}

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/**
 * Compiles a phrase to a case-folded whole-word pattern. Words may be joined by
 * any run of spaces or hyphens, and a trailing `*` matches any word ending
 * (`jailbreak*` matches "jailbreaks" and "jailbreaking").
 */
export function compilePhrase(phrase: string): RegExp {
  const open = phrase.endsWith("*");
  const words = (open ? phrase.slice(0, -1) : phrase).trim().split(/[\s\-‐–]+/u).map(escapeRegExp);
  const tail = open ? "[\\p{L}\\p{N}-]*" : "";
  return new RegExp(`${NOT_WORD_BEFORE}${words.join("[\\s\\-‐–]+")}${tail}${NOT_WORD_AFTER}`, "iu");
}

/**
 * Compiles a phrase with its first word as the literal. That word is a whole
 * word of every match, unless it is also the last word and ends in `*`, so
 * that it may only start a word.
 */
function compilePhraseMatcher(phrase: string): Matcher {
  const open = phrase.endsWith("*");
  const words = (open ? phrase.slice(0, -1) : phrase).trim().split(/[\s\-‐–]+/u);
  const first = foldCase(words[0]!);
  const pattern = compilePhrase(phrase);
  if (!/^[a-z0-9]+$/u.test(first) || first.length < MIN_LITERAL_LENGTH) return { pattern, literal: null };
  return { pattern, literal: open && words.length === 1 ? { fragment: first } : { word: first } };
}

function compilePatternMatcher(source: string): Matcher {
  const fragment = findLeadingLiteral(source);
  return { pattern: new RegExp(source, "iu"), literal: fragment === null ? null : { fragment } };
}

/** Tells whether a field may match: it contains the matcher's literal, or the matcher has none. */
function mayMatch(matcher: Matcher, folded: string, words: Set<string>): boolean {
  if (matcher.literal === null) return true;
  return "word" in matcher.literal ? words.has(matcher.literal.word) : folded.includes(matcher.literal.fragment);
}

/** Compiles a rule set once for every paper: its patterns have no `g` flag, so `exec` and `test` keep no state between papers. */
export function compileRules(rules: DetectionRules): CompiledRules {
  const phrases = rules.phrases.map((entry) =>
    typeof entry === "string" ? { ...compilePhraseMatcher(entry), weight: 1 } : { ...compilePhraseMatcher(entry.phrase), weight: entry.weight },
  );
  const patterns = rules.patterns.map((entry) =>
    typeof entry === "string" ? { ...compilePatternMatcher(entry), weight: 1 } : { ...compilePatternMatcher(entry.pattern), weight: entry.weight },
  );
  return {
    include: [...phrases, ...patterns],
    exclude: [...rules.excludePhrases.map(compilePhraseMatcher), ...rules.excludePatterns.map(compilePatternMatcher)],
    minScore: rules.minScore,
  };
}

/** The outcome of running a rule set over a paper: whether it applies, its score, and the matched texts. */
export interface RuleMatch {
  applies: boolean;
  score: number;
  evidence: string[];
}

/**
 * Scores a paper against a rule set. Each rule counts once, with its weight
 * times the weight of the best field it matched. Evidence lists the matched
 * texts, lower-cased, in rule order, at most `limit` of them, marked
 * "(title)" or "(keywords)" when they came from there. An exclude match
 * anywhere makes the rule set not apply. A pattern runs only on fields that
 * contain its literal.
 */
export function scoreRules(rules: CompiledRules, text: PreparedText, limit = 8): RuleMatch {
  const excluded = rules.exclude.some((matcher) => mayMatch(matcher, text.allFolded, text.allWords) && matcher.pattern.test(text.all));
  if (excluded) return { applies: false, score: 0, evidence: [] };

  let score = 0;
  const evidence: string[] = [];
  for (const rule of rules.include) {
    for (const [field, fieldWeight] of FIELD_WEIGHTS) {
      if (!mayMatch(rule, text.folded[field], text.words[field])) continue;
      const match = rule.pattern.exec(text.fields[field]);
      if (!match) continue;
      score += rule.weight * fieldWeight;
      const matched = match[0].toLowerCase().replace(/\s+/gu, " ");
      const marked = field === "abstract" ? matched : `${matched} (${field})`;
      if (evidence.length < limit && rule.weight > 0 && !evidence.includes(marked)) evidence.push(marked);
      break;
    }
  }
  return { applies: score >= rules.minScore && evidence.length > 0, score, evidence };
}
