import path from "node:path";
import { NextRequest } from "next/server";
import { buildOpenApiDocument } from "../../apps/web/lib/openapi/buildOpenApiDocument";
import { importRouteHandler, type RouteHandler } from "../bench/measure/importRouteHandler";
import { REPOSITORY_ROOT } from "./paths";

/** The JSON Schema of one parameter's value, as far as the tests read it. */
export interface ParameterSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: ParameterSchema;
  anyOf?: ParameterSchema[];
  default?: unknown;
  examples?: unknown[];
}

/** One parameter of a route, resolved from the OpenAPI document. */
export interface CatalogParameter {
  name: string;
  in: "query" | "path";
  required: boolean;
  schema: ParameterSchema;
}

/** One API route with its handler and parameters, as the OpenAPI document lists them. */
export interface CatalogRoute {
  path: string;
  parameters: CatalogParameter[];
  handler: RouteHandler;
}

type OpenApiParameter = CatalogParameter | { $ref: string };

/** Returns the route module file of an OpenAPI path, such as `apps/web/app/api/v1/papers/[id]/route.ts` for `/api/v1/papers/{id}`. */
export function routeFileOf(openApiPath: string): string {
  return path.join(REPOSITORY_ROOT, "apps/web/app", openApiPath.replace(/\{(\w+)\}/gu, "[$1]"), "route.ts");
}

/**
 * Lists every route of the OpenAPI document that the server builds, with its
 * parameters and its `GET` handler, so that a route or parameter added later
 * is covered without editing the tests.
 */
export async function loadRouteCatalog(): Promise<CatalogRoute[]> {
  const document = buildOpenApiDocument() as unknown as {
    paths: Record<string, { get: { parameters?: OpenApiParameter[] } }>;
    components: { parameters?: Record<string, CatalogParameter> };
  };
  const shared = document.components.parameters ?? {};
  const routes: CatalogRoute[] = [];
  for (const [routePath, item] of Object.entries(document.paths)) {
    const parameters = (item.get.parameters ?? []).map((parameter) => {
      if (!("$ref" in parameter)) return parameter;
      const resolved = shared[parameter.$ref.split("/").at(-1)!];
      if (!resolved) throw new Error(`${routePath} refers to ${parameter.$ref}, which the document does not define`);
      return resolved;
    });
    routes.push({ path: routePath, parameters, handler: await importRouteHandler(routeFileOf(routePath), false) });
  }
  return routes;
}

/** Returns a value the parameter accepts: its first example, else its default, its first enum value or a date. */
export function validValueOf(parameter: CatalogParameter): string {
  const schema = parameter.schema;
  const example = schema.examples?.[0];
  if (example !== undefined) return String(Array.isArray(example) ? example[0] : example);
  if (schema.default !== undefined) return String(schema.default);
  if (schema.enum) return String(schema.enum[0]);
  if (schema.format === "date") return "2025-01-01";
  throw new Error(`Parameter "${parameter.name}" has no example, default or enum; add an example to its Zod schema`);
}

/** A request to a route: the query pairs, in order, and the value of each path parameter as it appears in the URL. */
export interface RouteCall {
  query: [string, string][];
  pathValues?: Record<string, string>;
}

/** Returns the query of a request that passes validation: one accepted value for each required parameter. */
export function requiredQuery(route: CatalogRoute): [string, string][] {
  return route.parameters.filter((parameter) => parameter.in === "query" && parameter.required).map((parameter) => [parameter.name, validValueOf(parameter)]);
}

/** Builds the URL of a call, with each path value placed as it is, so an encoded `/` stays `%2F`. */
export function urlOf(route: CatalogRoute, call: RouteCall): string {
  const pathname = route.path.replace(/\{(\w+)\}/gu, (_match, name: string) => {
    const value = call.pathValues?.[name];
    if (value === undefined) throw new Error(`No value for path parameter "${name}" of ${route.path}`);
    return value;
  });
  const search = new URLSearchParams(call.query).toString();
  return search ? `${pathname}?${search}` : pathname;
}

/** Calls a route's handler as the App Router does, with each path value as it appears in the URL, which the handler decodes. */
export async function callRoute(route: CatalogRoute, call: RouteCall): Promise<Response> {
  const request = new NextRequest(new URL(urlOf(route, call), "http://127.0.0.1:3340"));
  return route.handler(request, { params: Promise.resolve(call.pathValues ?? {}) });
}
