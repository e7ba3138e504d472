import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ingestDigests } from "@alignment-trends/ingest";
import type { DataDictionary, ExportColumn, ProvenanceSidecar } from "@alignment-trends/schema";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getTrendsDatabase } from "../../apps/web/lib/database";
import { callRoute, loadRouteCatalog, requiredQuery, type CatalogRoute, type RouteCall } from "../support/apiRouteCatalog";
import { parseCsv } from "../support/parseCsv";
import { PINNED_TODAY, REPOSITORY_ROOT } from "../support/paths";

/*
 * Every CSV download, through the real routes, of a database ingested from a
 * digest whose titles and author names start like spreadsheet formulas, and
 * the Content-Disposition header of every download for names outside ASCII.
 */

const FIXTURE = path.join(REPOSITORY_ROOT, "tests/fixtures/downloads/2025-03-03.json");

/** The start of a cell that a spreadsheet may evaluate, as `formatCsvCell` escapes it. */
const FORMULA_START = /^(?:[\t\r]|[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

const NUMERIC_TYPES = new Set(["INTEGER", "BIGINT", "DOUBLE"]);

/** A number as the CSV files write one: optional minus, digits, optional fraction and exponent. */
const CSV_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/u;

let folder: string;
let routes: CatalogRoute[];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "download-safety-"));
  process.env.TRENDS_DB = path.join(folder, "trends.duckdb");
  const summary = await ingestDigests({ inputs: [FIXTURE], databasePath: process.env.TRENDS_DB, today: PINNED_TODAY });
  expect(summary.failed).toBe(0);
  expect(summary.rejected).toBe(0);
  routes = await loadRouteCatalog();
});

afterAll(() => {
  getTrendsDatabase().close();
  rmSync(folder, { recursive: true, force: true });
});

function routeAt(routePath: string): CatalogRoute {
  const route = routes.find((candidate) => candidate.path === routePath);
  if (!route) throw new Error(`The OpenAPI document lists no route ${routePath}`);
  return route;
}

/** Returns the routes whose `format` parameter offers `value`. */
function routesWithFormat(value: string): CatalogRoute[] {
  return routes.filter((route) => route.parameters.some((parameter) => parameter.name === "format" && parameter.schema.enum?.includes(value)));
}

/** Builds a call with `extra`, the route's required parameters that `extra` leaves out, and the id of the fixture's first paper. */
function callOf(route: CatalogRoute, extra: [string, string][]): RouteCall {
  const required = requiredQuery(route).filter(([name]) => !extra.some(([extraName]) => extraName === name));
  return { query: [...required, ...extra], pathValues: { id: "2503.00001" } };
}

/**
 * Lists the cells of a CSV file that a spreadsheet could evaluate: a text
 * cell that starts like a formula, or a numeric cell that is not a plain
 * number. Each entry names the file, column and cell.
 */
function findUnsafeCells(fileName: string, text: string, columns: ExportColumn[]): string[] {
  expect(text.startsWith("\uFEFF"), fileName).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header, fileName).toEqual(columns.map((column) => column.name));
  const unsafe: string[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      const column = columns[index]!;
      const numeric = NUMERIC_TYPES.has(column.type);
      if (numeric && cell !== "" && !CSV_NUMBER.test(cell)) unsafe.push(`${fileName} ${column.name}: ${JSON.stringify(cell)} is not a number`);
      if (!numeric && FORMULA_START.test(cell)) unsafe.push(`${fileName} ${column.name}: ${JSON.stringify(cell)}`);
    });
  }
  return unsafe;
}

/** Reads a route's CSV download and the columns of its provenance sidecar. */
async function readCsvDownload(route: CatalogRoute, extra: [string, string][]): Promise<{ text: string; columns: ExportColumn[] }> {
  const response = await callRoute(route, callOf(route, [...extra, ["format", "csv"]]));
  expect(response.status, route.path).toBe(200);
  expect(response.headers.get("content-type"), route.path).toBe("text/csv; charset=utf-8");
  // Response.text() drops the byte order mark, which the check expects, so decode the bytes with it.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  const sidecar = (await (await callRoute(route, callOf(route, [...extra, ["format", "provenance"]]))).json()) as ProvenanceSidecar;
  return { text, columns: sidecar.table.columns };
}

/** Extra parameters that put the hostile text in each route's CSV: the compared series are terms that start like formulas. */
const HOSTILE_SERIES: [string, string][] = [
  ["series", "=1+1"],
  ["series", "@SUM(A1)"],
  ["series", "-reward model"],
  ["series", "+preference"],
];

describe("CSV downloads", () => {
  test("every route escapes formula cells", async () => {
    const unsafe: string[] = [];
    const checked: string[] = [];
    for (const route of routesWithFormat("csv")) {
      let extra: [string, string][] = [];
      if (route.path === "/api/v1/compare") extra = HOSTILE_SERIES;
      if (route.path === "/api/v1/papers") extra = [["limit", "all"]];
      const { text, columns } = await readCsvDownload(route, extra);
      unsafe.push(...findUnsafeCells(route.path, text, columns));
      checked.push(route.path);
    }
    expect(checked).toEqual(["/api/v1/trends", "/api/v1/papers", "/api/v1/papers/{id}", "/api/v1/compare", "/api/v1/emerging", "/api/v1/cooccurrence"]);
    expect(unsafe).toEqual([]);
  });

  test("paper list keeps hostile text readable", async () => {
    const { text, columns } = await readCsvDownload(routeAt("/api/v1/papers"), [
      ["limit", "all"],
      ["sort", "upvotes"],
      ["order", "asc"],
    ]);
    const [header, ...rows] = parseCsv(text.slice(1));
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(rows.map((row) => cell(row, "title"))).toEqual([
      `'=HYPERLINK("http://127.0.0.1:3340/x","reward model")`,
      "'+SUM(1,2) preference optimization for RLHF",
      "'-2+3 ways to align language models with human feedback",
      "'@SUM(A1:A9) direct preference optimization",
      `'"=1+1" quoted reward hacking`,
      "Überalignment of 日本語 models 🚀",
    ]);
    expect(rows.map((row) => cell(row, "upvotes"))).toEqual(["10", "20", "30", "40", "50", "60"]);
    expect(columns.find((column) => column.name === "upvotes")?.type).toBe("INTEGER");
  });

  test("paper record escapes its author list", async () => {
    const { text } = await readCsvDownload(routeAt("/api/v1/papers/{id}"), []);
    const [header, row] = parseCsv(text.slice(1));
    expect(row![header!.indexOf("authors")]).toBe("'=cmd|' /C calc'!A0;Ada Lovelace");
  });

  test("compare labels hostile series as text", async () => {
    const { text } = await readCsvDownload(routeAt("/api/v1/compare"), HOSTILE_SERIES);
    const [header, ...rows] = parseCsv(text.slice(1));
    const labels = new Set(rows.map((row) => row[header!.indexOf("series")]));
    expect([...labels]).toEqual(["'=1+1", "'@SUM(A1)", "'-reward model", "'+preference"]);
  });

  test("dataset archive escapes every CSV", async () => {
    const response = await callRoute(routeAt("/api/v1/dataset"), callOf(routeAt("/api/v1/dataset"), []));
    expect(response.status).toBe(200);
    const archive = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const byName = new Map(Object.entries(archive).map(([name, bytes]) => [name.split("/").at(-1)!, Buffer.from(bytes).toString("utf8")]));
    const dictionary = JSON.parse(byName.get("data-dictionary.json")!) as DataDictionary;
    const csvFiles = dictionary.files.filter((file) => file.format === "csv");
    expect(csvFiles.length).toBeGreaterThanOrEqual(9);
    const unsafe = csvFiles.flatMap((file) => findUnsafeCells(file.path, byName.get(file.path.split("/").at(-1)!)!, file.columns));
    expect(unsafe).toEqual([]);
    expect(byName.get("paper-list.csv")).toContain(`'=HYPERLINK(""http://127.0.0.1:3340/x"",""reward model"")`);
  });
});

/** The header a download must have: an ASCII `filename` in quotes, then `filename*` of RFC 5987 attr-chars and escapes only. */
const ATTACHMENT = /^attachment; filename="([\x20-\x21\x23-\x5b\x5d-\x7e]*)"; filename\*=UTF-8''((?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+)$/u;

/** Lists what is wrong with a Content-Disposition header, or nothing. */
function checkAttachment(label: string, header: string | null): string[] {
  const match = ATTACHMENT.exec(header ?? "");
  if (!match) return [`${label}: malformed header ${JSON.stringify(header)}`];
  const problems: string[] = [];
  const fallback = match[1]!;
  const name = decodeURIComponent(match[2]!);
  for (const [kind, value] of [["filename", fallback], ["filename*", name]] as const) {
    if (/[/\\]|\.\.|\p{Cc}/u.test(value)) problems.push(`${label}: ${kind} ${JSON.stringify(value)} has a folder, .. or control character`);
    if (value.startsWith(".")) problems.push(`${label}: ${kind} ${JSON.stringify(value)} starts with a dot`);
  }
  return problems;
}

/** Text for the file names: letters outside ASCII, an emoji, quotes, a semicolon, CR LF, slashes and `..`. */
const HOSTILE_NAMES = ["Überalignment", "日本語", "🚀 rocket", 'say "hi"; x=1', "a\r\nSet-Cookie: x=1", "../../etc/passwd", "a/b\\c", ".."];

describe("download file names", () => {
  test("every download has a safe Content-Disposition", async () => {
    const problems: string[] = [];
    let checked = 0;
    const fileRoutes = routes.filter((route) => routesWithFormat("csv").includes(route) || route.path === "/api/v1/dataset");
    for (const route of fileRoutes) {
      const formats = routesWithFormat("csv").includes(route) ? ["csv", "parquet"] : [null];
      for (const name of HOSTILE_NAMES) {
        const text: [string, string][] = route.path === "/api/v1/compare" ? [["series", name]] : route.path.endsWith("{id}") ? [] : [["q", name]];
        for (const format of formats) {
          const response = await callRoute(route, callOf(route, format ? [...text, ["format", format]] : text));
          expect(response.status, `${route.path} ${name}`).toBe(200);
          problems.push(...checkAttachment(`${route.path} ${format ?? "zip"} ${JSON.stringify(name)}`, response.headers.get("content-disposition")));
          checked += 1;
        }
      }
    }
    console.log(`Content-Disposition: ${fileRoutes.length} routes, ${checked} downloads`);
    expect(problems).toEqual([]);
  });

  test("compared term names the file in UTF-8", async () => {
    const route = routeAt("/api/v1/compare");
    const response = await callRoute(route, { query: [["series", "Überalignment"], ["series", "日本語"], ["format", "csv"]] });
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"alignment-trends_compare_uberalignment_month.csv\"; filename*=UTF-8''alignment-trends_compare_%C3%BCberalignment_%E6%97%A5%E6%9C%AC%E8%AA%9E_month.csv",
    );
  });
});
