import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { filterFromQuery, filterParamsShape, type FilterParams } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { API_ROUTES } from "../lib/openapi/apiRoutes";
import { buildOpenApiDocument } from "../lib/openapi/buildOpenApiDocument";
import type { ParameterObject, ReferenceObject } from "../lib/openapi/openApiTypes";
import { PaperIdSchema } from "../lib/paperId";
import { parseQuery } from "../lib/parseQuery";

const apiFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../app/api/v1");
const document = buildOpenApiDocument();

/**
 * Returns the OpenAPI path of every `route.ts` under `app/api/v1`, with
 * `[name]` folders written `{name}`. The catch-all `[...path]`, which returns
 * a 404 for paths that name no route, is left out.
 */
function listRouteFolders(): string[] {
  return readdirSync(apiFolder, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts" && !file.includes("[..."))
    .map((file) => `/api/v1/${path.dirname(file).split(path.sep).join("/").replace(/\[(\w+)\]/gu, "{$1}")}`)
    .sort();
}

function resolveParameter(parameter: ParameterObject | ReferenceObject): ParameterObject {
  if (!("$ref" in parameter)) return parameter;
  const resolved = document.components.parameters[parameter.$ref.replace("#/components/parameters/", "")];
  if (!resolved) throw new Error(`Unresolved parameter reference ${parameter.$ref}`);
  return resolved;
}

/** Returns every value the docs show for a parameter: each enum value, else its examples. */
function sampleValues(parameter: ParameterObject): unknown[] {
  const items = parameter.schema.type === "array" && typeof parameter.schema.items === "object" ? parameter.schema.items : undefined;
  if (parameter.schema.enum) return parameter.schema.enum;
  if (items && !Array.isArray(items) && items.enum) return [items.enum];
  return parameter.schema.examples ?? [];
}

/** Writes a parameter value into a query string the way OpenAPI's form style with explode does: a list repeats the name. */
function appendValue(params: URLSearchParams, name: string, value: unknown): void {
  for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
}

/** Returns a query string with a sample value of each required query parameter other than `except`. */
function requiredParams(parameters: ParameterObject[], except?: ParameterObject): URLSearchParams {
  const params = new URLSearchParams();
  for (const parameter of parameters) {
    if (parameter.in === "query" && parameter.required && parameter !== except) appendValue(params, parameter.name, sampleValues(parameter)[0]);
  }
  return params;
}

/** Validates a query string as the route does: the query schema, then the filter built from it. */
function parseAsRoute(route: (typeof API_ROUTES)[number], params: URLSearchParams) {
  const parsed = parseQuery(route.query, params);
  if (parsed.ok && "from" in route.query.shape) filterFromQuery(parsed.data as FilterParams);
  return parsed;
}

const operations = API_ROUTES.map((route) => {
  const operation = document.paths[route.path]?.get;
  if (!operation) throw new Error(`The document has no GET ${route.path}`);
  return { route, parameters: operation.parameters.map(resolveParameter) };
});

describe("buildOpenApiDocument", () => {
  test("is a valid OpenAPI 3.1 document", async () => {
    // The parser dereferences the document it is given, so it gets a copy.
    const validated = await SwaggerParser.validate(structuredClone(document) as never);
    expect(validated).toMatchObject({ openapi: "3.1.0" });
  });

  test("lists every route folder", () => {
    expect(Object.keys(document.paths).sort()).toEqual(listRouteFolders());
  });

  test("shares the filter parameters as components", () => {
    expect(Object.keys(document.components.parameters)).toEqual(Object.keys(filterParamsShape));
    const trendParameters = document.paths["/api/v1/trends"]!.get.parameters;
    expect(trendParameters.slice(0, 2)).toEqual([{ $ref: "#/components/parameters/from" }, { $ref: "#/components/parameters/to" }]);
  });

  test("documents every query key of each route", () => {
    for (const { route, parameters } of operations) {
      const queryNames = parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name);
      expect(queryNames, route.path).toEqual(Object.keys(route.query.shape));
    }
  });

  test("gives every parameter a description and a sample value", () => {
    for (const { route, parameters } of operations) {
      for (const parameter of parameters) {
        expect(parameter.description.length, `${route.path} ${parameter.name}`).toBeGreaterThan(20);
        expect(sampleValues(parameter).length, `${route.path} ${parameter.name}`).toBeGreaterThan(0);
      }
    }
  });

  test("describes whole-number parameters as bounded integers", () => {
    const papers = operations.find(({ route }) => route.path === "/api/v1/papers")!;
    expect(papers.parameters.find((parameter) => parameter.name === "offset")!.schema).toEqual({
      type: "integer",
      minimum: 0,
      maximum: 10_000_000,
      default: 0,
      examples: [100],
    });
  });

  test("describes the page size as an integer or all", () => {
    const papers = operations.find(({ route }) => route.path === "/api/v1/papers")!;
    expect(papers.parameters.find((parameter) => parameter.name === "limit")!.schema).toEqual({
      anyOf: [
        { type: "integer", minimum: 1, maximum: 500 },
        { type: "string", const: "all" },
      ],
      default: 50,
      examples: [20, "all"],
    });
  });

  test("describes list parameters as repeated arrays", () => {
    expect(document.components.parameters.topic).toMatchObject({
      style: "form",
      explode: true,
      schema: { type: "array", maxItems: 20, items: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" } },
    });
  });

  test("route schema accepts every documented value", () => {
    for (const { route, parameters } of operations) {
      for (const parameter of parameters) {
        for (const value of sampleValues(parameter)) {
          if (parameter.in === "path") {
            expect(PaperIdSchema.safeParse(value).success, `${route.path} ${parameter.name}=${String(value)}`).toBe(true);
            continue;
          }
          const params = requiredParams(parameters, parameter);
          appendValue(params, parameter.name, value);
          expect(parseAsRoute(route, params), `${route.path}?${params.toString()}`).toMatchObject({ ok: true });
        }
      }
    }
  });

  test("route schema rejects an undocumented parameter", () => {
    for (const { route, parameters } of operations) {
      const params = requiredParams(parameters);
      params.append("colour", "red");
      expect(parseQuery(route.query, params), route.path).toEqual({
        ok: false,
        parameter: "colour",
        message: 'Unknown parameter "colour"',
      });
    }
  });

  test("gives every format a media type", () => {
    const content = document.paths["/api/v1/trends"]!.get.responses["200"]!.content!;
    expect(Object.keys(content)).toEqual(["application/json", "text/csv", "application/vnd.apache.parquet"]);
    expect(content["application/json"]).toEqual({
      schema: { oneOf: [{ $ref: "#/components/schemas/TrendResponse" }, { $ref: "#/components/schemas/ProvenanceSidecar" }] },
    });
  });

  test("documents the error responses of each route", () => {
    const statuses = Object.fromEntries(API_ROUTES.map((route) => [route.path, Object.keys(document.paths[route.path]!.get.responses)]));
    expect(statuses).toEqual({
      "/api/v1/trends": ["200", "304", "400", "500", "503"],
      "/api/v1/papers": ["200", "304", "400", "500", "503"],
      "/api/v1/papers/{id}": ["200", "304", "400", "404", "500", "503"],
      "/api/v1/compare": ["200", "304", "400", "500", "503"],
      "/api/v1/emerging": ["200", "304", "400", "500", "503"],
      "/api/v1/cooccurrence": ["200", "304", "400", "500", "503"],
      "/api/v1/dataset": ["200", "304", "400", "500", "503"],
      "/api/v1/openapi.json": ["200", "304", "400"],
    });
    expect(document.components.schemas.ParameterError).toMatchObject({
      type: "object",
      required: ["error"],
      properties: { error: { type: "object", required: ["parameter", "message"] } },
    });
  });

  test("describes a route that sends only files", () => {
    const dataset = {
      path: "/api/v1/dataset",
      operationId: "getDataset",
      summary: "The whole dataset as one archive",
      description: "Returns a ZIP archive.",
      query: z.strictObject({}),
      json: null,
      files: ["application/zip"],
      readsDatabase: true,
    };
    const success = buildOpenApiDocument([dataset]).paths["/api/v1/dataset"]!.get.responses["200"]!;
    expect(success.content).toEqual({ "application/zip": {} });
    expect(Object.keys(success.headers!)).toEqual(["ETag", "Cache-Control", "X-Cache", "Content-Disposition"]);
  });

  test("rejects a format without a media type", () => {
    const route = { ...API_ROUTES[0]!, query: API_ROUTES[0]!.query.extend({ format: filterParamsShape.scope }) };
    expect(() => buildOpenApiDocument([route])).toThrow('No media type for format "alignment" of /api/v1/trends. Add it to FILE_FORMATS.');
  });
});
