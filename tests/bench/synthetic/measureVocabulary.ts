import { compareText } from "./compareText";
import type { ApiEntry } from "./readApiEntries";
import { FrequencyCounter } from "./FrequencyCounter";
import type { SyntheticProfile } from "./profileSchema";
import { tokenizeText } from "./tokenizeText";

/** Word pairs seen fewer times than this are left out, so no chain of pairs can rebuild a sentence of one abstract. */
const MIN_PAIR_COUNT = 3;
/** Words seen once are names, numbers and coined terms of one paper; the generator coins its own instead. */
const MIN_WORD_COUNT = 2;

/** Returns word pairs seen at least `MIN_PAIR_COUNT` times, by first word, most frequent successor first. */
function keepFrequentPairs(pairs: Map<string, Map<string, number>>): Record<string, [string, number][]> {
  const kept: [string, [string, number][]][] = [];
  for (const [word, successors] of pairs) {
    const frequent = [...successors.entries()].filter(([, count]) => count >= MIN_PAIR_COUNT);
    if (frequent.length === 0) continue;
    frequent.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
    kept.push([word, frequent]);
  }
  kept.sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(kept);
}

/**
 * Counts the words of the abstracts and titles of distinct papers: word
 * frequencies, sentence openers, and the successors of each word within a
 * sentence.
 */
export function measureVocabulary(entries: ApiEntry[]): SyntheticProfile["vocabulary"] {
  const seen = new Set<string>();
  const words = new FrequencyCounter();
  const titleWords = new FrequencyCounter();
  const sentenceStarts = new FrequencyCounter();
  const pairs = new Map<string, Map<string, number>>();
  let abstractTokens = 0;
  for (const { paper } of entries) {
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    for (const sentence of tokenizeText(paper.summary)) {
      sentenceStarts.add(sentence[0]!.surface);
      sentence.forEach((token, i) => {
        words.add(token.surface, i > 0);
        abstractTokens += 1;
        const next = sentence[i + 1];
        if (!next) return;
        const successors = pairs.get(token.key) ?? new Map<string, number>();
        successors.set(next.key, (successors.get(next.key) ?? 0) + 1);
        pairs.set(token.key, successors);
      });
    }
    for (const sentence of tokenizeText(paper.title)) sentence.forEach((token, i) => titleWords.add(token.surface, i > 0));
  }
  return {
    abstractTokens,
    hapaxTokens: words.countOnce(),
    words: words.toList(MIN_WORD_COUNT),
    titleWords: titleWords.toList(MIN_WORD_COUNT),
    sentenceStarts: sentenceStarts.toList(MIN_WORD_COUNT),
    bigrams: keepFrequentPairs(pairs),
  };
}
