import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { REPOSITORY_ROOT } from "../support/paths";

/*
 * A production server of its own, on a database that this spec ingests into
 * while the server runs, as `npm run ingest` does beside a deployed server.
 * The server's cached responses must not outlive the database build they
 * were computed from.
 */

const BASE_URL = `http://127.0.0.1:${process.env.REPLACED_DATABASE_PORT}`;
const FOLDER = path.join(REPOSITORY_ROOT, "tests", ".tmp", "replaced-database");
const DATABASE = path.join(FOLDER, "trends.duckdb");

let server: ChildProcess | undefined;

/** Ingests one Hugging Face daily-papers file listing `ids` on `day`, with upvotes 10, 20, 30… in order, through the CLI. */
function ingestDay(day: string, ids: string[]): void {
  const file = path.join(FOLDER, `${day}.json`);
  const entries = ids.map((id, index) => ({
    paper: { id, title: `Paper ${id}`, summary: "Text.", authors: [{ name: "Ada" }], publishedAt: `${day}T08:00:00.000Z`, upvotes: 10 * (index + 1) },
    numComments: 0,
  }));
  writeFileSync(file, JSON.stringify(entries));
  execFileSync("npm", ["run", "ingest", "--silent", "--", file, "--db", DATABASE], { cwd: REPOSITORY_ROOT, stdio: "pipe" });
}

async function readStatus(url: string): Promise<number> {
  try {
    return (await fetch(url)).status;
  } catch {
    // The server is not listening yet.
    return 0;
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  ingestDay("2025-03-02", ["2503.00001"]);
  // A process group of its own, so that the test can stop npm, the shell and Next together.
  server = spawn("npm", ["start"], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: process.env.REPLACED_DATABASE_PORT, TRENDS_DB: DATABASE },
    detached: true,
    stdio: "ignore",
  });
  await expect.poll(() => readStatus(`${BASE_URL}/api/v1/openapi.json`), { timeout: 60_000 }).toBe(200);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  rmSync(FOLDER, { recursive: true, force: true });
});

test("new ingest replaces cached figures within 250 ms", async ({ request, page }) => {
  const url = `${BASE_URL}/api/v1/papers?sort=upvotes&limit=10`;
  const first = await request.get(url);
  const repeat = await request.get(url);
  const before = (await first.json()) as { total: number; provenance: { database: { buildId: string } } };
  expect(before.total).toBe(1);
  expect(repeat.headers()["x-cache"]).toBe("hit");
  await page.goto(`${BASE_URL}/papers`);
  await expect(page.getByTestId("paper-count")).toContainText("1–1 of 1 papers");

  ingestDay("2025-03-03", ["2503.00002", "2503.00003"]);
  // The server checks the file at most every 250 ms, so a wait a little longer is the bound under test, not a guess.
  await new Promise((resolve) => setTimeout(resolve, 350));

  const after = await request.get(url, { headers: { "If-None-Match": first.headers().etag! } });
  const body = (await after.json()) as { total: number; papers: { id: string }[]; provenance: { database: { buildId: string } } };
  expect(after.status()).toBe(200);
  expect(after.headers()["x-cache"]).toBe("miss");
  expect(body.total).toBe(3);
  expect(body.papers.map((paper) => paper.id)).toEqual(["2503.00003", "2503.00002", "2503.00001"]);
  expect(body.provenance.database.buildId).not.toBe(before.provenance.database.buildId);
  await page.goto(`${BASE_URL}/papers`);
  await expect(page.getByTestId("paper-count")).toContainText("1–3 of 3 papers");
});
