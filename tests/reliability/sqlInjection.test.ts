import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { quoteIdentifier, searchTerms } from "@alignment-trends/analytics";
import { DuckDBInstance } from "@duckdb/node-api";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getTrendsDatabase } from "../../apps/web/lib/database";
import { API_ROUTES } from "../../apps/web/lib/openapi/apiRoutes";
import { callRoute, loadRouteCatalog, requiredQuery, type CatalogRoute, type RouteCall } from "../support/apiRouteCatalog";

/*
 * SQL injection strings through every parameter of every API route, against
 * a copy of the samples database. Each request must get a 400 naming the
 * parameter, or a 200 with the figures an honest value of the same kind
 * gives. Afterwards every table must hold the rows it held before.
 */

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE papers; --",
  '") UNION SELECT * FROM papers --',
  "%' --",
  "\\",
  "\\'; SELECT 1; --",
  "a\u0000b",
  "\u0000",
  "${1+1}",
  "$f_q0",
  "?",
  "*/ DELETE FROM papers /*",
  "1; COPY papers TO '/tmp/leak.csv'",
  "'||(SELECT count(*) FROM papers)||'",
  ".*",
  "(a+)+$",
  "ｓａｆｅｔｙ' ＯＲ １＝１",
  "ѕafety",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "x".repeat(10_000),
  "reward\r\nX-Injected: 1",
];

/**
 * The injection strings sent to the dataset route, whose every 200 response builds
 * a ZIP archive of all tables in 0.2 to 1.6 s on a shared 2-core machine.
 * NOTE: the other routes take every string through the same filter SQL.
 */
const DATASET_INJECTIONS = ["' OR '1'='1", "'; DROP TABLE papers; --"];

function injectionsFor(route: CatalogRoute): string[] {
  return route.path === "/api/v1/dataset" ? DATASET_INJECTIONS : INJECTIONS;
}

/** A word that no title, abstract or code host of the samples contains, so an honest filter on it matches no paper. */
const NO_MATCH = "zzqxv";

let folder: string;
let databasePath: string;
let routes: CatalogRoute[];
let countsBefore: Record<string, number>;
let paperTexts: { id: string; text: string }[];

/** Counts the rows of every table of the database file, through an instance of its own. */
async function countRows(file: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const tables = (await connection.runAndReadAll("SELECT table_name FROM duckdb_tables() ORDER BY table_name")).getRows().map((row) => String(row[0]));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM ${quoteIdentifier(table)}`);
      counts[table] = Number(reader.getRows()[0]![0]);
    }
    return counts;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function readPaperTexts(file: string): Promise<{ id: string; text: string }[]> {
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll("SELECT paper_id, title || ' ' || coalesce(abstract, '') FROM papers");
    return reader.getRows().map((row) => ({ id: String(row[0]), text: String(row[1]).normalize("NFC").toLowerCase() }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Returns the words a text filter reads in a value, as the term index splits them: runs of letters and digits, lower case. */
function wordsOf(value: string): string[] {
  return value.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Returns the value an honest user would type for the same filter. Terms and
 * series match whole words and ignore the characters between them, so their
 * counterpart is the words of the injection string. A search matches each of
 * its space-separated parts as a phrase, and a part without a word matches no
 * paper, so its counterpart quotes the words of each part. A code host is
 * compared exactly, so its counterpart is a host no paper has.
 */
function honestValue(parameter: string, value: string): string {
  if (parameter === "codeHost") return `${NO_MATCH}.invalid`;
  if (parameter === "q") {
    const parts = searchTerms(value).map(wordsOf);
    if (parts.length === 0) return "";
    return parts.some((words) => words.length === 0) ? NO_MATCH : parts.map((words) => `"${words.join(" ")}"`).join(" ");
  }
  const words = wordsOf(value);
  return words.length > 0 ? words.join(" ") : NO_MATCH;
}

/**
 * Returns the figures of a response: every number of its JSON body outside
 * the echo of the request (`filter`, `series`, `provenance`, `build`), or
 * the bytes of each CSV file of a ZIP archive.
 */
async function readFigures(response: Response): Promise<string> {
  const type = response.headers.get("content-type") ?? "";
  if (type === "application/zip") {
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    return Object.entries(files)
      .filter(([name]) => name.endsWith(".csv"))
      .map(([name, bytes]) => `${name.replace(/^[^/]*\//u, "")}\n${Buffer.from(bytes).toString("utf8")}`)
      .join("\n");
  }
  const numbers: number[] = [];
  const collect = (value: unknown, key: string): void => {
    if (["filter", "series", "provenance", "build", "options"].includes(key) && key !== "") return;
    if (typeof value === "number") numbers.push(value);
    else if (Array.isArray(value)) value.forEach((item) => collect(item, "item"));
    else if (value && typeof value === "object") for (const [childKey, child] of Object.entries(value)) collect(child, childKey);
  };
  collect(await response.json(), "");
  return numbers.join(",");
}

function callWith(route: CatalogRoute, parameter: string, value: string): RouteCall {
  const query = requiredQuery(route).filter(([name]) => name !== parameter);
  return { query: [...query, [parameter, value]], pathValues: { id: "2401.00001" } };
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "sql-injection-"));
  databasePath = path.join(folder, "samples.duckdb");
  copyFileSync(inject("samplesDatabase"), databasePath);
  countsBefore = await countRows(databasePath);
  paperTexts = await readPaperTexts(databasePath);
  process.env.TRENDS_DB = databasePath;
  routes = await loadRouteCatalog();
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("SQL injection through parameters", () => {
  // The catalog is loaded in beforeAll, so the tests iterate over the route paths that the OpenAPI document lists.
  // A route with many parameters sends several hundred requests, so each route gets five minutes.
  test.each(API_ROUTES.map((route) => route.path))("%s answers 400 or honest figures", async (routePath) => {
    const route = routes.find((candidate) => candidate.path === routePath)!;
    const mismatches: string[] = [];
    let requests = 0;
    let rejected = 0;
    const started = performance.now();
    for (const parameter of route.parameters.filter((candidate) => candidate.in === "query")) {
      for (const value of injectionsFor(route)) {
        const label = `${parameter.name}=${JSON.stringify(value.slice(0, 40))}`;
        const response = await callRoute(route, callWith(route, parameter.name, value));
        requests += 1;
        if (response.status === 400) {
          rejected += 1;
          const body = (await response.json()) as { error: { parameter: string } };
          if (body.error.parameter !== parameter.name) mismatches.push(`${label}: 400 names ${body.error.parameter}`);
          continue;
        }
        if (response.status !== 200) {
          mismatches.push(`${label}: ${response.status}`);
          continue;
        }
        const honest = await callRoute(route, callWith(route, parameter.name, honestValue(parameter.name, value)));
        if ((await readFigures(response)) !== (await readFigures(honest))) mismatches.push(`${label}: figures differ from ${honestValue(parameter.name, value)}`);
      }
    }
    const elapsed = Math.round(performance.now() - started);
    console.log(`SQL injection ${routePath}: ${requests} requests, ${rejected} rejected with 400, ${requests - rejected} answered, ${elapsed} ms`);
    expect(mismatches).toEqual([]);
  }, 300_000);

  test("search returns only papers with its words", async () => {
    const papers = routes.find((route) => route.path === "/api/v1/papers")!;
    for (const value of INJECTIONS.filter((candidate) => candidate.length <= 200)) {
      const response = await callRoute(papers, { query: [["q", value], ["limit", "all"]] });
      expect(response.status, value).toBe(200);
      const body = (await response.json()) as { total: number; papers: { id: string }[] };
      const words = wordsOf(value);
      const containing = paperTexts.filter((paper) => words.length > 0 && words.every((word) => paper.text.includes(word)));
      const containingIds = new Set(containing.map((paper) => paper.id));
      expect(body.papers.filter((paper) => !containingIds.has(paper.id)), value).toEqual([]);
      expect(body.total, value).toBe(body.papers.length);
      if (words.length === 0) expect(body.total, value).toBe(0);
    }
  });

  test("paper id injection is 400 naming id", async () => {
    const route = routes.find((candidate) => candidate.path === "/api/v1/papers/{id}")!;
    for (const value of INJECTIONS) {
      const response = await callRoute(route, { query: [], pathValues: { id: encodeURIComponent(value) } });
      expect(response.status, value.slice(0, 40)).toBe(400);
      expect(((await response.json()) as { error: { parameter: string } }).error.parameter).toBe("id");
    }
  });

  test("tables keep their row counts", async () => {
    getTrendsDatabase().close();
    expect(Object.keys(countsBefore)).toContain("papers");
    expect(await countRows(databasePath)).toEqual(countsBefore);
  });
});
