/**
 * English function words that never start or end an indexed term: a term is
 * a run of one to three words that begins and ends with a content word, so
 * "chain of thought" is a term and "of the" is not.
 */
export const STOP_WORDS: readonly string[] = [
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
  "be", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
  "doing", "down", "during", "each", "either", "etc", "even", "ever", "few", "for", "from", "further", "had", "has",
  "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it",
  "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of",
  "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "per", "same", "she",
  "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
  "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were",
  "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
  "would", "yet", "you", "your",
];

/** The maximum number of words in a term of the term index. */
export const MAX_INDEXED_WORDS = 3;

const STOP_WORD_SET = new Set(STOP_WORDS);

/**
 * Splits text into the words the term index uses: Unicode NFC, lower case,
 * runs of letters and digits; every other character separates words, so
 * "best-of-N" is "best of n". The ingest builds the index with the same rule
 * in SQL.
 */
export function termWords(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A phrase in the form the term index stores, and whether the index contains terms of its shape. */
export interface TermShape {
  /** The phrase's words joined by single spaces, the form stored in the index. */
  term: string;
  words: string[];
  /** True when the phrase has one to three words and starts and ends with a content word. */
  indexed: boolean;
}

export function shapeTerm(phrase: string): TermShape {
  const words = termWords(phrase);
  const indexed =
    words.length >= 1 &&
    words.length <= MAX_INDEXED_WORDS &&
    !STOP_WORD_SET.has(words[0]!) &&
    !STOP_WORD_SET.has(words.at(-1)!);
  return { term: words.join(" "), words, indexed };
}

/**
 * A regular expression (RE2, as DuckDB runs it) for the end of a sentence or
 * clause: `.`, `!`, `?`, `;` or `:` before white space. Terms never span one,
 * so "language models. We train" contains no term "models we train"; a decimal
 * point such as "3.5" is no break.
 */
export const CLAUSE_BREAK_PATTERN = "[.!?;:]\\s";

/** Reports whether a word is a stop word of the term index. */
export function isStopWord(word: string): boolean {
  return STOP_WORD_SET.has(word);
}

/** Reports whether a word begins some stop word, as "wh" begins "which": a search prefix that the term index alone cannot match. */
export function beginsStopWord(word: string): boolean {
  return STOP_WORDS.some((stopWord) => stopWord.startsWith(word));
}
