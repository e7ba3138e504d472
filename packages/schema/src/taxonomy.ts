import { z } from "zod";
import { ScopeSchema, TopicIdSchema } from "./trendQuery";

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

/**
 * Rules that detect one topic or scope. `phrases` match whole words with case
 * folded and any run of spaces or hyphens between words; `patterns` are regular
 * expressions for what a phrase cannot say. A match of any `exclude` entry
 * cancels the rule for that paper.
 */
export const DetectionRulesSchema = z.object({
  phrases: z.array(z.string().min(1)).default([]),
  patterns: z.array(PatternSchema).default([]),
  excludePhrases: z.array(z.string().min(1)).default([]),
  excludePatterns: z.array(PatternSchema).default([]),
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
