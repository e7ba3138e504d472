import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ApiErrorSchema,
  CompareResponseSchema,
  CooccurrenceResponseSchema,
  EmergingResponseSchema,
  PaperDetailSchema,
  PaperPageSchema,
  ProvenanceSchema,
  ProvenanceSidecarSchema,
  ParameterErrorSchema,
  TrendResponseSchema,
  withProvenance,
} from "@alignment-trends/schema";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { REPOSITORY_ROOT } from "../support/paths";

const INVALID_REQUESTS: [url: string, parameter: string, message: string][] = [
  ["/api/v1/papers?limit=lots", "limit", 'Invalid parameter "limit": expected a whole number from 1 to 500'],
  ["/api/v1/papers?from=2025-06-01&to=2025-05-01", "from", 'Invalid parameter "from": from must not be after to'],
  ["/api/v1/papers?minAuthors=10&maxAuthors=2", "minAuthors", 'Invalid parameter "minAuthors": minAuthors must not be above maxAuthors'],
  ["/api/v1/papers?colour=red", "colour", 'Unknown parameter "colour"'],
  ["/api/v1/papers?topic=not-a-topic", "topic", 'Invalid parameter "topic": unknown topic "not-a-topic"'],
  ["/api/v1/trends?bucket=week&from=0001-01-01&to=9999-12-31", "bucket", "The range 0001-01-01 to 9999-12-31 has 521723 weeks"],
  ["/api/v1/papers/2603.19835?foo=1", "foo", 'Unknown parameter "foo"'],
  ["/api/v1/papers/nope", "id", 'Invalid parameter "id"'],
  ["/api/v1/papers?limit=every", "limit", 'Invalid parameter "limit": expected a whole number from 1 to 500, or "all"'],
  ["/api/v1/trends?format=xlsx", "format", 'Invalid parameter "format"'],
  ["/api/v1/dataset?bucket=decade", "bucket", 'Invalid parameter "bucket"'],
  ["/api/v1/dataset?format=csv", "format", 'Unknown parameter "format"'],
  ["/api/v1/dataset?topic=not-a-topic", "topic", 'Invalid parameter "topic": unknown topic "not-a-topic"'],
  ["/api/v1/dataset?bucket=week&from=0001-01-01&to=9999-12-31", "bucket", "The range 0001-01-01 to 9999-12-31 has 521723 weeks"],
];

/** A request to every route that takes `format`, with the table name its files carry. */
const FORMAT_ROUTES: [query: string, table: string][] = [
  ["/api/v1/trends?metric=team-sizes", "team-sizes"],
  ["/api/v1/papers?topic=rlhf&limit=all", "paper-list"],
  ["/api/v1/papers/2603.19835", "paper"],
  ["/api/v1/compare?series=reward+model&bucket=year", "compare"],
  ["/api/v1/emerging?window=3", "emerging-terms"],
  ["/api/v1/cooccurrence", "topic-cooccurrence"],
];

test.describe("API validation", () => {
  for (const [url, parameter, message] of INVALID_REQUESTS) {
    test(`400 naming ${parameter} for ${url}`, async ({ request }) => {
      const response = await request.get(url);
      expect(response.status()).toBe(400);
      const body = (await response.json()) as { error: { parameter: string; message: string } };
      expect(body.error.parameter).toBe(parameter);
      expect(body.error.message).toContain(message);
    });
  }

  test("404 for an unknown paper", async ({ request }) => {
    const response = await request.get("/api/v1/papers/2101.00000");
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'No paper with id "2101.00000"' } });
  });

  test("JSON 404 for an unknown route", async ({ request }) => {
    for (const path of ["/api/v1/nope", "/api/v1/papers/2101.00000/authors"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"], path).toContain("application/json");
      expect(await response.json(), path).toEqual({ error: { message: `No API route at ${path}; GET /api/v1/openapi.json lists every route` } });
    }
  });

  test("one paper as a CSV row", async ({ request }) => {
    const response = await request.get("/api/v1/papers/2603.19835?format=csv");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const [header, row] = (await response.text()).slice(1).split("\r\n");
    expect(header).toBe(
      "id,arxiv_id,title,abstract,authors,published_on,published_precision,listed_on,authors_count,upvotes,upvotes_first_week,comments,code_url,scope,topics",
    );
    expect(row).toMatch(/^2603\.19835,2603\.19835,FIPO: Eliciting Deep Reasoning/u);
  });
});

test.describe("API download formats", () => {
  for (const [query, table] of FORMAT_ROUTES) {
    const path = query.split("?")[0]!;
    const separator = query.includes("?") ? "&" : "?";

    test(`Parquet with provenance link from ${path}`, async ({ request }) => {
      const response = await request.get(`${query}${separator}format=parquet`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/vnd.apache.parquet");
      expect(response.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="alignment-trends_${table}[^"]*\\.parquet"`, "u"));
      expect(response.headers().link).toBe(`<${query}${separator}format=provenance>; rel="describedby"; type="application/json"`);
      expect((await response.body()).subarray(0, 4).toString("latin1")).toBe("PAR1");
    });

    test(`provenance sidecar from ${path}`, async ({ request }) => {
      const response = await request.get(`${query}${separator}format=provenance`);
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { provenance: unknown; table: { name: string; columns: unknown[] } };
      expect(ProvenanceSchema.parse(body.provenance).request).toBe(`${query}${separator}format=provenance`);
      expect(body.table.name).toBe(table);
      expect(body.table.columns.length).toBeGreaterThan(0);
    });
  }
});

/** Matches the weak entity tag the server makes from a SHA-256 hash of the body. */
const ENTITY_TAG = /^W\/"[\w-]{27}"$/u;

test.describe("API caching", () => {
  for (const [query] of FORMAT_ROUTES) {
    test(`repeat of ${query} is a hit with the same bytes`, async ({ request }) => {
      const first = await request.get(query);
      const second = await request.get(query);

      expect(first.status()).toBe(200);
      expect(first.headers().etag).toMatch(ENTITY_TAG);
      expect(first.headers()["cache-control"]).toBe("no-cache");
      expect(second.headers()["x-cache"]).toBe("hit");
      expect(second.headers().etag).toBe(first.headers().etag);
      expect((await second.body()).equals(await first.body())).toBe(true);
    });
  }

  test("If-None-Match with the current tag gets 304", async ({ request }) => {
    const url = "/api/v1/papers?topic=safety&sort=upvotes&limit=2&format=csv";
    const etag = (await request.get(url)).headers().etag!;
    const notModified = await request.get(url, { headers: { "If-None-Match": etag } });
    const other = await request.get(url, { headers: { "If-None-Match": 'W/"not-the-current-tag"' } });

    expect(notModified.status()).toBe(304);
    expect(notModified.headers().etag).toBe(etag);
    expect((await notModified.body()).length).toBe(0);
    expect(other.status()).toBe(200);
  });

  test("openapi.json revalidates without the database cache", async ({ request }) => {
    const first = await request.get("/api/v1/openapi.json");
    const notModified = await request.get("/api/v1/openapi.json", { headers: { "If-None-Match": first.headers().etag! } });

    expect(first.headers().etag).toMatch(ENTITY_TAG);
    expect(first.headers()["x-cache"]).toBeUndefined();
    expect(notModified.status()).toBe(304);
  });

  test("errors are marked no-store", async ({ request }) => {
    for (const url of ["/api/v1/papers?colour=red", "/api/v1/papers?topic=not-a-topic", "/api/v1/papers/2101.00000"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBeGreaterThanOrEqual(400);
      expect(response.headers()["cache-control"], url).toBe("no-store");
      expect(response.headers().etag, url).toBeUndefined();
    }
  });

  test("each query spelling names its request", async ({ request }) => {
    for (const url of ["/api/v1/trends?metric=authors&bucket=year", "/api/v1/trends?bucket=year&metric=authors"]) {
      const body = (await (await request.get(url)).json()) as { provenance: { request: string } };
      expect(body.provenance.request).toBe(url);
    }
  });
});

const API_DOCS = readFileSync(path.join(REPOSITORY_ROOT, "docs", "api.md"), "utf8");

/** Returns each one-line `curl` example in docs/api.md that a JSON block follows, with the URL path and the parsed JSON. Abbreviated blocks (with `…`) are left out. */
function readDocumentedExamples(): { path: string; body: unknown }[] {
  const pattern = /```sh\ncurl '(http:\/\/localhost:3000\/[^']+)'\n```\n\n```json\n([\s\S]*?)\n```/gu;
  return [...API_DOCS.matchAll(pattern)]
    .filter((match) => !match[2]!.includes("…"))
    .map((match) => ({ path: new URL(match[1]!).pathname + new URL(match[1]!).search, body: JSON.parse(match[2]!) as unknown }));
}

/**
 * Returns each `curl -sD - -o /dev/null` example in docs/api.md, with or without one `-H` request header: the URL
 * path, the request header, the documented status and the documented header lines, without the status line and `…`.
 */
function readDocumentedHeaderExamples(): { path: string; requestHeaders: Record<string, string>; status: number; headers: string[] }[] {
  const pattern = /```sh\ncurl -sD - -o \/dev\/null (?:-H '([^':]+): ([^']+)' )?'(http:\/\/localhost:3000\/[^']+)'\n```\n\n```text\nHTTP\/1\.1 (\d{3})[^\n]*\n([\s\S]*?)\n```/gu;
  return [...API_DOCS.matchAll(pattern)].map((match) => ({
    path: new URL(match[3]!).pathname + new URL(match[3]!).search,
    requestHeaders: match[1] ? { [match[1]]: match[2]! } : {},
    status: Number(match[4]),
    headers: match[5]!.split("\n").filter((line) => line !== "…"),
  }));
}

/** Returns the dataset example of docs/api.md: the URL path, the archive's name in the `unzip -Z1` command, and the documented entries. */
function readDocumentedArchive(): { path: string; fileName: string; entries: string[] } {
  const pattern = /```sh\ncurl -OJ '(http:\/\/localhost:3000\/[^']+)'\nunzip -Z1 (\S+)\n```\n\n```text\n([\s\S]*?)\n```/u;
  const match = pattern.exec(API_DOCS);
  if (!match) throw new Error("docs/api.md has no dataset example: a curl -OJ line and an unzip -Z1 line, then the entries in a text block");
  return { path: new URL(match[1]!).pathname + new URL(match[1]!).search, fileName: match[2]!, entries: match[3]!.split("\n") };
}

/** Matches an ISO 8601 UTC instant as `Date.toISOString` writes it. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u;
/** Matches a build id: the ingest writes a random UUID. */
const BUILD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;
/** Matches a build time as DuckDB writes a TIMESTAMP. */
const BUILT_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/u;

/**
 * Returns a documented body with the fields that change with every ingest
 * or response replaced by matchers of their shape: `build.buildId`,
 * `build.builtAt`, `provenance.generatedAt` and `provenance.database`.
 * Every other field must match exactly.
 */
function expectedFromDocumented(documented: Record<string, unknown>): Record<string, unknown> {
  const expected = { ...documented };
  if (typeof documented.build === "object" && documented.build !== null) {
    expected.build = { ...documented.build, buildId: expect.stringMatching(BUILD_ID), builtAt: expect.stringMatching(BUILT_AT) };
  }
  if (typeof documented.provenance === "object" && documented.provenance !== null) {
    expected.provenance = {
      ...documented.provenance,
      generatedAt: expect.stringMatching(ISO_INSTANT),
      database: { buildId: expect.stringMatching(BUILD_ID), builtAt: expect.stringMatching(BUILT_AT) },
    };
  }
  return expected;
}

/** Returns each one-line `curl` example in docs/api.md that a CSV block follows, with the URL path and the documented lines. Abbreviated blocks are left out. */
function readDocumentedCsvExamples(): { path: string; lines: string[] }[] {
  const pattern = /```sh\ncurl '(http:\/\/localhost:3000\/[^']+)'\n```\n\n```text\n([\s\S]*?)\n```/gu;
  return [...API_DOCS.matchAll(pattern)]
    .filter((match) => !match[2]!.includes("…"))
    .map((match) => ({ path: new URL(match[1]!).pathname + new URL(match[1]!).search, lines: match[2]!.split("\n") }));
}

interface DocumentedParameter {
  name: string;
  in: "query" | "path";
  required: boolean;
  schema: { enum?: unknown[]; examples?: unknown[] };
}

interface ServedDocument {
  openapi: string;
  paths: Record<string, { get: { parameters: (DocumentedParameter | { $ref: string })[] } }>;
  components: { parameters: Record<string, DocumentedParameter> };
}

/** Returns each value the document gives for a parameter: its enum, else its examples. */
function sampleValues(parameter: DocumentedParameter): unknown[] {
  return parameter.schema.enum ?? parameter.schema.examples ?? [];
}

/** Builds a request path for a route with a sample of each path and required parameter, then `extra` in OpenAPI's form style. */
function samplePath(route: string, parameters: DocumentedParameter[], extra: [string, unknown][] = []): string {
  let resolvedPath = route;
  const params = new URLSearchParams();
  for (const parameter of parameters) {
    if (parameter.in === "path") resolvedPath = resolvedPath.replace(`{${parameter.name}}`, encodeURIComponent(String(sampleValues(parameter)[0])));
    else if (parameter.required && !extra.some(([name]) => name === parameter.name)) extra = [[parameter.name, sampleValues(parameter)[0]], ...extra];
  }
  for (const [name, value] of extra) for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  return params.size > 0 ? `${resolvedPath}?${params.toString()}` : resolvedPath;
}

const DOCUMENTED_ROUTES = [
  "/api/v1/trends",
  "/api/v1/papers",
  "/api/v1/papers/{id}",
  "/api/v1/compare",
  "/api/v1/emerging",
  "/api/v1/cooccurrence",
  "/api/v1/dataset",
  "/api/v1/openapi.json",
];

const RESPONSE_SCHEMAS: [path: string, schema: { parse: (body: unknown) => unknown }][] = [
  ["/api/v1/trends?metric=code&bucket=year", withProvenance(TrendResponseSchema)],
  ["/api/v1/trends?metric=scope-shares&bucket=quarter", withProvenance(TrendResponseSchema)],
  ["/api/v1/trends?metric=team-sizes", withProvenance(TrendResponseSchema)],
  ["/api/v1/trends?metric=code&bucket=year&format=provenance", ProvenanceSidecarSchema],
  ["/api/v1/papers?topic=safety&limit=5", withProvenance(PaperPageSchema)],
  ["/api/v1/papers?topic=safety&limit=all", withProvenance(PaperPageSchema)],
  ["/api/v1/papers?topic=safety&limit=all&format=provenance", ProvenanceSidecarSchema],
  ["/api/v1/papers/2506.06444", withProvenance(PaperDetailSchema)],
  ["/api/v1/compare?series=DPO&series=topic:safety&series=we+train+constitutional+classifiers", withProvenance(CompareResponseSchema)],
  ["/api/v1/emerging?window=6&limit=5", withProvenance(EmergingResponseSchema)],
  ["/api/v1/emerging?from=1990-01-01&to=1990-12-31", withProvenance(EmergingResponseSchema)],
  ["/api/v1/cooccurrence?scope=alignment", withProvenance(CooccurrenceResponseSchema)],
  ["/api/v1/dataset?bucket=decade", ParameterErrorSchema],
  ["/api/v1/papers?colour=red", ParameterErrorSchema],
  ["/api/v1/papers/2101.00000", ApiErrorSchema],
];

test.describe("API documentation", () => {
  test("openapi.json lists every route", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/json");
    const document = (await response.json()) as ServedDocument;
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(DOCUMENTED_ROUTES);
  });

  test("openapi.json rejects unknown parameters", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json?version=2");
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: { parameter: "version", message: 'Unknown parameter "version"' } });
  });

  test("docs examples answer as documented", async ({ request }) => {
    const examples = readDocumentedExamples();
    const paths = examples.map((example) => example.path);
    expect(paths).toContain("/api/v1/papers?topic=safety&sort=upvotes&limit=2");
    expect(paths).toContain("/api/v1/emerging?window=6&limit=2");
    for (const example of examples) {
      const body = (await (await request.get(example.path)).json()) as Record<string, unknown>;
      expect(body, example.path).toEqual(expectedFromDocumented(example.body as Record<string, unknown>));
    }
  });

  test("docs provenance names the answering build", async ({ request }) => {
    const { build } = (await (await request.get("/api/v1/trends?metric=team-sizes")).json()) as { build: { buildId: string; builtAt: string } };
    const examples = readDocumentedExamples().filter((example) => "provenance" in (example.body as object));
    expect(examples.map((example) => example.path)).toContain("/api/v1/papers?topic=safety&sort=upvotes&limit=2");
    for (const example of examples) {
      const body = (await (await request.get(example.path)).json()) as { provenance: { database: unknown } };
      expect(body.provenance.database, example.path).toEqual({ buildId: build.buildId, builtAt: build.builtAt });
    }
  });

  test("docs header examples answer as documented", async ({ request }) => {
    const examples = readDocumentedHeaderExamples();
    expect(examples.map((example) => example.path)).toContain("/api/v1/trends?metric=code&bucket=year&format=csv");
    expect(examples.map((example) => example.status)).toEqual([304, 200]);
    for (const example of examples) {
      const response = await request.get(example.path, { headers: example.requestHeaders });
      expect(response.status(), example.path).toBe(example.status);
      const headers = response.headers();
      for (const line of example.headers) {
        const [name, ...value] = line.split(": ");
        expect(headers[name!.toLowerCase()], `${example.path} ${name}`).toBe(value.join(": "));
      }
    }
  });

  test("docs dataset example lists the archive", async ({ request }) => {
    const documented = readDocumentedArchive();
    const response = await request.get(documented.path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/zip");
    expect(response.headers()["content-disposition"]).toContain(`filename="${documented.fileName}"`);
    expect(Object.keys(unzipSync(new Uint8Array(await response.body())))).toEqual(documented.entries);
  });

  test("docs CSV examples answer as documented", async ({ request }) => {
    const examples = readDocumentedCsvExamples();
    expect(examples.map((example) => example.path)).toContain("/api/v1/trends?metric=code&bucket=year&format=csv");
    for (const example of examples) {
      const text = await (await request.get(example.path)).text();
      expect(text, example.path).toBe(`\uFEFF${example.lines.join("\r\n")}\r\n`);
    }
  });

  for (const route of DOCUMENTED_ROUTES) {
    test(`${route} accepts each documented value`, async ({ request }) => {
      const document = (await (await request.get("/api/v1/openapi.json")).json()) as ServedDocument;
      const parameters = document.paths[route]!.get.parameters.map((parameter) =>
        "$ref" in parameter ? document.components.parameters[parameter.$ref.split("/").pop()!]! : parameter,
      );
      for (const parameter of parameters.filter((candidate) => candidate.in === "query")) {
        for (const value of sampleValues(parameter)) {
          const url = samplePath(route, parameters, [[parameter.name, value]]);
          const response = await request.get(url);
          expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
        }
      }
      const unknown = await request.get(samplePath(route, parameters, [["colour", "red"]]));
      expect(unknown.status()).toBe(400);
      expect(await unknown.json()).toEqual({ error: { parameter: "colour", message: 'Unknown parameter "colour"' } });
    });
  }

  for (const [url, schema] of RESPONSE_SCHEMAS) {
    test(`body of ${url} matches its schema`, async ({ request }) => {
      const body: unknown = await (await request.get(url)).json();
      // Zod drops keys a schema does not name, so equality also proves that the body has no undocumented field.
      expect(schema.parse(body)).toEqual(body);
    });
  }

  test("400 naming series for a comparison without one", async ({ request }) => {
    const response = await request.get("/api/v1/compare?bucket=year");
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({
      error: { parameter: "series", message: 'Invalid parameter "series": expected at least one series, a term or topic:<id>' },
    });
  });
});

test.describe("without a database", () => {
  const serverUrl = process.env.MISSING_DATABASE_URL!;
  const expected = "No trends database at ";

  for (const route of ["/api/v1/papers", "/api/v1/trends?metric=code", "/api/v1/papers/2503.02130", "/api/v1/dataset"]) {
    test(`503 naming the ingest command from ${route.split("?")[0]}`, async ({ request }) => {
      const response = await request.get(`${serverUrl}${route}`);
      expect(response.status()).toBe(503);
      expect(response.headers()["cache-control"]).toBe("no-store");
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(new RegExp(`^${expected}\\S+missing\\.duckdb; create it with: npm run ingest -- data/samples --db \\S+missing\\.duckdb$`, "u"));
    });
  }

  test("a paper page names the missing database instead of failing", async ({ page }) => {
    await page.goto(`${serverUrl}/papers/2503.02130`);
    await expect(page.getByRole("alert").filter({ hasText: "The paper cannot be shown" })).toContainText("The paper cannot be shown: No trends database at");
  });
});
