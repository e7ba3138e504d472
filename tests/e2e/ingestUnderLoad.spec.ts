import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startWebServer, type WebServer } from "../bench/startWebServer";
import { findListeningProcess } from "../reliability/support/findListeningProcess";
import { formatIngestUnderLoad } from "../reliability/support/formatIngestUnderLoad";
import { listMainRoutes } from "../reliability/support/listMainRoutes";
import { listOpenDatabaseFiles } from "../reliability/support/listOpenDatabaseFiles";
import { loadWhileIngesting } from "../reliability/support/loadWhileIngesting";
import { measureBuildSwitches } from "../reliability/support/measureBuildSwitches";
import { readLoggedProblems } from "../reliability/support/readLoggedProblems";
import { runIngestWithSummary } from "../reliability/support/runIngestWithSummary";
import { sampleResidentMemory } from "../reliability/support/sampleResidentMemory";
import { summarizeMemoryTrend } from "../reliability/support/summarizeMemoryTrend";
import { API_DAYS, REPOSITORY_ROOT } from "../support/paths";

/*
 * A production server of its own, under a steady load on every page and API
 * route while `npm run ingest` replaces its database file. It lives among the
 * end-to-end tests because it needs the production build, which `npm test`
 * makes just before them.
 */

const PORT = Number(process.env.INGEST_LOAD_PORT);
const FOLDER = path.join(REPOSITORY_ROOT, "tests", ".tmp", "ingest-under-load");
const DATABASE = path.join(FOLDER, "trends.duckdb");
/** The bundled daily-papers API days, oldest first: the server starts on the first 150 and the ingest under load adds the last 47. */
const API_DAY_FILES = readdirSync(API_DAYS)
  .sort()
  .map((name) => path.join(API_DAYS, name));
const FIRST_DAYS = API_DAY_FILES.slice(0, 150);
const LATER_DAYS = API_DAY_FILES.slice(150);

let server: WebServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  const first = await runIngestWithSummary(FIRST_DAYS, DATABASE);
  expect(first.exitCode, JSON.stringify(first.summary)).toBe(0);
  server = await startWebServer(PORT, DATABASE);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(FOLDER, { recursive: true, force: true });
});

test("ingest under load fails no request and serves new papers within 5 s", async () => {
  test.setTimeout(180_000);
  const baseUrl = server!.baseUrl;
  const firstPaper = (await (await fetch(`${baseUrl}/api/v1/papers?limit=1`)).json()) as { papers: { id: string }[] };
  const serverPid = findListeningProcess(server!.pid, PORT);
  const memory = sampleResidentMemory(serverPid);

  const result = await loadWhileIngesting({
    baseUrl,
    paths: listMainRoutes(firstPaper.papers[0]!.id),
    connections: 16,
    // Over twice the slowest response seen (12.4 s at 16 connections, two cores at a load average near 10), so it catches only a hung request.
    timeoutSeconds: 30,
    databasePath: DATABASE,
    ingests: [LATER_DAYS],
    warmUpSeconds: 3,
    coolDownSeconds: 3,
  });
  const trend = summarizeMemoryTrend(memory.stop());
  const figures = formatIngestUnderLoad(result, measureBuildSwitches(server!.readLog(), [result.ingests[0]!.run]), trend);
  test.info().annotations.push({ type: "figures", description: figures });
  console.log(figures);

  const [ingest] = result.ingests;
  expect(ingest!.run.exitCode).toBe(0);
  expect(ingest!.run.summary).toMatchObject({ files: 47, loaded: 47, failed: 0, rejected: 0, newPapers: 1118, totalPapers: 3352 });
  expect(ingest!.totalBefore).toBe(2234);
  expect(ingest!.newDataDelayMs).not.toBeNull();
  expect(ingest!.newDataDelayMs!).toBeLessThan(5_000);

  expect(result.load.errors).toEqual({ non2xx: 0, timeouts: 0, connection: 0 });
  expect(result.probeFailures).toEqual([]);
  expect(Object.keys(result.load.statusCodes)).toEqual(["200"]);
  // Every route kept being served, not only the fast ones.
  for (const route of result.load.perPath) expect(route.responses, route.path).toBeGreaterThanOrEqual(5);
  // A page that cannot open the database still renders with status 200, so the log is where it would show.
  expect(readLoggedProblems(server!.readLog())).toEqual([]);
  // The server keeps the new file open and no other: the instance on the replaced file closed once its queries finished.
  expect(listOpenDatabaseFiles(serverPid, DATABASE)).toEqual([DATABASE]);
});
