import type { JsonSchema } from "./jsonSchemaFromZod";

/*
 * The parts of OpenAPI 3.1 that this API's document uses. Schemas are JSON
 * Schema 2020-12, as OpenAPI 3.1 defines them.
 */

// A type alias, unlike an interface, is assignable to JsonSchema, where a reference may stand for a schema.
export type ReferenceObject = { $ref: string };

export interface ParameterObject {
  name: string;
  in: "query" | "path";
  required: boolean;
  description: string;
  schema: JsonSchema;
  style?: "form";
  explode?: boolean;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  parameters: (ParameterObject | ReferenceObject)[];
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  paths: Record<string, { get: OperationObject }>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, ParameterObject>;
  };
}
