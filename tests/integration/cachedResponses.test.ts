import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ingestDigests } from "@alignment-trends/ingest";
import { TrendFilterSchema } from "@alignment-trends/schema";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getPaperById } from "../../apps/web/app/api/v1/papers/[id]/route";
import { GET as getPapers } from "../../apps/web/app/api/v1/papers/route";
import { GET as getTrends } from "../../apps/web/app/api/v1/trends/route";
import { getTrendsDatabase } from "../../apps/web/lib/database";
import { loadDashboard } from "../../apps/web/lib/loadDashboard";
import { PINNED_TODAY } from "../support/paths";

/*
 * The web app's route handlers and page loaders against a real database that
 * a test ingests into and replaces, as `npm run ingest` does beside a running
 * server. The app opens the file named by TRENDS_DB on its first request.
 */

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "cached-responses-"));
  process.env.TRENDS_DB = path.join(folder, "trends.duckdb");
  await ingestDay("2025-03-02", ["2503.00001"]);
});

afterAll(() => {
  getTrendsDatabase().close();
  rmSync(folder, { recursive: true, force: true });
});

/** Ingests one Hugging Face daily-papers file listing `ids` on `day`, with upvotes 10, 20, 30… in order. */
async function ingestDay(day: string, ids: string[]): Promise<void> {
  const file = path.join(folder, `${day}.json`);
  const entries = ids.map((id, index) => ({
    paper: {
      id,
      title: `Paper ${id} on reward models for RLHF`,
      summary: "We align language models with human feedback.",
      authors: [{ name: "Ada" }],
      publishedAt: `${day}T08:00:00.000Z`,
      upvotes: 10 * (index + 1),
    },
    numComments: 0,
  }));
  writeFileSync(file, JSON.stringify(entries));
  const summary = await ingestDigests({ inputs: [file], databasePath: process.env.TRENDS_DB!, today: PINNED_TODAY });
  expect(summary.failed).toBe(0);
}

/** Waits past the 250 ms for which the database keeps its last check of the file. */
const waitForFileCheck = () => new Promise((resolve) => setTimeout(resolve, 300));

function requestFor(url: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(new URL(url, "http://127.0.0.1:3400"), { headers });
}

async function readResponse(response: Response) {
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    cacheControl: response.headers.get("cache-control"),
    cache: response.headers.get("x-cache"),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

describe("cached API responses", () => {
  test("second request is a hit with identical bytes", async () => {
    const first = await readResponse(await getTrends(requestFor("/api/v1/trends?metric=upvotes&bucket=year")));
    const second = await readResponse(await getTrends(requestFor("/api/v1/trends?metric=upvotes&bucket=year")));

    expect(first.status).toBe(200);
    expect(first.cache).toBe("miss");
    expect(second.cache).toBe("hit");
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.etag).toBe(first.etag);
    expect(first.etag).toMatch(/^W\/"[\w-]{27}"$/u);
    expect(first.cacheControl).toBe("no-cache");
  });

  test("matching If-None-Match gets 304", async () => {
    const url = "/api/v1/papers?sort=upvotes&limit=5&format=csv";
    const first = await readResponse(await getPapers(requestFor(url)));
    const revalidated = await readResponse(await getPapers(requestFor(url, { "If-None-Match": `"other", ${first.etag!}` })));
    const changed = await readResponse(await getPapers(requestFor(url, { "If-None-Match": 'W/"other"' })));

    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.etag).toBe(first.etag);
    expect(revalidated.cacheControl).toBe("no-cache");
    expect(changed.status).toBe(200);
    expect(changed.body.equals(first.body)).toBe(true);
  });

  test("each query spelling records its request", async () => {
    const spellings = ["/api/v1/trends?metric=code&bucket=year", "/api/v1/trends?bucket=year&metric=code"];
    for (const url of spellings) {
      const body = (await (await getTrends(requestFor(url))).json()) as { provenance: { request: string } };
      expect(body.provenance.request).toBe(url);
    }
  });

  test("404 is not stored", async () => {
    const request = () => getPaperById(requestFor("/api/v1/papers/2101.00000"), { params: Promise.resolve({ id: "2101.00000" }) });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await readResponse(await request());
      expect(result.status).toBe(404);
      expect(result.cacheControl).toBe("no-store");
      expect(result.etag).toBeNull();
      expect(result.cache).toBeNull();
    }
  });

  test("new ingest replaces cached figures", async () => {
    const url = "/api/v1/papers?sort=upvotes&limit=10";
    const before = (await (await getPapers(requestFor(url))).json()) as { total: number; provenance: { database: { buildId: string } } };
    const cachedEtag = (await readResponse(await getPapers(requestFor(url)))).etag!;
    expect(before.total).toBe(1);

    await ingestDay("2025-03-03", ["2503.00002", "2503.00003"]);
    await waitForFileCheck();
    const after = await getPapers(requestFor(url, { "If-None-Match": cachedEtag }));
    const body = (await after.json()) as { total: number; papers: { id: string }[]; provenance: { database: { buildId: string } } };

    expect(after.status).toBe(200);
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(after.headers.get("etag")).not.toBe(cachedEtag);
    expect(body.total).toBe(3);
    expect(body.papers.map((paper) => paper.id)).toEqual(["2503.00003", "2503.00002", "2503.00001"]);
    expect(body.provenance.database.buildId).not.toBe(before.provenance.database.buildId);
  });
});

describe("cached page loaders", () => {
  test("repeat load shares a frozen result", async () => {
    const filter = TrendFilterSchema.parse({});
    const first = await loadDashboard(filter, "month");
    const second = await loadDashboard(filter, "month");

    expect(second).toBe(first);
    expect(Object.isFrozen(first.headline)).toBe(true);
    expect(() => {
      (first.topPapers.papers as unknown[]).push({});
    }).toThrow(TypeError);

    const papersBefore = first.headline.papers;
    await ingestDay("2025-03-04", ["2503.00004"]);
    await waitForFileCheck();
    const third = await loadDashboard(filter, "month");

    expect(third).not.toBe(first);
    expect(third.headline.papers).toBe(papersBefore + 1);
    expect(third.build.buildId).not.toBe(first.build.buildId);
  });
});
