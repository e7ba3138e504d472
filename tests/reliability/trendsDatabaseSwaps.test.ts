import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { getHeadline, TrendsDatabase } from "@alignment-trends/analytics";
import { ingestDigests } from "@alignment-trends/ingest";
import { TrendFilterSchema } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { PINNED_TODAY } from "../support/paths";
import { listOpenDatabaseFiles } from "./support/listOpenDatabaseFiles";

const SWAPS = 6;
const READERS = 8;

let folder: string;
let databasePath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "trends-database-swaps-"));
  databasePath = path.join(folder, "trends.duckdb");
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** Ingests one daily-papers file that lists paper `2503.<number>` alone, in this process, as `npm run ingest` would. */
async function ingestPaper(number: number): Promise<void> {
  const id = `2503.${String(number).padStart(5, "0")}`;
  const file = path.join(folder, `2025-03-${String((number % 28) + 1).padStart(2, "0")}-${number}.json`);
  const paper = { id, title: `Paper ${id}`, summary: "Text.", authors: [{ name: "Ada" }], publishedAt: "2025-03-02T08:00:00.000Z", upvotes: 1 };
  writeFileSync(file, JSON.stringify([{ paper, numComments: 0 }]));
  const summary = await ingestDigests({ inputs: [file], databasePath, today: PINNED_TODAY });
  if (summary.totalPapers !== number + 1) throw new Error(`Expected ${number + 1} papers after ingesting ${file}, got ${summary.totalPapers}`);
}

const countPapers = async (connection: DuckDBConnection) => (await getHeadline(connection, TrendFilterSchema.parse({}))).papers;

describe("TrendsDatabase swaps", () => {
  test("closes replaced builds under queries", async () => {
    await ingestPaper(0);
    const database = new TrendsDatabase(databasePath);
    const failures: unknown[] = [];
    const counts = new Set<number>();
    let stopped = false;

    // Readers that alternate cached and uncached queries without pause, so that queries are in flight at every swap.
    const readers = Array.from({ length: READERS }, async (_, reader) => {
      for (let query = 0; !stopped; query += 1) {
        try {
          const count =
            query % 2 === 0
              ? await database.withCachedResult(`papers ${reader % 3}`, countPapers, { sizeOf: () => 8 })
              : await database.withConnection(countPapers);
          counts.add(count);
        } catch (error) {
          failures.push(error);
        }
        await yieldToEventLoop();
      }
    });

    const delaysMs: number[] = [];
    for (let swap = 1; swap <= SWAPS; swap += 1) {
      await ingestPaper(swap);
      const ingestedAt = performance.now();
      while ((await database.withConnection(countPapers)) !== swap + 1 && performance.now() - ingestedAt < 5_000) await yieldToEventLoop();
      delaysMs.push(performance.now() - ingestedAt);
    }
    stopped = true;
    await Promise.all(readers);

    expect(failures).toEqual([]);
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: SWAPS + 1 }, (_, index) => index + 1));
    // The server checks the file at most every 250 ms, so each new build shows within that and the time to open it.
    for (const delay of delaysMs) expect(delay).toBeLessThan(5_000);
    expect(listOpenDatabaseFiles(process.pid, databasePath)).toEqual([databasePath]);

    database.close();
    expect(listOpenDatabaseFiles(process.pid, databasePath)).toEqual([]);
  });
});
