import { z } from "zod";

/** Query parameters of `/api/v1/openapi.json`: none, and unknown parameters are rejected as on every route. */
export const OpenApiQuerySchema = z.strictObject({});

/** The outline of an OpenAPI 3.1 document, as `/api/v1/openapi.json` returns it. The OpenAPI specification defines the rest. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
  components: z.record(z.string(), z.unknown()),
});

