import type { Taxonomy, TopicAssignment } from "@alignment-trends/schema";
import { compileRules, findEvidence, type CompiledRules } from "./compileRules";

/** The text of a paper that tagging reads. */
export interface TaggableText {
  title: string;
  abstract: string | null;
  keywords: string[];
}

export interface CompiledTaxonomy {
  version: string;
  alignment: CompiledRules;
  otherAlignment: CompiledRules;
  topics: { id: string; rules: CompiledRules }[];
}

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  return {
    version: taxonomy.version,
    alignment: compileRules(taxonomy.scopes.alignment),
    otherAlignment: compileRules(taxonomy.scopes["other-alignment"]),
    topics: taxonomy.topics.map((topic) => ({ id: topic.id, rules: compileRules(topic.rules) })),
  };
}

/**
 * Tags one paper: scope `alignment` when an alignment rule matches, else
 * `other-alignment` when the word "alignment" or a relative appears in another
 * sense, else `off-topic`. Only alignment papers get topics. Every scope and
 * topic carries the matched phrases as evidence.
 */
export function tagPaper(taxonomy: CompiledTaxonomy, paper: TaggableText): TopicAssignment {
  // The separator stops a phrase from matching across the end of one field and the start of the next.
  const text = [paper.title, paper.abstract ?? "", ...paper.keywords].join(" \u2016 ");

  const alignmentEvidence = findEvidence(taxonomy.alignment, text);
  if (alignmentEvidence.length > 0) {
    const topics = taxonomy.topics
      .map((topic) => ({ topic: topic.id, evidence: findEvidence(topic.rules, text) }))
      .filter((topic) => topic.evidence.length > 0);
    return { scope: "alignment", scopeEvidence: alignmentEvidence, topics };
  }

  const otherEvidence = findEvidence(taxonomy.otherAlignment, text);
  if (otherEvidence.length > 0) return { scope: "other-alignment", scopeEvidence: otherEvidence, topics: [] };
  return { scope: "off-topic", scopeEvidence: [], topics: [] };
}
