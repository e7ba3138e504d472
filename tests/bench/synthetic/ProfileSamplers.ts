import { compileTaxonomy, loadTaxonomy } from "@alignment-trends/ingest";
import { createRuleMatchers } from "./createRuleMatchers";
import type { CountShare, EvidencePhrase, SyntheticProfile } from "./profileSchema";
import { TextComposer, type TextRates } from "./TextComposer";
import { WeightedSampler } from "./WeightedSampler";

/*
 * How filler text reuses words. Set by generating 3,352 papers (the size of
 * the real API sample, seed 1) and comparing the term index after an ingest
 * with the profile's `terms`: 268 terms per paper against 279, and 442,000
 * distinct terms against 440,000. A higher successor rate shares more word
 * pairs between papers, which lowers both. The coined-word rate is the
 * profile's share of words that occur once in all real abstracts.
 */
const SUCCESSOR_RATE = 0.6;
const REPEAT_RATE = 0.1;

export type Scope = "alignment" | "other-alignment" | "off-topic";

/** An evidence phrase with the topics whose rules match it, which placing it may add to a paper. */
export interface TopicEvidence extends EvidencePhrase {
  touches: readonly string[];
}

/** Evidence phrases of one scope or topic and how many of them a paper carries. */
export interface EvidenceTable {
  phrases: WeightedSampler<TopicEvidence>;
  perPaper: WeightedSampler<number>;
}

type CompiledTaxonomy = ReturnType<typeof compileTaxonomy>;

function shareOf(share: CountShare): number {
  return share.count / share.total;
}

/** Returns the topics with an include rule of positive weight that matches `text`. */
function topicsMatching(taxonomy: CompiledTaxonomy, text: string): string[] {
  return taxonomy.topics.filter((topic) => topic.rules.include.some((rule) => rule.weight > 0 && rule.pattern.test(text))).map((topic) => topic.id);
}

function evidenceTable(taxonomy: CompiledTaxonomy, phrases: EvidencePhrase[], perPaper: Record<string, number>): EvidenceTable | null {
  if (phrases.length === 0) return null;
  const entries = phrases.map((phrase) => [{ ...phrase, touches: topicsMatching(taxonomy, phrase.surface) }, phrase.papers] as const);
  return { phrases: new WeightedSampler(entries), perPaper: WeightedSampler.fromHistogram(perPaper) };
}

/**
 * Returns the share of entries with a `githubRepo` in a listing month
 * (`YYYY-MM`): a least-squares line through the months in which the API had
 * the member, weighted by entries, held within the lowest and highest monthly
 * share seen. Months before the member existed are left out of the fit, so the
 * line describes code release, not the API's history.
 */
function fitRepositoryShare(months: SyntheticProfile["githubRepoByMonth"]): (month: string) => number {
  const firstWithRepo = months.findIndex((month) => month.withRepo > 0);
  const fitted = firstWithRepo < 0 ? [] : months.slice(firstWithRepo);
  if (fitted.length === 0) return () => 0;
  const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const shares = fitted.map((month) => month.withRepo / month.entries);
  let weight = 0;
  let meanX = 0;
  let meanY = 0;
  fitted.forEach((month, i) => {
    weight += month.entries;
    meanX += month.entries * monthNumber(month.month);
    meanY += month.entries * shares[i]!;
  });
  meanX /= weight;
  meanY /= weight;
  let covariance = 0;
  let variance = 0;
  fitted.forEach((month, i) => {
    const dx = monthNumber(month.month) - meanX;
    covariance += month.entries * dx * (shares[i]! - meanY);
    variance += month.entries * dx * dx;
  });
  const slope = variance > 0 ? covariance / variance : 0;
  const low = Math.min(...shares);
  const high = Math.max(...shares);
  return (month) => Math.min(high, Math.max(low, meanY + slope * (monthNumber(month) - meanX)));
}

/**
 * Everything the generator draws from, built once from a profile: samplers
 * of counts and lengths, evidence tables, and the product's compiled
 * taxonomy. It also builds two text composers. Filler of the first avoids
 * the scope rules, and filler of the second, used for alignment papers,
 * avoids every topic rule as well.
 */
export class ProfileSamplers {
  readonly taxonomy = compileTaxonomy(loadTaxonomy());
  readonly weekdays: Map<number, WeightedSampler<number>>;
  readonly publicationLag: WeightedSampler<number>;
  readonly relistLag: WeightedSampler<number>;
  readonly relistShare: number;
  readonly authorsPerPaper: WeightedSampler<number>;
  readonly authorStatuses: WeightedSampler<string>;
  readonly titleWords: WeightedSampler<number>;
  readonly abstractWordsByTen: WeightedSampler<number>;
  readonly sentenceWords: WeightedSampler<number>;
  readonly summaryWords: WeightedSampler<number>;
  readonly keywordsPerPaper: WeightedSampler<number>;
  readonly upvotes: WeightedSampler<number>;
  readonly comments: WeightedSampler<number>;
  readonly githubStars: WeightedSampler<number>;
  readonly scopes: WeightedSampler<Scope>;
  readonly topicSets: WeightedSampler<string[]>;
  readonly scopeEvidence: Map<Scope, EvidenceTable>;
  readonly topicEvidence: Map<string, EvidenceTable>;
  readonly offTopicText: TextComposer;
  readonly alignmentText: TextComposer;
  readonly repositoryShare: (month: string) => number;
  /**
   * The share of titles of six words or more that open with a name. Shorter
   * titles always do, and this share makes the share over all titles match
   * the profile's.
   */
  readonly namedLongTitleShare: number;
  /** The share of keywords that are phrases several real papers had. */
  readonly knownKeywordShare: number;
  readonly shares: {
    titleNamed: number;
    wrapped: number;
    codeLinkInAbstract: number;
    authorWithUser: number;
    authorHidden: number;
    aiSummary: number;
    aiKeywords: number;
    mediaUrls: number;
    projectPage: number;
    organization: number;
    authorParticipating: number;
    summaryModel: number;
    repoAddedByUser: number;
    githubStarsGivenRepo: number;
  };

  constructor(readonly profile: SyntheticProfile) {
    this.weekdays = new Map(Object.entries(profile.entriesPerDayByWeekday).map(([weekday, histogram]) => [Number(weekday), WeightedSampler.fromHistogram(histogram)]));
    this.publicationLag = WeightedSampler.fromHistogram(profile.publicationLagDays);
    this.relistLag = WeightedSampler.fromHistogram(profile.relisting.lagDays);
    const relisting = profile.relisting;
    this.relistShare = (relisting.apiRelisted + relisting.listRelisted) / (relisting.apiEntries + relisting.listRows);
    this.authorsPerPaper = WeightedSampler.fromHistogram(profile.authors.perPaper);
    this.authorStatuses = new WeightedSampler(Object.entries(profile.authors.statuses));
    this.titleWords = WeightedSampler.fromHistogram(profile.title.words);
    this.abstractWordsByTen = WeightedSampler.fromHistogram(profile.abstract.wordsByTen);
    this.sentenceWords = WeightedSampler.fromHistogram(profile.abstract.sentenceWords);
    this.summaryWords = WeightedSampler.fromHistogram(profile.aiSummary.words);
    this.keywordsPerPaper = WeightedSampler.fromHistogram(profile.aiKeywords.perPaper);
    this.upvotes = WeightedSampler.fromHistogram(profile.upvotes);
    this.comments = WeightedSampler.fromHistogram(profile.comments);
    this.githubStars = WeightedSampler.fromHistogram(profile.optionalFields.githubStars);
    this.repositoryShare = fitRepositoryShare(profile.githubRepoByMonth);
    const titles = Object.entries(profile.title.words);
    const allTitles = titles.reduce((sum, [, count]) => sum + count, 0);
    const shortTitles = titles.filter(([words]) => Number(words) < 6).reduce((sum, [, count]) => sum + count, 0);
    const namedShare = shareOf(profile.title.named);
    this.namedLongTitleShare = Math.min(1, Math.max(0, (namedShare * allTitles - shortTitles) / Math.max(1, allTitles - shortTitles)));

    const tagging = profile.tagging;
    this.scopes = new WeightedSampler<Scope>(Object.entries(tagging.scopes) as [Scope, number][]);
    this.topicSets = new WeightedSampler(tagging.topicSets.map((set) => [set.topics, set.papers] as const));
    this.scopeEvidence = new Map();
    for (const scope of ["alignment", "other-alignment"] as const) {
      const table = evidenceTable(this.taxonomy, tagging.scopeEvidence[scope], tagging.scopeEvidenceCounts[scope]);
      if (table) this.scopeEvidence.set(scope, table);
    }
    this.topicEvidence = new Map();
    for (const [topic, phrases] of Object.entries(tagging.topicEvidence)) {
      const table = evidenceTable(this.taxonomy, phrases, tagging.topicEvidenceCounts[topic] ?? { 1: 1 });
      if (table) this.topicEvidence.set(topic, table);
    }

    const keywordTotal = Object.entries(profile.aiKeywords.perPaper).reduce((sum, [count, papers]) => sum + Number(count) * papers, 0);
    const knownKeywords = profile.aiKeywords.phrases.reduce((sum, [, count]) => sum + count, 0);
    this.knownKeywordShare = keywordTotal > 0 ? knownKeywords / keywordTotal : 0;

    const rates: TextRates = {
      successor: SUCCESSOR_RATE,
      repeat: REPEAT_RATE,
      coined: profile.vocabulary.hapaxTokens / profile.vocabulary.abstractTokens,
      comma: shareOf(profile.abstract.commas),
    };
    const matchers = createRuleMatchers(this.taxonomy);
    this.offTopicText = new TextComposer(profile.vocabulary, profile.aiKeywords.phrases, matchers.scope, rates);
    this.alignmentText = new TextComposer(profile.vocabulary, profile.aiKeywords.phrases, matchers.any, rates);

    const fields = profile.optionalFields;
    this.shares = {
      titleNamed: shareOf(profile.title.named),
      wrapped: shareOf(profile.abstract.wrapped),
      codeLinkInAbstract: shareOf(profile.abstract.codeLink),
      authorWithUser: shareOf(profile.authors.withUser),
      authorHidden: shareOf(profile.authors.hidden),
      aiSummary: shareOf(profile.aiSummary.present),
      aiKeywords: shareOf(profile.aiKeywords.present),
      mediaUrls: shareOf(fields.mediaUrls),
      projectPage: shareOf(fields.projectPage),
      organization: shareOf(fields.organization),
      authorParticipating: shareOf(fields.authorParticipating),
      summaryModel: shareOf(fields.summaryModel),
      repoAddedByUser: shareOf(fields.repoAddedByUser),
      githubStarsGivenRepo: shareOf(fields.githubStarsGivenRepo),
    };
  }

  /**
   * Returns the JSON indent of a daily file listed on `day`: that of the
   * latest real file on or before it, or of the first real file for earlier
   * days. The real files switched from 4 spaces to 2 early in 2025.
   */
  indentOf(day: string): number {
    const { indentFrom } = this.profile.files;
    let spaces = indentFrom[0]!.spaces;
    for (const change of indentFrom) if (change.day <= day) spaces = change.spaces;
    return spaces;
  }

  /** Returns the mean entries per listing day over the weekdays that have listings. */
  meanEntriesPerDay(): number {
    const means = [...this.weekdays.values()].map((sampler) => sampler.mean());
    return means.reduce((sum, mean) => sum + mean, 0) / means.length;
  }
}
