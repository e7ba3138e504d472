import path from "node:path";
import { fileURLToPath } from "node:url";
import { TrendsDatabase } from "@alignment-trends/analytics";
import { NextRequest } from "next/server";
import { z } from "zod";
import { listApiQueryCases, type ApiQueryCase } from "./apiQueryCases";
import { importRouteHandler } from "./importRouteHandler";
import { registerWebImports } from "./registerWebImports";
import { resolveRouteModule } from "./resolveRouteModule";
import { summarizeLatencies, type LatencySummary } from "./summarizeLatencies";
import { REQUEST_ORIGIN, timeRouteRequest, type TimedResponse } from "./timeRouteRequest";
import { UncachedDatabase } from "./UncachedDatabase";

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../apps/web");

const ApiQueryCaseSchema = z.object({
  name: z.string().min(1),
  path: z.string().startsWith("/api/v1/", "expected a path under /api/v1/"),
  maxSamples: z.object({ cold: z.number().int().min(1), warm: z.number().int().min(1) }).optional(),
});

export const ApiQueryOptionsSchema = z.object({
  databasePath: z.string().min(1),
  coldSamples: z.number().int().min(1).default(5),
  warmSamples: z.number().int().min(1).default(20),
  /**
   * `uncached`: the routes get an `UncachedDatabase`, so every request runs
   * its queries. `server`: they get the app's own `TrendsDatabase`, as
   * `next start` serves them, so warm requests come from its result cache.
   */
  database: z.enum(["uncached", "server"]).default("uncached"),
  /** The requests to measure. The default covers every route, with the most upvoted paper for the single-paper route. */
  cases: z.array(ApiQueryCaseSchema).min(1).optional(),
  /** Names of the requests to measure among `cases` or the default ones. All are measured when not given. */
  only: z.array(z.string()).min(1).optional(),
  /** Receives each request's figures as soon as they are measured, for progress output. */
  onMeasured: z.custom<(measurement: ApiQueryMeasurement) => void>((value) => typeof value === "function").optional(),
});
export type ApiQueryOptions = z.input<typeof ApiQueryOptionsSchema>;

export interface ApiQueryMeasurement {
  name: string;
  path: string;
  status: number;
  /** The response body's size as the route builds it (a ZIP for the dataset), before any HTTP compression. */
  bodyBytes: number;
  cold: LatencySummary;
  warm: LatencySummary;
  /** Samples that the route sent from its result cache (`X-Cache: hit`), which never happens with the uncached database. */
  cacheHits: { cold: number; warm: number };
}

export interface ApiQueryReport {
  databasePath: string;
  database: "uncached" | "server";
  measurements: ApiQueryMeasurement[];
}

interface OpenDatabase {
  close(): void;
}

/**
 * Measures in this process how long each `/api/v1/` request takes. It calls
 * the `GET` handler of the request's route module with a `NextRequest` and
 * reads the whole response body, so no HTTP server is involved.
 *
 * A cold sample is the first request on a database opened just before it and
 * on a fresh instance of the route module: a new DuckDB instance has an
 * empty buffer cache, while the OS page cache still contains the file from
 * earlier samples. Opening the database and importing the module are not
 * timed. Warm samples repeat the request on one open database after one
 * untimed request. The modules the route imports, and V8's compiled code,
 * stay loaded between samples.
 */
export async function measureApiQueries(options: ApiQueryOptions): Promise<ApiQueryReport> {
  const { databasePath, coldSamples, warmSamples, database, cases, only, onMeasured } = ApiQueryOptionsSchema.parse(options);
  registerWebImports(WEB_ROOT);
  const holder = globalThis as { trendsDatabase?: unknown };
  const previousDatabase = holder.trendsDatabase;
  const openDatabase = async (): Promise<OpenDatabase> => {
    const opened = database === "uncached" ? await UncachedDatabase.open(databasePath) : await openTrendsDatabase(databasePath);
    // The routes' getTrendsDatabase() returns this global when it is set.
    holder.trendsDatabase = opened;
    return opened;
  };

  try {
    const measured = selectCases(cases ?? listApiQueryCases(await findMostUpvotedPaperId(openDatabase)), only);
    const measurements: ApiQueryMeasurement[] = [];
    for (const queryCase of measured) {
      const coldCount = Math.min(coldSamples, queryCase.maxSamples?.cold ?? coldSamples);
      const warmCount = Math.min(warmSamples, queryCase.maxSamples?.warm ?? warmSamples);
      const measurement = await measureCase(queryCase, openDatabase, coldCount, warmCount);
      onMeasured?.(measurement);
      measurements.push(measurement);
    }
    return { databasePath, database, measurements };
  } finally {
    holder.trendsDatabase = previousDatabase;
  }
}

function selectCases(cases: ApiQueryCase[], only: string[] | undefined): ApiQueryCase[] {
  if (!only) return cases;
  const unknown = only.filter((name) => !cases.some((queryCase) => queryCase.name === name));
  if (unknown.length > 0) {
    const names = cases.map((queryCase) => `"${queryCase.name}"`).join(", ");
    throw new Error(`Unknown request name ${unknown.map((name) => `"${name}"`).join(", ")}; expected one of ${names}`);
  }
  return cases.filter((queryCase) => only.includes(queryCase.name));
}

async function measureCase(
  queryCase: ApiQueryCase,
  openDatabase: () => Promise<OpenDatabase>,
  coldCount: number,
  warmCount: number,
): Promise<ApiQueryMeasurement> {
  const route = resolveRouteModule(WEB_ROOT, new URL(queryCase.path, REQUEST_ORIGIN).pathname);

  const cold: TimedResponse[] = [];
  for (let sample = 0; sample < coldCount; sample += 1) {
    const handler = await importRouteHandler(route.file, true);
    const opened = await openDatabase();
    try {
      cold.push(await timeRouteRequest(handler, queryCase.path, route.params));
    } finally {
      opened.close();
    }
  }

  const handler = await importRouteHandler(route.file, false);
  const opened = await openDatabase();
  try {
    const first = await timeRouteRequest(handler, queryCase.path, route.params);
    const warm: TimedResponse[] = [];
    for (let sample = 0; sample < warmCount; sample += 1) {
      warm.push(await timeRouteRequest(handler, queryCase.path, route.params));
    }
    const countHits = (samples: TimedResponse[]) => samples.filter((sample) => sample.cacheStatus === "hit").length;
    return {
      name: queryCase.name,
      path: queryCase.path,
      status: first.status,
      bodyBytes: first.bodyBytes,
      cold: summarizeLatencies(cold.map((sample) => sample.durationMs)),
      warm: summarizeLatencies(warm.map((sample) => sample.durationMs)),
      cacheHits: { cold: countHits(cold), warm: countHits(warm) },
    };
  } finally {
    opened.close();
  }
}

async function openTrendsDatabase(databasePath: string): Promise<TrendsDatabase> {
  const database = new TrendsDatabase(databasePath);
  await database.build();
  return database;
}

const PaperPageSchema = z.object({ papers: z.array(z.object({ id: z.string() })).min(1, "expected at least one paper in the database") });

async function findMostUpvotedPaperId(openDatabase: () => Promise<OpenDatabase>): Promise<string> {
  const requestPath = "/api/v1/papers?sort=upvotes&order=desc&limit=1";
  const route = resolveRouteModule(WEB_ROOT, "/api/v1/papers");
  const handler = await importRouteHandler(route.file, false);
  const opened = await openDatabase();
  try {
    const request = new NextRequest(new URL(requestPath, REQUEST_ORIGIN));
    const response = await handler(request, { params: Promise.resolve({}) });
    if (response.status !== 200) throw new Error(`GET ${requestPath} returned HTTP ${response.status}: ${await response.text()}; check the database`);
    return PaperPageSchema.parse(await response.json()).papers[0]!.id;
  } finally {
    opened.close();
  }
}
