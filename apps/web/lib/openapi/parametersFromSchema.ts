import type { z } from "zod";
import { jsonSchemaFromZod, type JsonSchema } from "./jsonSchemaFromZod";
import type { ParameterObject } from "./openApiTypes";

/**
 * Returns the schema of one parameter's value. A URL carries text, so the
 * schema describes what the text stands for. A list parameter becomes an
 * array of its items, and a whole-number parameter an integer with its
 * bounds, taken from the output of its transform. A union, such as a page
 * size or `all`, is described branch by branch in the same way. Any other
 * parameter is the text it accepts: an enum, a pattern or a length. Zod leaves
 * examples out of the input side of a transform, so they come from the output
 * side.
 */
function parameterValueSchema(input: JsonSchema, output: JsonSchema): JsonSchema {
  const { description: _description, ...inputValue } = input;
  const examples = output.examples ?? input.examples;
  const scalarBranches = pairBranches(input, output);
  if (scalarBranches) {
    const anyOf = scalarBranches.map(([inputBranch, outputBranch]) => parameterValueSchema(inputBranch, outputBranch));
    return withoutUndefined({ anyOf, default: input.default ?? output.default, examples });
  }
  const listBranch = input.anyOf?.find((branch) => typeof branch === "object" && branch.type === "array");
  if (typeof listBranch === "object") {
    // Items of a list of ids or terms keep their pattern or length. Items that a transform turns into objects are only text.
    const outputItems = output.type === "array" && typeof output.items === "object" && !Array.isArray(output.items) ? output.items : undefined;
    const items = outputItems?.type === "string" ? outputItems : listBranch.items;
    return withoutUndefined({ type: "array", items, minItems: output.minItems, maxItems: output.maxItems, examples });
  }
  if (inputValue.type === "string" && (output.type === "integer" || output.type === "number")) {
    const { description: _outputDescription, ...outputValue } = output;
    return outputValue;
  }
  return withoutUndefined({ ...inputValue, default: input.default ?? output.default, examples });
}

/**
 * Pairs the branches of a union's input and output schemas, or returns
 * undefined when either is not a union of schema objects or they differ in
 * length. A list parameter is such a union too, so one with an array branch
 * is left to the list case.
 */
function pairBranches(input: JsonSchema, output: JsonSchema): [JsonSchema, JsonSchema][] | undefined {
  const inputBranches = input.anyOf?.filter((branch) => typeof branch === "object");
  const outputBranches = output.anyOf?.filter((branch) => typeof branch === "object");
  if (!inputBranches || !outputBranches) return undefined;
  if (inputBranches.length !== input.anyOf!.length || outputBranches.length !== inputBranches.length) return undefined;
  if (inputBranches.some((branch) => branch.type === "array")) return undefined;
  return inputBranches.map((branch, index) => [branch, outputBranches[index]!]);
}

function withoutUndefined(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

/**
 * Describes each key of an object schema as an OpenAPI parameter, in the
 * order of the keys. Throws when a key has no description, because every
 * parameter in docs/api.md needs one.
 */
export function parametersFromSchema(schema: z.ZodObject, location: "query" | "path"): ParameterObject[] {
  const input = jsonSchemaFromZod(schema, "input");
  const output = jsonSchemaFromZod(schema, "output");
  const required = new Set(input.required ?? []);

  return Object.keys(schema.shape).map((name) => {
    const inputProperty = input.properties?.[name];
    const outputProperty = output.properties?.[name];
    if (typeof inputProperty !== "object" || typeof outputProperty !== "object") {
      throw new Error(`Parameter "${name}" has no JSON Schema. Check that its Zod schema is a string, enum, list or whole number.`);
    }
    const description = inputProperty.description;
    if (!description) throw new Error(`Parameter "${name}" has no description. Add .meta({ description }) to its Zod schema.`);

    const valueSchema = parameterValueSchema(inputProperty, outputProperty);
    const parameter: ParameterObject = {
      name,
      in: location,
      required: location === "path" || required.has(name),
      description,
      schema: valueSchema,
    };
    // Form style with explode is the OpenAPI default for query parameters. Stating it shows readers that a list repeats the name.
    if (valueSchema.type === "array") {
      parameter.style = "form";
      parameter.explode = true;
    }
    return parameter;
  });
}
