import type { Taxonomy, TopicAssignment } from "@alignment-trends/schema";
import { compileRules, scoreRules, type CompiledRules, type TextFields } from "./compileRules";

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
 * Tags one paper: scope `alignment` when the alignment rules reach their
 * score, else `other-alignment` when the rules for other senses of
 * "alignment" do, else `off-topic`. Only alignment papers get topics. Every
 * scope and topic carries the matched phrases as evidence.
 */
export function tagPaper(taxonomy: CompiledTaxonomy, paper: TaggableText): TopicAssignment {
  const fields: TextFields = { title: paper.title, keywords: paper.keywords.join(" \u2016 "), abstract: paper.abstract ?? "" };

  const alignment = scoreRules(taxonomy.alignment, fields);
  if (alignment.applies) {
    const topics = taxonomy.topics
      .map((topic) => ({ topic: topic.id, match: scoreRules(topic.rules, fields) }))
      .filter((topic) => topic.match.applies)
      .map((topic) => ({ topic: topic.topic, evidence: topic.match.evidence }));
    return { scope: "alignment", scopeEvidence: alignment.evidence, topics };
  }

  const other = scoreRules(taxonomy.otherAlignment, fields);
  if (other.applies) return { scope: "other-alignment", scopeEvidence: other.evidence, topics: [] };
  return { scope: "off-topic", scopeEvidence: [], topics: [] };
}
