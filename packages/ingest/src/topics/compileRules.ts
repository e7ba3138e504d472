import type { DetectionRules } from "@alignment-trends/schema";

/** A rule set compiled to regular expressions, ready to run over many papers. */
export interface CompiledRules {
  include: RegExp[];
  exclude: RegExp[];
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
  return new RegExp(`${NOT_WORD_BEFORE}${words.join("[\\s\\-‐–]+")}${tail}${NOT_WORD_AFTER}`, "giu");
}

export function compileRules(rules: DetectionRules): CompiledRules {
  return {
    include: [...rules.phrases.map(compilePhrase), ...rules.patterns.map((source) => new RegExp(source, "giu"))],
    exclude: [...rules.excludePhrases.map(compilePhrase), ...rules.excludePatterns.map((source) => new RegExp(source, "giu"))],
  };
}

/**
 * Returns the distinct matched texts, lower-cased, in order of appearance, at
 * most `limit` of them. Returns none when an exclude rule matches.
 */
export function findEvidence(rules: CompiledRules, text: string, limit = 8): string[] {
  if (rules.exclude.some((pattern) => new RegExp(pattern).test(text))) return [];
  const evidence = new Set<string>();
  for (const pattern of rules.include) {
    for (const match of text.matchAll(pattern)) {
      evidence.add(match[0].toLowerCase().replace(/\s+/gu, " "));
      if (evidence.size >= limit) return [...evidence];
    }
  }
  return [...evidence];
}
