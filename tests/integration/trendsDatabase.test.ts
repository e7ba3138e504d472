import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseUnavailableError, getHeadline, TrendsDatabase } from "@alignment-trends/analytics";
import { ingestDigests } from "@alignment-trends/ingest";
import { TrendFilterSchema } from "@alignment-trends/schema";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { PINNED_TODAY } from "../support/paths";

let folder: string;
let databasePath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "trends-database-"));
  databasePath = path.join(folder, "trends.duckdb");
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

function writeDay(day: string, ids: string[]): string {
  const file = path.join(folder, `${day}.json`);
  const entries = ids.map((id) => ({
    paper: { id, title: `Paper ${id}`, summary: "Text.", authors: [{ name: "Ada" }], publishedAt: `${day}T08:00:00.000Z`, upvotes: 1 },
    numComments: 0,
  }));
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

const countPapers = (database: TrendsDatabase) =>
  database.withConnection(async (connection) => (await getHeadline(connection, TrendFilterSchema.parse({}))).papers);

async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("TrendsDatabase", () => {
  test("reports a missing database with the command that creates it", async () => {
    const database = new TrendsDatabase(databasePath);
    await expect(countPapers(database)).rejects.toThrow(DatabaseUnavailableError);
    await expect(countPapers(database)).rejects.toThrow("npm run ingest -- data/samples");
  });

  test("serves a new ingest without a restart, within 5 seconds", async () => {
    await ingestDigests({ inputs: [writeDay("2025-03-02", ["2503.00001"])], databasePath, today: PINNED_TODAY });
    const database = new TrendsDatabase(databasePath);
    const firstBuild = (await database.build()).buildId;
    expect(await countPapers(database)).toBe(1);

    await ingestDigests({ inputs: [writeDay("2025-03-03", ["2503.00002", "2503.00003"])], databasePath, today: PINNED_TODAY });
    const endedAt = Date.now();
    const papers = await waitFor(() => countPapers(database), (count) => count === 3, 5_000);

    expect(papers).toBe(3);
    expect(Date.now() - endedAt).toBeLessThan(5_000);
    expect((await database.build()).buildId).not.toBe(firstBuild);
    database.close();
  });

  test("answers queries while an ingest writes", async () => {
    await ingestDigests({ inputs: [writeDay("2025-03-02", ["2503.00001"])], databasePath, today: PINNED_TODAY });
    const database = new TrendsDatabase(databasePath);
    const ingest = ingestDigests({
      inputs: [writeDay("2025-03-03", Array.from({ length: 200 }, (_, index) => `2503.${String(index + 10).padStart(5, "0")}`))],
      databasePath,
      today: PINNED_TODAY,
    });

    const counts: number[] = [];
    let done = false;
    void ingest.finally(() => {
      done = true;
    });
    while (!done) counts.push(await countPapers(database));
    await ingest;
    counts.push(await waitFor(() => countPapers(database), (count) => count === 201, 5_000));

    expect(counts.length).toBeGreaterThan(1);
    expect(counts.every((count) => count === 1 || count === 201)).toBe(true);
    expect(counts.at(-1)).toBe(201);
    database.close();
  });
});
