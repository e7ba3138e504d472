import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getTopicTrends, listPapers, TrendsDatabase } from "@alignment-trends/analytics";
import { ingestDigests } from "@alignment-trends/ingest";
import { TrendFilterSchema, type TrendFilter } from "@alignment-trends/schema";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PINNED_TODAY } from "../support/paths";

let folder: string;
let database: TrendsDatabase;

interface PaperSpec {
  id: string;
  day: string;
  title: string;
  authors: number;
  upvotes: number;
  repository?: string;
}

const PAPERS: PaperSpec[] = [
  { id: "2501.00001", day: "2025-01-06", title: "Direct Preference Optimization revisited", authors: 3, upvotes: 12, repository: "https://github.com/a/dpo" },
  { id: "2501.00002", day: "2025-01-07", title: "Jailbreak attacks on aligned LLMs", authors: 1, upvotes: 40 },
  { id: "2502.00003", day: "2025-02-03", title: "Image registration with deep features", authors: 6, upvotes: 2, repository: "https://gitlab.com/b/reg" },
  { id: "2504.00004", day: "2025-04-01", title: "A faster tokenizer", authors: 25, upvotes: 0 },
  { id: "2504.00005", day: "2025-04-02", title: "Reward model over-optimization in RLHF", authors: 8, upvotes: 7 },
];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "trend-filters-"));
  const files = PAPERS.map((paper) => {
    const file = path.join(folder, `${paper.day}.json`);
    const entry = {
      paper: {
        id: paper.id,
        title: paper.title,
        summary: `${paper.title}. A study.`,
        authors: Array.from({ length: paper.authors }, (_, index) => ({ name: `Author ${index + 1}` })),
        publishedAt: `${paper.day}T00:30:00.000Z`,
        upvotes: paper.upvotes,
        githubRepo: paper.repository ?? null,
      },
      numComments: 0,
    };
    writeFileSync(file, JSON.stringify([entry]));
    return file;
  });
  const databasePath = path.join(folder, "trends.duckdb");
  await ingestDigests({ inputs: files, databasePath, today: PINNED_TODAY });
  database = new TrendsDatabase(databasePath);
});

afterAll(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

async function idsFor(filter: Partial<TrendFilter>): Promise<string[]> {
  const page = await database.withConnection((connection) =>
    listPapers(connection, TrendFilterSchema.parse(filter), { sort: "date", order: "asc", limit: 50, offset: 0 }),
  );
  expect(page.total).toBe(page.papers.length);
  return page.papers.map((paper) => paper.id);
}

describe("trend filters", () => {
  test.each<[string, Partial<TrendFilter>, string[]]>([
    ["no filter", {}, ["2501.00001", "2501.00002", "2502.00003", "2504.00004", "2504.00005"]],
    ["inclusive date range", { from: "2025-01-07", to: "2025-04-01" }, ["2501.00002", "2502.00003", "2504.00004"]],
    ["scope alignment", { scope: "alignment" }, ["2501.00001", "2501.00002", "2504.00005"]],
    ["scope other-alignment", { scope: "other-alignment" }, ["2502.00003"]],
    ["scope off-topic", { scope: "off-topic" }, ["2504.00004"]],
    ["one topic", { topics: ["safety"] }, ["2501.00002"]],
    ["any of two topics", { topics: ["safety", "reward-modeling"] }, ["2501.00002", "2504.00005"]],
    ["has code", { hasCode: true }, ["2501.00001", "2502.00003"]],
    ["has no code", { hasCode: false }, ["2501.00002", "2504.00004", "2504.00005"]],
    ["code host", { codeHost: "gitlab.com" }, ["2502.00003"]],
    ["minimum upvotes", { minUpvotes: 7 }, ["2501.00001", "2501.00002", "2504.00005"]],
    ["team size range", { minAuthors: 3, maxAuthors: 8 }, ["2501.00001", "2502.00003", "2504.00005"]],
    ["text query, case folded", { q: "PREFERENCE optimization" }, ["2501.00001"]],
    ["words in any order", { q: "revisited preference" }, ["2501.00001"]],
    ["a word in the title and one in the abstract", { q: "jailbreak study" }, ["2501.00002"]],
    ["a quoted phrase", { q: '"optimization revisited"' }, ["2501.00001"]],
    ["a quoted phrase in the wrong order", { q: '"revisited optimization"' }, []],
    ["text query with SQL in it", { q: "' OR 1=1 --" }, []],
    ["text query with LIKE wildcards", { q: "%" }, []],
  ])("%s", async (_name, filter, expected) => {
    expect(await idsFor(filter)).toEqual(expected);
  });

  test("listed dates stay on their calendar day in a zone west of UTC", async () => {
    expect(process.env.TZ).toBe("America/Los_Angeles");
    const page = await database.withConnection((connection) =>
      listPapers(connection, TrendFilterSchema.parse({ from: "2025-01-06", to: "2025-01-06" }), { sort: "date", order: "asc", limit: 5, offset: 0 }),
    );
    expect(page.papers.map((paper) => [paper.id, paper.publishedOn, paper.listedOn])).toEqual([["2501.00001", "2025-01-06", "2025-01-06"]]);
  });

  test("weekly series starts on Monday and fills empty weeks with zeros", async () => {
    const { points } = await database.withConnection((connection) =>
      getTopicTrends(connection, TrendFilterSchema.parse({ to: "2025-02-09" }), "week"),
    );
    expect(points.map((point) => [point.periodStart, point.periodEnd, point.papers])).toEqual([
      ["2025-01-06", "2025-01-12", 2],
      ["2025-01-13", "2025-01-19", 0],
      ["2025-01-20", "2025-01-26", 0],
      ["2025-01-27", "2025-02-02", 0],
      ["2025-02-03", "2025-02-09", 1],
    ]);
  });
});
