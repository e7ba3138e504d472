import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TaxonomySchema, TopicOverridesSchema, type Taxonomy, type TopicOverride } from "@alignment-trends/schema";
import { describeIssues } from "../formats/validatePaperRecord";

/** The taxonomy file shipped with the ingest. */
export const DEFAULT_TAXONOMY_PATH = fileURLToPath(new URL("../../taxonomy/taxonomy.json", import.meta.url));

/** The reviewed per-paper corrections shipped with the ingest. */
export const DEFAULT_OVERRIDES_PATH = fileURLToPath(new URL("../../taxonomy/overrides.json", import.meta.url));

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Failed to read ${what} ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads and validates a taxonomy file; the error names the file and the invalid fields. */
export function loadTaxonomy(path = DEFAULT_TAXONOMY_PATH): Taxonomy {
  const result = TaxonomySchema.safeParse(readJson(path, "taxonomy"));
  if (!result.success) throw new Error(`Invalid taxonomy ${path}: ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * Reads and validates the overrides file, and checks that every topic it
 * names exists in the taxonomy. Returns the overrides by paper id.
 */
export function loadOverrides(taxonomy: Taxonomy, path = DEFAULT_OVERRIDES_PATH): Map<string, TopicOverride> {
  const result = TopicOverridesSchema.safeParse(readJson(path, "overrides"));
  if (!result.success) throw new Error(`Invalid overrides ${path}: ${describeIssues(result.error)}`);
  const known = new Set(taxonomy.topics.map((topic) => topic.id));
  const overrides = new Map<string, TopicOverride>();
  for (const [index, override] of result.data.overrides.entries()) {
    const unknown = [...override.addTopics, ...override.removeTopics].find((topic) => !known.has(topic));
    if (unknown) throw new Error(`Invalid overrides ${path}: overrides.${index} names unknown topic "${unknown}"`);
    if (overrides.has(override.paperId)) throw new Error(`Invalid overrides ${path}: paper ${override.paperId} has more than one override`);
    overrides.set(override.paperId, override);
  }
  return overrides;
}
