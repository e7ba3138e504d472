import { STOP_WORDS } from "@alignment-trends/analytics";
import { capitalize, coinWord } from "./coinWord";
import type { SyntheticProfile } from "./profileSchema";
import type { SeededRandom } from "./SeededRandom";
import { WeightedSampler } from "./WeightedSampler";

/** How filler words are drawn; each is a probability per word. */
export interface TextRates {
  /** Follow a word with one of its frequent successors in real abstracts. */
  successor: number;
  /** Repeat a content word the paper already used, because abstracts repeat their subject. */
  repeat: number;
  /** Coin a new word, as real abstracts name models and data sets seen nowhere else. */
  coined: number;
  /** Put a comma after a word. */
  comma: number;
}

/** The words one paper has used so far, shared by its title, abstract and summary. */
export interface PaperWords {
  used: string[];
}

const STOP = new Set(STOP_WORDS);

/**
 * Returns the texts that no pattern matches. The texts are joined with NUL
 * characters and each pattern runs once over the whole, because one run of
 * a pattern over a long string is far faster than a test per text. NUL is
 * neither a word character nor white space, so a phrase pattern, which needs
 * spaces or hyphens between its words, cannot match across two texts. A
 * free-form pattern such as `[^.]{0,80}` can, and then excludes a text that
 * would have been safe, which costs only a word of the vocabulary.
 */
function findUnmatched(patterns: readonly RegExp[], texts: string[]): Set<string> {
  const joined = texts.join("\u0000");
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length + 1;
  }
  const matched = new Set<number>();
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
    for (const match of joined.matchAll(global)) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts[middle]! <= match.index) low = middle;
        else high = middle - 1;
      }
      matched.add(low);
    }
  }
  return new Set(texts.filter((_, i) => !matched.has(i)));
}

/**
 * Composes filler text from the profile's vocabulary: words drawn by their
 * frequency in the profile's abstracts, often followed by one of their
 * frequent successors, sometimes repeating the paper's own words. Words and word pairs that `excluded`
 * matches never appear, so that filler alone cannot reach a topic rule and
 * only placed evidence decides a paper's tags.
 */
export class TextComposer {
  private readonly words: WeightedSampler<string>;
  private readonly titleWords: WeightedSampler<string>;
  private readonly starts: WeightedSampler<string>;
  private readonly successors = new Map<string, WeightedSampler<string>>();
  private readonly keywords: WeightedSampler<string>;
  /** The spelling of each word in abstracts, so a word first drawn for a title repeats in the abstract as abstracts write it. */
  private readonly spelling = new Map<string, string>();

  constructor(
    vocabulary: SyntheticProfile["vocabulary"],
    keywordPhrases: SyntheticProfile["aiKeywords"]["phrases"],
    excluded: readonly RegExp[],
    private readonly rates: TextRates,
  ) {
    const spelling = this.spelling;
    const allowedWords = findUnmatched(excluded, vocabulary.words.map(([surface]) => surface));
    for (const [surface] of vocabulary.words) if (allowedWords.has(surface)) spelling.set(surface.toLowerCase(), surface);
    this.words = new WeightedSampler(vocabulary.words.filter(([surface]) => spelling.has(surface.toLowerCase())));
    const allowedTitleWords = findUnmatched(excluded, vocabulary.titleWords.map(([surface]) => surface));
    this.titleWords = new WeightedSampler(vocabulary.titleWords.filter(([surface]) => allowedTitleWords.has(surface)));
    this.starts = new WeightedSampler(vocabulary.sentenceStarts.filter(([surface]) => spelling.has(surface.toLowerCase())));
    const pairs = Object.entries(vocabulary.bigrams).flatMap(([word, successors]) => successors.map(([next]) => `${word} ${next}`));
    const allowedPairs = findUnmatched(excluded, pairs);
    for (const [word, successors] of Object.entries(vocabulary.bigrams)) {
      if (!spelling.has(word)) continue;
      const allowedSuccessors = successors.filter(([next]) => spelling.has(next) && allowedPairs.has(`${word} ${next}`)).map(([next, count]) => [spelling.get(next)!, count] as const);
      if (allowedSuccessors.length > 0) this.successors.set(word, new WeightedSampler(allowedSuccessors));
    }
    const allowedKeywords = findUnmatched(excluded, keywordPhrases.map(([phrase]) => phrase));
    this.keywords = new WeightedSampler(keywordPhrases.filter(([phrase]) => allowedKeywords.has(phrase)));
  }

  /**
   * Returns the next word after `previous` (null at the start of a run),
   * remembering content words in `paper`. Titles pass `repeat` false because
   * a title seldom repeats a word; a word never follows itself.
   */
  private nextWord(random: SeededRandom, previous: string | null, paper: PaperWords, pool: WeightedSampler<string>, repeat = true): string {
    const draw = random.float();
    const successors = previous === null ? undefined : this.successors.get(previous.toLowerCase());
    const repeatRate = repeat ? this.rates.repeat : 0;
    let word: string;
    if (successors && draw < this.rates.successor) word = successors.sample(random);
    else if (paper.used.length > 0 && draw < this.rates.successor + repeatRate) word = random.pick(paper.used);
    else if (draw < this.rates.successor + repeatRate + this.rates.coined) word = coinWord(random);
    else word = pool.sample(random);
    if (previous !== null && word.toLowerCase() === previous.toLowerCase()) word = pool.sample(random);
    const key = word.toLowerCase();
    if (!STOP.has(key)) paper.used.push(this.spelling.get(key) ?? word);
    return word;
  }

  /** Returns a sentence of `length` words as tokens, commas attached to the words they follow, without the final period. */
  sentence(random: SeededRandom, length: number, paper: PaperWords): string[] {
    const tokens: string[] = [];
    let previous = this.starts.sample(random);
    tokens.push(previous);
    for (let i = 1; i < length; i += 1) {
      previous = this.nextWord(random, previous, paper, this.words);
      tokens.push(previous);
    }
    for (let i = 0; i < tokens.length - 1; i += 1) if (random.chance(this.rates.comma)) tokens[i] += ",";
    return tokens;
  }

  /** Returns title words in title case: content words capitalized unless written with capitals already. */
  title(random: SeededRandom, length: number, paper: PaperWords): string[] {
    const words: string[] = [];
    let previous: string | null = null;
    for (let i = 0; i < length; i += 1) {
      previous = this.nextWord(random, previous, paper, this.titleWords, false);
      const lower = previous === previous.toLowerCase();
      words.push(lower && (i === 0 || !STOP.has(previous)) ? capitalize(previous) : previous);
    }
    // Titles end on a content word.
    for (let tries = 0; tries < 8 && STOP.has(words.at(-1)!.toLowerCase()); tries += 1) {
      const word = this.titleWords.sample(random);
      words[words.length - 1] = word === word.toLowerCase() ? capitalize(word) : word;
    }
    return words;
  }

  /** Returns one keyword phrase: a phrase several real papers had, or a run of one to three words. */
  keyword(random: SeededRandom, knownShare: number, paper: PaperWords): string {
    if (random.chance(knownShare)) return this.keywords.sample(random);
    const length = random.intBetween(1, 3);
    const words: string[] = [];
    let previous: string | null = null;
    while (words.length < length) {
      previous = this.nextWord(random, previous, paper, this.words);
      if (words.length === 0 && STOP.has(previous.toLowerCase())) continue;
      words.push(previous);
    }
    while (words.length > 1 && STOP.has(words.at(-1)!.toLowerCase())) words.pop();
    return words.join(" ");
  }
}
