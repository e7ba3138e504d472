import type { Taxonomy, TopicAssignment, TopicOverride } from "@alignment-trends/schema";
import { compileRules, prepareText, scoreRules, type CompiledRules } from "./compileRules";

/** The text of a paper that tagging reads. */
export interface TaggableText {
  title: string;
  abstract: string | null;
  keywords: string[];
}

export interface CompiledTaxonomy {
  version: string;
  /** Reviewed corrections by paper id; tagging in the database applies them, evaluation of the rules does not. */
  overrides: Map<string, TopicOverride>;
  alignment: CompiledRules;
  otherAlignment: CompiledRules;
  topics: { id: string; rules: CompiledRules }[];
}

export function compileTaxonomy(taxonomy: Taxonomy, overrides = new Map<string, TopicOverride>()): CompiledTaxonomy {
  return {
    version: taxonomy.version,
    overrides,
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
  const fields = prepareText({ title: paper.title, keywords: paper.keywords.join(" \u2016 "), abstract: paper.abstract ?? "" });

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

/**
 * Applies a reviewed override to the rules' tags: its scope replaces theirs,
 * its removed topics go and its added topics come with the override's reason
 * as evidence. A paper whose scope the override moves out of `alignment`
 * keeps no topics.
 */
export function applyOverride(assignment: TopicAssignment, override: TopicOverride | undefined): TopicAssignment {
  if (!override) return assignment;
  const evidence = `override: ${override.reason}`;
  const scope = override.scope ?? assignment.scope;
  const scopeEvidence = override.scope ? [evidence] : assignment.scopeEvidence;
  if (scope !== "alignment") return { scope, scopeEvidence, topics: [] };

  const kept = assignment.topics.filter((topic) => !override.removeTopics.includes(topic.topic));
  const added = override.addTopics.filter((topic) => !kept.some((existing) => existing.topic === topic)).map((topic) => ({ topic, evidence: [evidence] }));
  return { scope, scopeEvidence, topics: [...kept, ...added] };
}
