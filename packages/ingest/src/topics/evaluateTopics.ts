import type { Scope } from "@alignment-trends/schema";
import { z } from "zod";
import { tagPaper, type CompiledTaxonomy, type TaggableText } from "./tagPaper";

/** One hand-labelled paper: its arXiv id, scope and topics. */
export const LabelledPaperSchema = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.enum(["alignment", "other-alignment", "off-topic"]),
  topics: z.array(z.string()),
  confidence: z.string().optional(),
  reason: z.string().optional(),
});
export type LabelledPaper = z.infer<typeof LabelledPaperSchema>;

export interface TopicScore {
  topic: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A paper the tagger got wrong, with what it gave, what the label says and the phrases that decided. */
export interface TaggingError {
  id: string;
  title: string;
  expectedScope: Scope;
  taggedScope: Scope;
  missingTopics: string[];
  extraTopics: string[];
  evidence: string[];
}

export interface TopicEvaluation {
  papers: number;
  missingTexts: string[];
  scopeAccuracy: number;
  topics: TopicScore[];
  macroF1: number;
  errors: TaggingError[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Tags every labelled paper whose text is known and scores the tagger: the
 * share of papers with the right scope, and per topic the precision, recall
 * and F1 of the topic over all labelled papers (a paper tagged outside scope
 * `alignment` has no topics). Macro F1 is the unweighted mean over the topics
 * of the taxonomy. Labelled papers without a text are listed and left out.
 */
export function evaluateTopics(taxonomy: CompiledTaxonomy, labels: LabelledPaper[], texts: Map<string, TaggableText>): TopicEvaluation {
  const counts = new Map(taxonomy.topics.map((topic) => [topic.id, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const errors: TaggingError[] = [];
  const missingTexts: string[] = [];
  let rightScope = 0;
  let papers = 0;

  for (const label of labels) {
    const text = texts.get(label.id);
    if (!text) {
      missingTexts.push(label.id);
      continue;
    }
    papers += 1;
    const assignment = tagPaper(taxonomy, text);
    if (assignment.scope === label.scope) rightScope += 1;

    const tagged = new Set(assignment.topics.map((topic) => topic.topic));
    const expected = new Set(label.topics);
    for (const [topic, count] of counts) {
      if (tagged.has(topic) && expected.has(topic)) count.truePositives += 1;
      else if (tagged.has(topic)) count.falsePositives += 1;
      else if (expected.has(topic)) count.falseNegatives += 1;
    }

    const missingTopics = [...expected].filter((topic) => !tagged.has(topic));
    const extraTopics = [...tagged].filter((topic) => !expected.has(topic));
    if (assignment.scope !== label.scope || missingTopics.length > 0 || extraTopics.length > 0) {
      errors.push({
        id: label.id,
        title: label.title,
        expectedScope: label.scope,
        taggedScope: assignment.scope,
        missingTopics,
        extraTopics,
        evidence: [...assignment.scopeEvidence, ...assignment.topics.flatMap((topic) => topic.evidence.map((phrase) => `${topic.topic}: ${phrase}`))],
      });
    }
  }

  const topics = [...counts].map(([topic, count]) => {
    const precision = ratio(count.truePositives, count.truePositives + count.falsePositives);
    const recall = ratio(count.truePositives, count.truePositives + count.falseNegatives);
    return { topic, ...count, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  });
  return {
    papers,
    missingTexts,
    scopeAccuracy: ratio(rightScope, papers),
    topics,
    macroF1: ratio(topics.reduce((total, topic) => total + topic.f1, 0), topics.length),
    errors,
  };
}
