import { formatParameterTable } from "./formatParameterTable";
import type { OpenApiDocument, ParameterObject, ReferenceObject } from "./openApiTypes";

/** Matches one generated block: `<!-- parameters: NAME -->`, the table, and `<!-- end parameters -->`. */
const BLOCK = /<!-- parameters: (.+?) -->\n[\s\S]*?<!-- end parameters -->/gu;

/** The block name of the filter parameters, which every route that takes them refers to. */
export const FILTER_BLOCK = "filter";

const isReference = (parameter: ParameterObject | ReferenceObject): parameter is ReferenceObject => "$ref" in parameter;
const isParameter = (parameter: ParameterObject | ReferenceObject): parameter is ParameterObject => !("$ref" in parameter);

/** Returns the generated Markdown of one block: the filter parameters, or one route's own parameters. */
function formatBlock(name: string, document: OpenApiDocument): string {
  if (name === FILTER_BLOCK) return formatParameterTable(Object.values(document.components.parameters));

  const path = name.replace(/^GET /u, "");
  const operation = document.paths[path]?.get;
  if (!name.startsWith("GET ") || !operation) {
    throw new Error(`docs/api.md has a parameter block "${name}" that names no route. Use "GET <path>" with a path of the OpenAPI document, or "${FILTER_BLOCK}".`);
  }
  const own = operation.parameters.filter(isParameter);
  const takesFilters = operation.parameters.some(isReference);
  if (own.length === 0 && !takesFilters) return "This route takes no parameters.";
  const lines = [own.length > 0 ? formatParameterTable(own) : "This route takes no parameters of its own."];
  if (takesFilters) lines.push("", "It also takes every [filter parameter](#filter-parameters).");
  return lines.join("\n");
}

/**
 * Replaces the contents of every parameter block in docs/api.md with tables
 * generated from the OpenAPI document, and returns the new text. Throws when
 * a route of the document has no block, so that a new route cannot go
 * undocumented.
 */
export function writeParameterTables(markdown: string, document: OpenApiDocument): string {
  const found = new Set<string>();
  const updated = markdown.replace(BLOCK, (_block, name: string) => {
    found.add(name);
    return `<!-- parameters: ${name} -->\n${formatBlock(name, document)}\n<!-- end parameters -->`;
  });

  const missing = [FILTER_BLOCK, ...Object.keys(document.paths).map((path) => `GET ${path}`)].filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new Error(
      `docs/api.md has no parameter block for ${missing.join(", ")}. Add "<!-- parameters: NAME -->" and "<!-- end parameters -->" on lines of their own to the route's section.`,
    );
  }
  return updated;
}
