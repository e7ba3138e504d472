import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TaxonomySchema, type Taxonomy } from "@alignment-trends/schema";
import { describeIssues } from "../formats/validatePaperRecord";

/** The taxonomy file shipped with the ingest. */
export const DEFAULT_TAXONOMY_PATH = fileURLToPath(new URL("../../taxonomy/taxonomy.json", import.meta.url));

/** Reads and validates a taxonomy file; the error names the file and the invalid fields. */
export function loadTaxonomy(path = DEFAULT_TAXONOMY_PATH): Taxonomy {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Failed to read taxonomy ${path}: ${(error as Error).message}`, { cause: error });
  }
  const result = TaxonomySchema.safeParse(json);
  if (!result.success) throw new Error(`Invalid taxonomy ${path}: ${describeIssues(result.error)}`);
  return result.data;
}
