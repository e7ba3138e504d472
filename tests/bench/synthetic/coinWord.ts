import type { SeededRandom } from "./SeededRandom";

const CONSONANTS = "bcdfghklmnprstvz";
const VOWELS = "aeiou";
/** 80 syllables of one consonant and one vowel: all two letters long, so any run of them splits back one way only. */
const SYLLABLES = [...CONSONANTS].flatMap((consonant) => [...VOWELS].map((vowel) => consonant + vowel));
const BASE = SYLLABLES.length;

/**
 * Spells a non-negative integer as syllables, at least `minSyllables` of
 * them: distinct integers give distinct spellings, so names built from
 * distinct indexes never collide.
 */
export function spellNumber(value: number, minSyllables: number): string {
  let rest = value;
  let text = "";
  for (let i = 0; i < minSyllables || rest > 0; i += 1) {
    text = SYLLABLES[rest % BASE]! + text;
    rest = Math.floor(rest / BASE);
  }
  return text;
}

/** Returns a new pronounceable word of two to four syllables, such as "kobelu", for names and coined terms. */
export function coinWord(random: SeededRandom): string {
  const syllables = random.intBetween(2, 4);
  let word = "";
  for (let i = 0; i < syllables; i += 1) word += random.pick(SYLLABLES);
  return word;
}

/** Upper-cases the first letter of a word. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The number of distinct four-syllable spellings, the size of the space that unique title names are drawn from. */
export const FOUR_SYLLABLE_NAMES = BASE ** 4;
