import type { compileTaxonomy } from "@alignment-trends/ingest";

type CompiledTaxonomy = ReturnType<typeof compileTaxonomy>;

/** Patterns that tell whether filler text could move a paper's tags. */
export interface RuleMatchers {
  /** The include rules of the `alignment` and `other-alignment` scopes. */
  scope: RegExp[];
  /** The include rules of every scope and topic. */
  any: RegExp[];
}

/**
 * Collects the include rules of a compiled taxonomy. Rules of weight zero or
 * less never raise a score, so they are left out.
 */
export function createRuleMatchers(taxonomy: CompiledTaxonomy): RuleMatchers {
  const positive = (rules: CompiledTaxonomy["alignment"]) => rules.include.filter((rule) => rule.weight > 0).map((rule) => rule.pattern);
  const scope = [...positive(taxonomy.alignment), ...positive(taxonomy.otherAlignment)];
  const topics = taxonomy.topics.flatMap((topic) => positive(topic.rules));
  return { scope, any: [...scope, ...topics] };
}
