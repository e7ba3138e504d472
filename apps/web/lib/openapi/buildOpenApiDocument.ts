import {
  ApiErrorSchema,
  BuildInfoSchema,
  filterParamsShape,
  ParameterErrorSchema,
  PaperSummarySchema,
  ProvenanceSchema,
  ProvenanceSidecarSchema,
  TopicInfoSchema,
  TrendFilterSchema,
} from "@alignment-trends/schema";
import { z } from "zod";
import { API_ROUTES, type ApiRoute } from "./apiRoutes";
import { jsonSchemaFromZod, jsonSchemaOptions, type JsonSchema } from "./jsonSchemaFromZod";
import type { OpenApiDocument, OperationObject, ParameterObject, ReferenceObject, ResponseObject } from "./openApiTypes";
import { parametersFromSchema } from "./parametersFromSchema";

/** Schemas that several responses contain, given a component of their own so that each appears once. */
const SHARED_SCHEMAS: Record<string, z.ZodType> = {
  ParameterError: ParameterErrorSchema,
  ApiError: ApiErrorSchema,
  TrendFilter: TrendFilterSchema,
  Provenance: ProvenanceSchema,
  ProvenanceSidecar: ProvenanceSidecarSchema,
  BuildInfo: BuildInfoSchema,
  PaperSummary: PaperSummarySchema,
  TopicInfo: TopicInfoSchema,
};

/** The media type and body schema of each value of `format` other than `json`. */
const FILE_FORMATS: Record<string, { mediaType: string; schema?: JsonSchema }> = {
  csv: { mediaType: "text/csv", schema: { type: "string", description: "UTF-8 with a byte order mark and CRLF line ends." } },
  parquet: { mediaType: "application/vnd.apache.parquet" },
};

const componentRef = (kind: "schemas" | "parameters", name: string): ReferenceObject => ({ $ref: `#/components/${kind}/${name}` });

/** Converts the shared schemas and every route's JSON body to component schemas that refer to each other by `$ref`. */
function buildComponentSchemas(routes: ApiRoute[]): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SHARED_SCHEMAS)) registry.add(schema, { id });
  for (const route of routes) if (route.json) registry.add(route.json.schema, { id: route.json.name });

  const { schemas } = z.toJSONSchema(registry, { ...jsonSchemaOptions("output"), uri: (id) => componentRef("schemas", id).$ref });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
}

/** Returns the values of a route's `format` parameter. A route without one sends JSON, unless its entry has no JSON schema. */
function listFormats(route: ApiRoute): string[] {
  const format = route.query.shape.format as z.ZodType | undefined;
  if (!format) return route.json ? ["json"] : [];
  const values = jsonSchemaFromZod(format, "input").enum;
  if (!values) throw new Error(`The format parameter of ${route.path} is not an enum`);
  return values.map(String);
}

/** The headers by which a client revalidates a kept response. Every 200 and 304 response has them. */
const VALIDATOR_HEADERS = {
  ETag: {
    description: "A weak entity tag made from a hash of the body. Send it back in `If-None-Match` to get a 304 while the response is unchanged.",
    schema: { type: "string" },
  },
  "Cache-Control": {
    description: "`no-cache`: a client may keep the response but must revalidate it before each use, because a new ingest can change it.",
    schema: { type: "string", const: "no-cache" },
  },
} satisfies Record<string, { description: string; schema: JsonSchema }>;

const CACHE_STATUS_HEADER = {
  description: "`hit` when the server took the response from its cache of the current database build, `miss` when this request computed it.",
  schema: { type: "string", enum: ["hit", "miss"] },
} satisfies { description: string; schema: JsonSchema };

/** Returns the headers of a 200 or 304 response: the validators, and for a route that reads the database, `X-Cache`. */
function buildValidatorHeaders(route: ApiRoute): Record<string, { description: string; schema: JsonSchema }> {
  const headers: Record<string, { description: string; schema: JsonSchema }> = { ...VALIDATOR_HEADERS };
  if (route.readsDatabase) headers["X-Cache"] = CACHE_STATUS_HEADER;
  return headers;
}

function buildSuccessResponse(route: ApiRoute): ResponseObject {
  const content: Record<string, { schema?: JsonSchema }> = {};
  let hasFiles = false;
  for (const format of listFormats(route)) {
    if (format === "json") {
      if (!route.json) throw new Error(`${route.path} accepts format=json but its route entry has no JSON schema`);
      content["application/json"] = { schema: componentRef("schemas", route.json.name) };
      continue;
    }
    // The sidecar is JSON too, so the JSON media type takes either body; `format` decides which.
    if (format === "provenance") continue;
    const file = FILE_FORMATS[format];
    if (!file) throw new Error(`No media type for format "${format}" of ${route.path}. Add it to FILE_FORMATS.`);
    content[file.mediaType] = file.schema ? { schema: file.schema } : {};
    hasFiles = true;
  }
  if (listFormats(route).includes("provenance") && route.json) {
    content["application/json"] = { schema: { oneOf: [componentRef("schemas", route.json.name), componentRef("schemas", "ProvenanceSidecar")] } };
  }
  for (const mediaType of route.files ?? []) {
    content[mediaType] = {};
    hasFiles = true;
  }

  const headers = buildValidatorHeaders(route);
  if (hasFiles) {
    headers["Content-Disposition"] = {
      description: "For a file: `attachment` with the file name, as `filename` in ASCII and `filename*` in UTF-8.",
      schema: { type: "string" },
    };
  }
  return { description: route.summary, headers, content };
}

function buildNotModifiedResponse(route: ApiRoute): ResponseObject {
  return {
    description: "Not modified: `If-None-Match` names the ETag of the current response. This response has no body.",
    headers: buildValidatorHeaders(route),
  };
}

/** Keeps clients from storing an error, which a fixed request or a new ingest may turn into a 200. */
const NO_STORE_HEADER = {
  "Cache-Control": { description: "`no-store`: a client must not keep an error.", schema: { type: "string", const: "no-store" } },
} satisfies Record<string, { description: string; schema: JsonSchema }>;

function buildErrorResponse(schemaName: "ParameterError" | "ApiError", description: string): ResponseObject {
  return { description, headers: NO_STORE_HEADER, content: { "application/json": { schema: componentRef("schemas", schemaName) } } };
}

function buildResponses(route: ApiRoute): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {
    "200": buildSuccessResponse(route),
    "304": buildNotModifiedResponse(route),
    "400": buildErrorResponse("ParameterError", "A parameter is invalid or unknown, or names a topic the database does not know."),
  };
  if (route.notFound) responses["404"] = buildErrorResponse("ApiError", route.notFound);
  if (route.readsDatabase) {
    responses["500"] = buildErrorResponse("ApiError", "The query failed. The server log has the details.");
    responses["503"] = buildErrorResponse("ApiError", "The database file is missing or unusable. The message names the command that creates it.");
  }
  return responses;
}

/** Lists a route's parameters: path parameters first, then the query's, with the filter parameters as references to their components. */
function buildParameters(route: ApiRoute): (ParameterObject | ReferenceObject)[] {
  const pathParameters = route.pathParameters ? parametersFromSchema(route.pathParameters, "path") : [];
  const queryParameters = parametersFromSchema(route.query, "query").map((parameter) => {
    const isFilter = route.query.shape[parameter.name] === filterParamsShape[parameter.name as keyof typeof filterParamsShape];
    return isFilter ? componentRef("parameters", parameter.name) : parameter;
  });
  return [...pathParameters, ...queryParameters];
}

function buildOperation(route: ApiRoute): OperationObject {
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    parameters: buildParameters(route),
    responses: buildResponses(route),
  };
}

/** Builds the OpenAPI 3.1 document of the API from the Zod schemas that validate its requests and describe its responses. */
export function buildOpenApiDocument(routes: ApiRoute[] = API_ROUTES): OpenApiDocument {
  const filterParameters = parametersFromSchema(z.object(filterParamsShape), "query");
  return {
    openapi: "3.1.0",
    info: {
      title: "Alignment Trends API",
      version: "1",
      description:
        "Read-only access to the papers and trends of the Alignment Trends dashboard. Every route takes GET, rejects unknown query parameters with 400, and ignores parameters given empty (`name=`).",
    },
    paths: Object.fromEntries(routes.map((route) => [route.path, { get: buildOperation(route) }])),
    components: {
      schemas: buildComponentSchemas(routes),
      parameters: Object.fromEntries(filterParameters.map((parameter) => [parameter.name, parameter])),
    },
  };
}
