import { z } from "zod";

/** Counts by value: each key is an integer written as a string, each value the number of times it occurred. */
const HistogramSchema = z.record(z.string().regex(/^-?\d+$/u), z.number().int().positive());

/** A share measured as `count` out of `total`, kept as counts so a reader sees the sample size. */
const CountShareSchema = z.object({ count: z.number().int().nonnegative(), total: z.number().int().positive() });

/** Word or phrase frequencies as `[surface form, count]` pairs, most frequent first. */
const FrequencyListSchema = z.array(z.tuple([z.string().min(1), z.number().int().positive()]));

const TextFieldSchema = z.enum(["title", "keywords", "abstract"]);

/** A phrase the topic tagger matched, in the field it matched first, with the number of papers it was evidence for. */
const EvidencePhraseSchema = z.object({
  phrase: z.string().min(1),
  /** The spelling most often found in the papers' text, such as "RLHF" for the match "rlhf". */
  surface: z.string().min(1),
  field: TextFieldSchema,
  papers: z.number().int().positive(),
});

/**
 * Aggregated statistics of real Hugging Face daily-papers digests, written by
 * `deriveProfile.ts`: histograms, shares, word and phrase frequencies. It
 * contains no whole title or abstract, because word lists keep only words
 * seen at least twice and word pairs seen at least three times.
 */
export const SyntheticProfileSchema = z.object({
  description: z.string(),
  sources: z.object({
    apiFiles: z.number().int().positive(),
    apiEntries: z.number().int().positive(),
    apiPapers: z.number().int().positive(),
    firstDay: z.string(),
    lastDay: z.string(),
    taxonomyVersion: z.string(),
  }),
  /** Entries per daily file, by ISO weekday (1 is Monday); weekdays without any file are absent. */
  entriesPerDayByWeekday: z.record(z.string().regex(/^[1-7]$/u), HistogramSchema),
  /** Calendar days from a paper's arXiv publication to the day it was listed. */
  publicationLagDays: HistogramSchema,
  relisting: z.object({
    apiEntries: z.number().int().positive(),
    apiRelisted: z.number().int().nonnegative(),
    listRows: z.number().int().nonnegative(),
    listRelisted: z.number().int().nonnegative(),
    /** Calendar days between the first and the repeated listing. */
    lagDays: HistogramSchema,
  }),
  authors: z.object({
    perPaper: HistogramSchema,
    /** Distinct author names among all author entries, and the most entries of one name: how often authors recur. */
    distinctNames: CountShareSchema,
    maxPapersPerName: z.number().int().positive(),
    withUser: CountShareSchema,
    hidden: CountShareSchema,
    statuses: z.record(z.string(), z.number().int().positive()),
  }),
  title: z.object({
    words: HistogramSchema,
    /** Titles that open with a name and a colon, such as "Name: what it does". */
    named: CountShareSchema,
    wrapped: CountShareSchema,
  }),
  abstract: z.object({
    /** Words per abstract, in bins of ten words keyed by the bin's lower bound. */
    wordsByTen: HistogramSchema,
    sentenceWords: HistogramSchema,
    /** Words followed by a comma, out of all words. */
    commas: CountShareSchema,
    wrapped: CountShareSchema,
    /** The 95th percentile of line length in hard-wrapped abstracts, in characters. */
    wrapWidth: z.number().int().positive(),
    /** Abstracts that contain a GitHub URL. */
    codeLink: CountShareSchema,
  }),
  upvotes: HistogramSchema,
  comments: HistogramSchema,
  aiSummary: z.object({ present: CountShareSchema, words: HistogramSchema }),
  aiKeywords: z.object({
    present: CountShareSchema,
    perPaper: HistogramSchema,
    /** Keyword phrases given to at least three papers. */
    phrases: FrequencyListSchema,
  }),
  /** Shares of optional members among entries of the current API shape (those with `submittedOnDailyAt`). */
  optionalFields: z.object({
    entries: z.number().int().positive(),
    mediaUrls: CountShareSchema,
    projectPage: CountShareSchema,
    organization: CountShareSchema,
    authorParticipating: CountShareSchema,
    summaryModel: CountShareSchema,
    repoAddedByUser: CountShareSchema,
    githubStarsGivenRepo: CountShareSchema,
    /** Star counts in bins of powers of two, keyed by the bin's lower bound (0, 1, 2, 4, ...). */
    githubStars: HistogramSchema,
  }),
  /** Entries with a `githubRepo` by listing month; the API has had the member only since March 2025. */
  githubRepoByMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/u), entries: z.number().int().positive(), withRepo: z.number().int().nonnegative() })),
  /** arXiv ids by the year and month they encode (`YYMM`). */
  arxivIdsByMonth: z.array(z.object({ month: z.string().regex(/^\d{4}$/u), papers: z.number().int().positive(), maxSequence: z.number().int().positive(), digits: z.number().int() })),
  files: z.object({
    /** The JSON indent of the files from each day on: 4 spaces in the older files, 2 in the newer ones. */
    indentFrom: z.array(z.object({ day: z.string(), spaces: z.number().int().nonnegative() })).min(1),
    /** Files, entries and bytes by JSON indent. */
    bytesByIndent: z.array(z.object({ spaces: z.number().int().nonnegative(), files: z.number().int().positive(), entries: z.number().int().nonnegative(), bytes: z.number().int().positive() })),
  }),
  tagging: z.object({
    scopes: z.object({ alignment: z.number().int().nonnegative(), "other-alignment": z.number().int().nonnegative(), "off-topic": z.number().int().nonnegative() }),
    /** Sets of topics given together to alignment papers, with the number of papers of each set. */
    topicSets: z.array(z.object({ topics: z.array(z.string()), papers: z.number().int().positive() })),
    scopeEvidence: z.object({ alignment: z.array(EvidencePhraseSchema), "other-alignment": z.array(EvidencePhraseSchema) }),
    /** Evidence phrases per paper of a scope. */
    scopeEvidenceCounts: z.object({ alignment: HistogramSchema, "other-alignment": HistogramSchema }),
    topicEvidence: z.record(z.string(), z.array(EvidencePhraseSchema)),
    /** Evidence phrases per paper and topic. */
    topicEvidenceCounts: z.record(z.string(), HistogramSchema),
  }),
  terms: z.object({
    papers: z.number().int().positive(),
    meanPerPaper: z.number().positive(),
    medianPerPaper: z.number().positive(),
    meanInTitle: z.number().positive(),
    distinctTerms: z.number().int().positive(),
    paperTermPairs: z.number().int().positive(),
  }),
  vocabulary: z.object({
    abstractTokens: z.number().int().positive(),
    /** Tokens of words that occur once in all abstracts: names, numbers, coined terms. */
    hapaxTokens: z.number().int().nonnegative(),
    words: FrequencyListSchema,
    titleWords: FrequencyListSchema,
    sentenceStarts: FrequencyListSchema,
    /** Successors of each lower-cased word within a sentence: `{ word: [[next word, count], ...] }`. */
    bigrams: z.record(z.string(), FrequencyListSchema),
  }),
});

export type SyntheticProfile = z.infer<typeof SyntheticProfileSchema>;
export type EvidencePhrase = z.infer<typeof EvidencePhraseSchema>;
export type TextField = z.infer<typeof TextFieldSchema>;
export type CountShare = z.infer<typeof CountShareSchema>;
