import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getTrendsDatabase } from "../../apps/web/lib/database";
import {
  callRoute,
  loadRouteCatalog,
  requiredQuery,
  type CatalogRoute,
  type RouteCall,
} from "../support/apiRouteCatalog";
import { invalidCases } from "../support/invalidParameterValues";

/*
 * Every parameter of every API route, as the OpenAPI document lists them, gets
 * values its schema rejects. Each request must get a 400 whose JSON names the
 * parameter, never a 200 that ignored the value or a 500.
 */

/** Returns the query of a route with `values` for `name` in place of any required value for it. */
function queryWith(route: CatalogRoute, name: string, values: string[]): [string, string][] {
  return [...requiredQuery(route).filter(([key]) => key !== name), ...values.map((value): [string, string] => [name, value])];
}

async function readError(response: Response): Promise<{ status: number; parameter: unknown; message: unknown }> {
  const text = await response.text();
  let body: { error?: { parameter?: unknown; message?: unknown } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // A body that is not JSON fails the parameter assertion below with the status, which explains more than a parse error.
  }
  return { status: response.status, parameter: body.error?.parameter, message: body.error?.message };
}

/** Sends a call and checks the 400 that names `parameter`; returns a description of any mismatch, or null. */
async function describeMismatch(route: CatalogRoute, call: RouteCall, parameter: string): Promise<string | null> {
  const answer = await readError(await callRoute(route, call));
  const named = typeof answer.message === "string" && answer.message.includes(`"${parameter}"`);
  if (answer.status === 400 && answer.parameter === parameter && named) return null;
  return `${answer.status} ${JSON.stringify(answer.parameter)}: ${String(answer.message).slice(0, 200)}`;
}

/**
 * Returns the status, media type and JSON body of a response without its
 * provenance, which records the request URL and time. A file is compared by
 * its media type alone, because a ZIP contains the provenance too.
 */
async function readComparable(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) return `${response.status} ${type}`;
  const { provenance: _provenance, ...body } = (await response.json()) as Record<string, unknown>;
  return `${response.status} ${type} ${JSON.stringify(body)}`;
}

let routes: CatalogRoute[];
let paperId: string;
/** The requests sent, per route, counted for the report that the summary test prints. */
const sent = new Map<string, { parameters: Set<string>; values: number }>();

function record(route: CatalogRoute, parameter: string): void {
  const entry = sent.get(route.path) ?? { parameters: new Set<string>(), values: 0 };
  entry.parameters.add(parameter);
  entry.values += 1;
  sent.set(route.path, entry);
}

function pathValuesOf(route: CatalogRoute): Record<string, string> {
  return Object.fromEntries(route.parameters.filter((parameter) => parameter.in === "path").map((parameter) => [parameter.name, encodeURIComponent(paperId)]));
}

beforeAll(async () => {
  process.env.TRENDS_DB = inject("samplesDatabase");
  routes = await loadRouteCatalog();
  const papers = routes.find((route) => route.path === "/api/v1/papers")!;
  const page = (await (await callRoute(papers, { query: [["limit", "1"]] })).json()) as { papers: { id: string }[] };
  paperId = page.papers[0]!.id;
});

afterAll(() => {
  getTrendsDatabase().close();
});

describe("API query validation", () => {
  test("catalog lists every route and parameter", () => {
    expect(routes.map((route) => route.path)).toEqual([
      "/api/v1/trends",
      "/api/v1/papers",
      "/api/v1/papers/{id}",
      "/api/v1/compare",
      "/api/v1/emerging",
      "/api/v1/cooccurrence",
      "/api/v1/dataset",
      "/api/v1/openapi.json",
    ]);
    expect(routes.find((route) => route.path === "/api/v1/papers")!.parameters.map((parameter) => parameter.name)).toEqual([
      "from",
      "to",
      "scope",
      "topic",
      "hasCode",
      "codeHost",
      "minUpvotes",
      "minAuthors",
      "maxAuthors",
      "q",
      "term",
      "allTopics",
      "dateBasis",
      "upvoteBasis",
      "sort",
      "order",
      "limit",
      "offset",
      "format",
    ]);
  });

  test("valid request to each route is 200", async () => {
    for (const route of routes) {
      const response = await callRoute(route, { query: requiredQuery(route), pathValues: pathValuesOf(route) });
      expect(response.status, route.path).toBe(200);
    }
  });

  test("invalid value of each parameter is 400 naming it", async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const parameter of route.parameters.filter((candidate) => candidate.in === "query")) {
        for (const invalid of invalidCases(parameter)) {
          const call = { query: queryWith(route, parameter.name, invalid.values), pathValues: pathValuesOf(route) };
          const mismatch = await describeMismatch(route, call, parameter.name);
          record(route, parameter.name);
          if (mismatch) mismatches.push(`${route.path} ${parameter.name} (${invalid.label}): ${mismatch}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("unknown parameter is 400 naming it", async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const first = route.parameters.find((parameter) => parameter.in === "query")?.name;
      const unknownNames = ["zzz", "format[]", "__proto__", "constructor", ...(first ? [first.toUpperCase()] : [])];
      for (const name of unknownNames) {
        const call = { query: [...requiredQuery(route), [name, "1"]] as [string, string][], pathValues: pathValuesOf(route) };
        const mismatch = await describeMismatch(route, call, name);
        record(route, name);
        if (mismatch) mismatches.push(`${route.path} ${name}: ${mismatch}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("empty optional value equals absent", async () => {
    // An HTML form sends its empty fields as `name=`, so the API reads them as absent, as docs/api.md states.
    const mismatches: string[] = [];
    for (const route of routes) {
      const pathValues = pathValuesOf(route);
      const absent = await readComparable(await callRoute(route, { query: requiredQuery(route), pathValues }));
      for (const parameter of route.parameters.filter((candidate) => candidate.in === "query" && !candidate.required)) {
        const empty = await readComparable(await callRoute(route, { query: [...requiredQuery(route), [parameter.name, ""]], pathValues }));
        record(route, parameter.name);
        if (empty !== absent) mismatches.push(`${route.path} ${parameter.name}=: ${empty.slice(0, 200)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("contradicting pair names its first parameter", async () => {
    const pairs: [string, string][][] = [
      [
        ["from", "2025-06-01"],
        ["to", "2025-01-01"],
      ],
      [
        ["minAuthors", "5"],
        ["maxAuthors", "2"],
      ],
    ];
    const mismatches: string[] = [];
    for (const route of routes) {
      const names = new Set(route.parameters.map((parameter) => parameter.name));
      for (const pair of pairs.filter((candidate) => candidate.every(([name]) => names.has(name)))) {
        const call = { query: [...requiredQuery(route), ...pair], pathValues: pathValuesOf(route) };
        const mismatch = await describeMismatch(route, call, pair[0]![0]);
        record(route, pair[0]![0]);
        if (mismatch) mismatches.push(`${route.path} ${pair.map(([name, value]) => `${name}=${value}`).join("&")}: ${mismatch}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("invalid paper id is 400 naming id", async () => {
    const route = routes.find((candidate) => candidate.path === "/api/v1/papers/{id}")!;
    const invalidIds = [
      "abc",
      "2506.019390",
      "2506.01939v2",
      "2506.01939%00",
      "..%2F..%2Fetc%2Fpasswd",
      "..",
      "%2E%2E",
      "%E0%A4%A",
      "%",
      "2506.01939'%20OR%20'1'%3D'1",
      "t0123456789ABCDEF",
      "a".repeat(10_001),
    ];
    const mismatches: string[] = [];
    for (const id of invalidIds) {
      const mismatch = await describeMismatch(route, { query: [], pathValues: { id } }, "id");
      record(route, "id");
      if (mismatch) mismatches.push(`${id.slice(0, 40)}: ${mismatch}`);
    }
    expect(mismatches).toEqual([]);
  });

  test("unknown paper id is 404", async () => {
    const route = routes.find((candidate) => candidate.path === "/api/v1/papers/{id}")!;
    const response = await callRoute(route, { query: [], pathValues: { id: "0001.00001" } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'No paper with id "0001.00001"' } });
  });

  test("prints the requests sent", () => {
    const rows = [...sent.entries()].map(([route, entry]) => `${route}: ${entry.parameters.size} parameters, ${entry.values} requests`);
    const total = [...sent.values()].reduce((sum, entry) => sum + entry.values, 0);
    console.log(`query validation: ${sent.size} routes, ${total} requests\n${rows.join("\n")}`);
    expect(sent.size).toBe(routes.length);
  });
});
