import type { JsonSchema } from "./jsonSchemaFromZod";
import type { ParameterObject } from "./openApiTypes";

/** Escapes the characters that would end a Markdown table cell or break its row. */
function escapeCell(text: string): string {
  return text.replace(/\|/gu, "\\|").replace(/\r?\n/gu, " ");
}

const code = (value: unknown) => `\`${String(value)}\``;

const formatBound = (bound: number | undefined) => (bound === undefined ? "any" : bound.toLocaleString("en-US"));

/** Describes the values a schema accepts in a few words, such as "integer from 1 to 500" or "date `YYYY-MM-DD`". */
function describeValues(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(code).join(", ");
  if (schema.const !== undefined) return code(schema.const);
  if (schema.anyOf) return schema.anyOf.map((branch) => (typeof branch === "object" ? describeValues(branch) : "any value")).join(", or ");
  if (schema.type === "integer") return `integer from ${formatBound(schema.minimum)} to ${formatBound(schema.maximum)}`;
  if (schema.type === "array") {
    const items = typeof schema.items === "object" && !Array.isArray(schema.items) ? describeValues(schema.items) : "text";
    const count = schema.minItems ? `${schema.minItems} to ${schema.maxItems}` : `at most ${schema.maxItems}`;
    return `list of ${items}, ${count}; repeat the parameter`;
  }
  if (schema.format === "date") return `date ${code("YYYY-MM-DD")}`;
  const parts = ["text"];
  if (schema.pattern) parts.push(`matching ${code(schema.pattern)}`);
  if (schema.minLength && schema.maxLength) parts.push(`of ${schema.minLength} to ${schema.maxLength} characters`);
  else if (schema.maxLength) parts.push(`of at most ${schema.maxLength} characters`);
  return parts.join(" ");
}

/** Writes a parameter's first example as it appears in a query string, with a list as the name repeated. */
function formatExample(parameter: ParameterObject): string {
  const example = parameter.schema.examples?.[0];
  if (example === undefined) return "";
  if (parameter.in === "path") return code(example);
  const values = Array.isArray(example) ? example : [example];
  return code(values.map((value) => `${parameter.name}=${String(value)}`).join("&"));
}

/** Formats parameters as a Markdown table: name, accepted values, default, example and description. */
export function formatParameterTable(parameters: ParameterObject[]): string {
  const rows = parameters.map((parameter) => {
    let name = code(parameter.name);
    if (parameter.in === "path") name += " (path)";
    else if (parameter.required) name += " (required)";
    const defaultValue = parameter.schema.default === undefined ? "" : code(parameter.schema.default);
    return [name, describeValues(parameter.schema), defaultValue, formatExample(parameter), parameter.description];
  });
  return [
    "| Parameter | Values | Default | Example | Description |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((cells) => `| ${cells.map(escapeCell).join(" | ")} |`),
  ].join("\n");
}
