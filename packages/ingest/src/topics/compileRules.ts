import { TOPIC_FIELD_WEIGHTS, type DetectionRules } from "@alignment-trends/schema";

/** One compiled rule: its pattern, its weight, and the name evidence shows for it. */
interface CompiledRule {
  pattern: RegExp;
  weight: number;
}

/** A rule set compiled to regular expressions, ready to run over many papers. */
export interface CompiledRules {
  include: CompiledRule[];
  exclude: RegExp[];
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

/** Compiles a rule set once for every paper: its patterns have no `g` flag, so `exec` and `test` keep no state between papers. */
export function compileRules(rules: DetectionRules): CompiledRules {
  const phrases = rules.phrases.map((entry) =>
    typeof entry === "string" ? { pattern: compilePhrase(entry), weight: 1 } : { pattern: compilePhrase(entry.phrase), weight: entry.weight },
  );
  const patterns = rules.patterns.map((entry) =>
    typeof entry === "string" ? { pattern: new RegExp(entry, "iu"), weight: 1 } : { pattern: new RegExp(entry.pattern, "iu"), weight: entry.weight },
  );
  return {
    include: [...phrases, ...patterns],
    exclude: [...rules.excludePhrases.map(compilePhrase), ...rules.excludePatterns.map((source) => new RegExp(source, "iu"))],
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
 * anywhere makes the rule set not apply.
 */
export function scoreRules(rules: CompiledRules, fields: TextFields, limit = 8): RuleMatch {
  const all = `${fields.title}\n${fields.keywords}\n${fields.abstract}`;
  if (rules.exclude.some((pattern) => pattern.test(all))) return { applies: false, score: 0, evidence: [] };

  let score = 0;
  const evidence: string[] = [];
  for (const rule of rules.include) {
    for (const [field, fieldWeight] of FIELD_WEIGHTS) {
      const match = rule.pattern.exec(fields[field]);
      if (!match) continue;
      score += rule.weight * fieldWeight;
      const text = match[0].toLowerCase().replace(/\s+/gu, " ");
      const marked = field === "abstract" ? text : `${text} (${field})`;
      if (evidence.length < limit && rule.weight > 0 && !evidence.includes(marked)) evidence.push(marked);
      break;
    }
  }
  return { applies: score >= rules.minScore && evidence.length > 0, score, evidence };
}
