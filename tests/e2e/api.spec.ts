import { ProvenanceSchema } from "@alignment-trends/schema";
import { expect, test } from "@playwright/test";

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
