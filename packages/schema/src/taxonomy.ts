import { z } from "zod";
import { ScopeSchema, TopicIdSchema } from "./trendQuery";

/** How much a rule's match counts in each field of a paper: the title names its subject, keywords summarise it, the abstract mentions more in passing. */
export const TOPIC_FIELD_WEIGHTS = { title: 3, keywords: 1.5, abstract: 1 } as const;

/** A regular expression source that must compile with the `iu` flags. */
const PatternSchema = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, "iu");
      return true;
    } catch {
      return false;
    }
  },
  { message: "expected a valid regular expression" },
);

/** A phrase, or a phrase with a weight other than 1 (a negative weight counts against). */
const WeightedPhraseSchema = z.union([
  z.string().min(1),
  z.object({ phrase: z.string().min(1), weight: z.number().min(-10).max(10) }),
]);

/** A regular expression, or one with a weight other than 1. */
const WeightedPatternSchema = z.union([PatternSchema, z.object({ pattern: PatternSchema, weight: z.number().min(-10).max(10) })]);

/**
 * Rules that detect one topic or scope. `phrases` match whole words with case
 * folded and any run of spaces or hyphens between words, and a trailing `*`
 * matches any word ending; `patterns` are regular expressions for what a
 * phrase cannot say. Each rule that matches adds its weight (1 unless given)
 * times the weight of the best field it matched in: the title counts 3, the
 * Hugging Face keywords 1.5, the abstract 1. The topic or scope applies when the
 * sum reaches `minScore`. A match of an `exclude` entry anywhere cancels it.
 */
export const DetectionRulesSchema = z.object({
  phrases: z.array(WeightedPhraseSchema).default([]),
  patterns: z.array(WeightedPatternSchema).default([]),
  excludePhrases: z.array(z.string().min(1)).default([]),
  excludePatterns: z.array(PatternSchema).default([]),
  minScore: z.number().positive().default(1),
});
export type DetectionRules = z.infer<typeof DetectionRulesSchema>;

export const TaxonomyTopicSchema = z.object({
  id: TopicIdSchema,
  label: z.string().min(1),
  description: z.string().min(1),
  rules: DetectionRulesSchema,
});
export type TaxonomyTopic = z.infer<typeof TaxonomyTopicSchema>;

export const TaxonomySchema = z
  .object({
    version: z.string().min(1),
    scopes: z.object({
      alignment: DetectionRulesSchema,
      "other-alignment": DetectionRulesSchema,
    }),
    topics: z.array(TaxonomyTopicSchema).min(1),
  })
  .refine((taxonomy) => new Set(taxonomy.topics.map((topic) => topic.id)).size === taxonomy.topics.length, {
    message: "topic ids must be unique",
  });
export type Taxonomy = z.infer<typeof TaxonomySchema>;

/** The scope and topics one paper received, with the phrases that decided them. */
export const TopicAssignmentSchema = z.object({
  scope: ScopeSchema,
  scopeEvidence: z.array(z.string()),
  topics: z.array(z.object({ topic: TopicIdSchema, evidence: z.array(z.string()).min(1) })),
});
export type TopicAssignment = z.infer<typeof TopicAssignmentSchema>;

/**
 * One reviewed correction of a paper's tags: a scope that replaces the
 * rules' scope, and topics added or removed. `reason` says why and is shown
 * as the evidence.
 */
export const TopicOverrideSchema = z
  .object({
    paperId: z.string().min(1),
    scope: ScopeSchema.optional(),
    addTopics: z.array(TopicIdSchema).default([]),
    removeTopics: z.array(TopicIdSchema).default([]),
    reason: z.string().min(10),
    reviewedBy: z.string().min(1),
    reviewedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "expected a date as YYYY-MM-DD"),
  })
  .refine((override) => override.scope !== undefined || override.addTopics.length > 0 || override.removeTopics.length > 0, {
    message: "an override must change the scope or a topic",
  });
export type TopicOverride = z.infer<typeof TopicOverrideSchema>;

export const TopicOverridesSchema = z.object({ overrides: z.array(TopicOverrideSchema) });
