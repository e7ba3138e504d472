import { tagPaper } from "@alignment-trends/ingest";
import type { TopicAssignment } from "@alignment-trends/schema";
import type { EvidencePhrase } from "./profileSchema";
import type { EvidenceTable, ProfileSamplers, Scope } from "./ProfileSamplers";
import type { SeededRandom } from "./SeededRandom";
import type { PaperWords } from "./TextComposer";

/** The scope and topics a paper is meant to get from the product's tagger. */
export interface TagTarget {
  scope: Scope;
  topics: string[];
}

/** The sizes of a paper's texts, drawn once so that retries do not bend the length distributions. */
export interface TextPlan {
  /** A name that opens the title ("Name: ..."), or null for a title without one. */
  titleName: string | null;
  titleWords: number;
  abstractWords: number;
  /** Keyword phrases, or null when the entry has no `ai_keywords`. */
  keywords: number | null;
  /** Words of the AI summary, or null when the entry has none. */
  summaryWords: number | null;
  /** A closing sentence that links the code, or null. */
  codeSentence: string | null;
}

export interface TaggedText {
  title: string;
  abstract: string;
  keywords: string[] | null;
  aiSummary: string | null;
  assignment: TopicAssignment;
  /** False when every attempt missed the target and the text keeps the tags of its last attempt. */
  matched: boolean;
  /** Compositions tried, 1 when the first one reached the target. */
  attempts: number;
}

/** Attempts per paper before the generator keeps text whose tags miss the target; few papers need more than two. */
const MAX_ATTEMPTS = 12;

interface Draft {
  titleWords: string[];
  sentences: string[][];
  keywords: string[] | null;
}

/** Draws per phrase wanted before a table counts as out of suitable phrases. */
const DRAWS_PER_PHRASE = 12;

/**
 * Draws `count` distinct phrases from a table that touch no topic outside
 * `topics`, fewer when the table runs out of such phrases. For example,
 * "reward model" is evidence of the alignment scope, but it would also add
 * the reward-modeling topic to a paper meant to have other topics.
 */
function drawPhrases(random: SeededRandom, table: EvidenceTable, count: number, topics: readonly string[], into: EvidencePhrase[]): void {
  let added = 0;
  for (let tries = 0; added < count && tries < count * DRAWS_PER_PHRASE; tries += 1) {
    const phrase = table.phrases.sample(random);
    if (!phrase.touches.every((topic) => topics.includes(topic))) continue;
    if (into.some((existing) => existing.phrase === phrase.phrase)) continue;
    into.push(phrase);
    added += 1;
  }
}

/** Chooses the evidence phrases for a target; `extraScope` adds scope phrases after an attempt that missed the scope. */
function chooseEvidence(samplers: ProfileSamplers, random: SeededRandom, target: TagTarget, extraScope: number): EvidencePhrase[] {
  const chosen: EvidencePhrase[] = [];
  for (const topic of target.topics) {
    const table = samplers.topicEvidence.get(topic);
    if (table) drawPhrases(random, table, table.perPaper.sample(random), target.topics, chosen);
  }
  if (target.scope === "off-topic") return chosen;
  const scopeTable = samplers.scopeEvidence.get(target.scope);
  if (scopeTable) drawPhrases(random, scopeTable, Math.max(0, scopeTable.perPaper.sample(random) - chosen.length) + extraScope, target.topics, chosen);
  return chosen;
}

/** Writes a phrase into the field the real papers had it in; keywords go to the abstract when the entry has none. */
function placeEvidence(random: SeededRandom, draft: Draft, phrase: EvidencePhrase, nameWords: number): void {
  if (phrase.field === "title") {
    draft.titleWords.splice(random.intBetween(nameWords, draft.titleWords.length), 0, phrase.surface);
    return;
  }
  if (phrase.field === "keywords" && draft.keywords) {
    draft.keywords.splice(random.int(draft.keywords.length + 1), 0, phrase.surface);
    return;
  }
  const sentence = random.pick(draft.sentences);
  sentence.splice(random.intBetween(1, sentence.length), 0, phrase.surface);
}

/** Returns the sentence lengths of an abstract of `total` words; a remainder under three words joins the last sentence. */
function planSentences(samplers: ProfileSamplers, random: SeededRandom, total: number): number[] {
  const lengths: number[] = [];
  let remaining = total;
  while (remaining > 0) {
    let length = Math.min(Math.max(3, samplers.sentenceWords.sample(random)), remaining);
    if (remaining - length < 3) length = remaining;
    lengths.push(length);
    remaining -= length;
  }
  return lengths;
}

function joinSentences(sentences: string[][]): string {
  return sentences.map((tokens) => `${tokens.join(" ").replace(/,$/u, "")}.`).join(" ");
}

function matchesTarget(assignment: TopicAssignment, target: TagTarget): boolean {
  if (assignment.scope !== target.scope) return false;
  const topics = assignment.topics.map((topic) => topic.topic).sort();
  return topics.length === target.topics.length && topics.every((topic, i) => topic === target.topics[i]);
}

/**
 * Composes a paper's title, abstract, keywords and AI summary, with evidence
 * phrases of its target scope and topics placed where real papers had them,
 * and tags the result with the product's own tagger. Text whose tags miss the
 * target is composed again, up to `MAX_ATTEMPTS` times.
 */
export function composeTaggedText(samplers: ProfileSamplers, random: SeededRandom, target: TagTarget, plan: TextPlan): TaggedText {
  const composer = target.scope === "off-topic" ? samplers.offTopicText : samplers.alignmentText;
  const sortedTarget = { scope: target.scope, topics: [...target.topics].sort() };
  let last: TaggedText | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const words: PaperWords = { used: [] };
    const nameWords = plan.titleName ? 1 : 0;
    const titleWords = composer.title(random, Math.max(1, plan.titleWords - nameWords), words);
    if (plan.titleName) titleWords.unshift(`${plan.titleName}:`);
    const sentences = planSentences(samplers, random, plan.abstractWords).map((length) => composer.sentence(random, length, words));
    const keywords = plan.keywords === null ? null : [...new Set(Array.from({ length: plan.keywords }, () => composer.keyword(random, samplers.knownKeywordShare, words)))];
    const draft: Draft = { titleWords, sentences, keywords };
    for (const phrase of chooseEvidence(samplers, random, sortedTarget, Math.floor(attempt / 2))) placeEvidence(random, draft, phrase, nameWords);

    const title = draft.titleWords.join(" ");
    const abstract = plan.codeSentence ? `${joinSentences(draft.sentences)} ${plan.codeSentence}` : joinSentences(draft.sentences);
    const aiSummary = plan.summaryWords === null ? null : `${composer.sentence(random, plan.summaryWords, words).join(" ").replace(/,$/u, "")}.`;
    const assignment = tagPaper(samplers.taxonomy, { title, abstract, keywords: draft.keywords ?? [] });
    last = { title, abstract, keywords: draft.keywords, aiSummary, assignment, matched: matchesTarget(assignment, sortedTarget), attempts: attempt + 1 };
    if (last.matched) return last;
  }
  return last!;
}
