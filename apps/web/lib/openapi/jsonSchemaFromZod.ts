import { z } from "zod";

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/**
 * Returns the options every conversion in the OpenAPI document uses. A
 * transform has no JSON Schema, so it becomes `{}` instead of failing. The
 * bounds that `z.number().int()` adds (the safe-integer range) carry no
 * information for a reader, so they are left out.
 */
export function jsonSchemaOptions(io: "input" | "output") {
  return {
    io,
    unrepresentable: "any" as const,
    override: ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  };
}

/** Converts a Zod schema to JSON Schema 2020-12, the dialect of OpenAPI 3.1, without the `$schema` keyword. */
export function jsonSchemaFromZod(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, jsonSchemaOptions(io));
  return jsonSchema;
}
