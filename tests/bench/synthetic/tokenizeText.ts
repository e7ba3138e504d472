/** One word of a text as the profile counts it. */
export interface TextToken {
  /** The word as written, without surrounding brackets, quotes or punctuation. */
  surface: string;
  /** The lower-cased word, the key of word and word-pair counts. */
  key: string;
  /** True when a comma follows the word. */
  comma: boolean;
}

const LEADING_MARKS = /^[([{"'“‘«]+/u;
const TRAILING_MARKS = /[)\]}"'”’»,.;:!?]+$/u;
/** A sentence ends at `.`, `!` or `?` after a word, unless the word is a common abbreviation. */
const SENTENCE_END = /[.!?]["')\]”’]*$/u;
const ABBREVIATIONS = new Set(["e.g.", "i.e.", "et al.", "al.", "etc.", "vs.", "fig.", "eq.", "cf.", "resp."]);

/**
 * Splits text into sentences of words: white space separates words, a word
 * ending in `.`, `!` or `?` ends a sentence, and marks around a word are
 * dropped. Words without a letter or digit are skipped.
 */
export function tokenizeText(text: string): TextToken[][] {
  const sentences: TextToken[][] = [];
  let sentence: TextToken[] = [];
  for (const raw of text.split(/\s+/u)) {
    if (raw === "") continue;
    const surface = raw.replace(LEADING_MARKS, "").replace(TRAILING_MARKS, "");
    if (/[\p{L}\p{N}]/u.test(surface)) sentence.push({ surface, key: surface.toLowerCase(), comma: /,["')\]”’]*$/u.test(raw) });
    if (SENTENCE_END.test(raw) && !ABBREVIATIONS.has(raw.toLowerCase()) && sentence.length > 0) {
      sentences.push(sentence);
      sentence = [];
    }
  }
  if (sentence.length > 0) sentences.push(sentence);
  return sentences;
}

/** Returns the number of words in a text, counting white-space separated runs. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== "").length;
}
