import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  compareSeries,
  findEmergingTerms,
  getScopeShares,
  getTopicCooccurrence,
  getTopicTrends,
  listPapers,
  readRow,
  searchMatchSql,
  shapeTerm,
  TrendsDatabase,
  wordPatternSql,
} from "@alignment-trends/analytics";
import { ingestDigests } from "@alignment-trends/ingest";
import { TrendFilterSchema, type TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withRealDigests, withSamples } from "../support/openSamples";
import { PINNED_TODAY } from "../support/paths";

let folder: string;
let database: TrendsDatabase;

/*
 * Twelve months of papers with known terms: every month has four papers on
 * tokenizers; "constitutional classifiers" appears only in the last three
 * months, "direct preference optimization" in months 1 to 6, "DPO" as an
 * abbreviation in month 2, and "DPOX", which must not count as DPO, in month 3.
 * Every abstract opens with a sentence ending in "language models", so a term
 * spanning the sentence break, such as "models we train", holds no paper.
 */
function abstractFor(month: number, index: number): string {
  const parts = ["We study tokenizers for language models."];
  if (month >= 10 && index < 3) parts.push("We train constitutional classifiers.");
  if (month <= 6 && index === 0) parts.push("We improve direct preference optimization.");
  if (month === 2 && index === 1) parts.push("Our DPO variant converges faster.");
  if (month === 3 && index === 1) parts.push("DPOX is a file format.");
  return parts.join(" ");
}

/** The papers on constitutional classifiers name them in the title, as the emerging-term rule requires. */
function titleFor(month: number, index: number): string {
  return month >= 10 && index < 3 ? `Constitutional classifiers: study ${month}-${index}` : `Paper ${month}-${index}`;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "term-analytics-"));
  const files: string[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const day = `2025-${String(month).padStart(2, "0")}-03`;
    const entries = Array.from({ length: 4 }, (_, index) => ({
      paper: {
        id: `25${String(month).padStart(2, "0")}.${String(index + 10001)}`,
        title: titleFor(month, index),
        summary: abstractFor(month, index),
        authors: [{ name: "Ada" }],
        publishedAt: `${day}T08:00:00.000Z`,
        upvotes: 1,
      },
      numComments: 0,
    }));
    const file = path.join(folder, `${day}.json`);
    writeFileSync(file, JSON.stringify(entries));
    files.push(file);
  }
  const databasePath = path.join(folder, "trends.duckdb");
  await ingestDigests({ inputs: files, databasePath, today: PINNED_TODAY });
  database = new TrendsDatabase(databasePath);
});

afterAll(() => {
  database.close();
  rmSync(folder, { recursive: true, force: true });
});

const all = TrendFilterSchema.parse({});

async function paperIds(connection: DuckDBConnection, filter: Partial<TrendFilter>): Promise<string[]> {
  const page = await listPapers(connection, TrendFilterSchema.parse(filter), { sort: "date", order: "asc", limit: 100, offset: 0 });
  return page.papers.map((paper) => paper.id);
}

describe("term filter", () => {
  test("matches any alternative as whole words", async () => {
    const ids = await database.withConnection((connection) => paperIds(connection, { terms: ["DPO | direct preference optimization"] }));
    expect(ids).toEqual(["2501.10001", "2502.10001", "2502.10002", "2503.10001", "2504.10001", "2505.10001", "2506.10001"]);
  });

  test("matches a phrase the index does not hold by scanning the text", async () => {
    const ids = await database.withConnection((connection) => paperIds(connection, { terms: ["we train constitutional classifiers"] }));
    expect(ids).toEqual(["2510.10001", "2510.10002", "2510.10003", "2511.10001", "2511.10002", "2511.10003", "2512.10001", "2512.10002", "2512.10003"]);
  });

  test.each([["models we train"], ["language models we train"]])("does not match %s across a sentence break", async (phrase) => {
    const ids = await database.withConnection((connection) => paperIds(connection, { terms: [phrase] }));
    expect(ids).toEqual([]);
  });

  test("requires every term", async () => {
    const ids = await database.withConnection((connection) => paperIds(connection, { terms: ["tokenizers", "DPO"] }));
    expect(ids).toEqual(["2502.10002"]);
  });
});

describe("text search", () => {
  test.each([
    ["a word as the start of longer words", "dpo", ["2502.10002", "2503.10002"]],
    ["a word and the start of another", "constitutional class", ["2510.10001", "2510.10002", "2510.10003", "2511.10001", "2511.10002", "2511.10003", "2512.10001", "2512.10002", "2512.10003"]],
    ["a quoted phrase ending in the start of a word", '"constitutional class"', ["2510.10001", "2510.10002", "2510.10003", "2511.10001", "2511.10002", "2511.10003", "2512.10001", "2512.10002", "2512.10003"]],
    ["a quoted phrase the index does not hold", '"we train constitutional"', ["2510.10001", "2510.10002", "2510.10003", "2511.10001", "2511.10002", "2511.10003", "2512.10001", "2512.10002", "2512.10003"]],
    ["letters inside a word", "okenizers", []],
    ["a phrase across a sentence break", '"models we"', []],
  ])("finds %s", async (_name, q, expected) => {
    const ids = await database.withConnection((connection) => paperIds(connection, { q }));
    expect(ids).toEqual(expected);
  });
});

describe("compareSeries", () => {
  test("counts, shares and indexes each series per quarter", async () => {
    const comparison = await database.withConnection((connection) =>
      compareSeries(connection, all, "quarter", [
        { kind: "term", term: "DPO | direct preference optimization" },
        { kind: "term", term: "constitutional classifiers" },
        { kind: "term", term: "we train constitutional classifiers" },
      ], { minPapersForShare: 1 }),
    );
    expect(comparison.series.map((series) => series.indexed)).toEqual([true, true, false]);
    expect(comparison.points.map((point) => [point.label, point.papers, ...point.series.map((series) => series.papers)])).toEqual([
      ["2025 Q1", 12, 4, 0, 0],
      ["2025 Q2", 12, 3, 0, 0],
      ["2025 Q3", 12, 0, 0, 0],
      ["2025 Q4", 12, 0, 9, 9],
    ]);
    expect(comparison.points[3]!.series[1]).toEqual({ papers: 9, share: 0.75, index: 100 });
    expect(comparison.points[0]!.series[0]).toEqual({ papers: 4, share: 0.3333, index: 44 });
  });

  test("leaves periods with fewer than the minimum papers without share or index", async () => {
    const specs = [{ kind: "term" as const, term: "constitutional classifiers" }];
    const months = await database.withConnection((connection) => compareSeries(connection, all, "month", specs));
    expect(months.minPapersForShare).toBe(10);
    expect(months.points.map((point) => point.papers)).toEqual(new Array(12).fill(4));
    expect(months.points.map((point) => point.series[0]!.share)).toEqual(new Array(12).fill(null));
    expect(months.points.map((point) => point.series[0]!.index)).toEqual(new Array(12).fill(null));
    const quarters = await database.withConnection((connection) => compareSeries(connection, all, "quarter", specs));
    expect(quarters.points.map((point) => point.series[0])).toEqual([
      { papers: 0, share: 0, index: 0 },
      { papers: 0, share: 0, index: 0 },
      { papers: 0, share: 0, index: 0 },
      { papers: 9, share: 0.75, index: 100 },
    ]);
  });

  test("rejects more than eight series", async () => {
    const specs = Array.from({ length: 9 }, () => ({ kind: "term" as const, term: "tokenizers" }));
    await expect(database.withConnection((connection) => compareSeries(connection, all, "month", specs))).rejects.toThrow("compare needs one to 8 series, not 9");
  });
});

describe("term index on the real digests", () => {
  test("counts the same papers per quarter as a scan of the text", async () => {
    const specs = [
      { kind: "term" as const, term: "DPO | direct preference optimization" },
      { kind: "term" as const, term: "reward model" },
      { kind: "term" as const, term: "jailbreak" },
      { kind: "term" as const, term: "chain of thought" },
      { kind: "term" as const, term: "GPT-4o" },
    ];
    await withRealDigests(async (connection) => {
      const indexed = await compareSeries(connection, all, "quarter", specs);
      const scanned = await compareSeries(connection, all, "quarter", specs, { scanText: true });
      expect(indexed.series.map((series) => series.indexed)).toEqual([true, true, true, true, true]);
      expect(scanned.series.map((series) => series.indexed)).toEqual([false, false, false, false, false]);
      expect(indexed.points).toEqual(scanned.points);
      const totals = specs.map((_, index) => indexed.points.reduce((sum, point) => sum + point.series[index]!.papers, 0));
      expect(totals.every((total) => total > 0)).toBe(true);
    });
  });
});

describe("findEmergingTerms on the real digests", () => {
  test.each([
    ["all papers, 3-month windows", {}, 3],
    ["alignment papers, 6-month windows", { scope: "alignment" }, 6],
    ["publication dates", { dateBasis: "published" }, 3],
    ["whole months from 2024-01 to 2025-06", { from: "2024-01-01", to: "2025-06-30" }, 3],
    ["off-topic papers by publication date", { scope: "off-topic", dateBasis: "published" }, 12],
  ] as const)("gives the same terms and bursts from the monthly counts as from the index for %s", async (_, values, windowMonths) => {
    const filter = TrendFilterSchema.parse(values);
    await withRealDigests(async (connection) => {
      const options = { windowMonths, minPapers: 3, limit: 40 };
      const monthly = await findEmergingTerms(connection, filter, { ...options, countFrom: "term-months" });
      const indexed = await findEmergingTerms(connection, filter, { ...options, countFrom: "term-index" });
      expect(monthly!.terms.length).toBeGreaterThan(0);
      expect(monthly).toEqual(indexed);
    });
  });
});

describe("searchMatchSql on the real digests", () => {
  test.each([["reward"], ["align"], ["rl"], ["jailbreak att"], ["chain of thought"], ["gpt-4"], ["safe"], ["LLM"]])(
    "finds the same papers for %s through the index as by scanning the text",
    async (phrase) => {
      await withRealDigests(async (connection) => {
        const count = async (match: { condition: string; params: Record<string, DuckDBValue> }) =>
          Number((await readRow(connection, { sql: `SELECT count(*)::INTEGER AS papers FROM papers p WHERE ${match.condition}`, params: match.params })).papers);
        const indexed = searchMatchSql([phrase], "q");
        expect(indexed.condition).toContain("paper_terms");
        const papers = await count(indexed);
        expect(papers).toBeGreaterThan(0);
        expect(papers).toBe(await count(wordPatternSql(shapeTerm(phrase).words, "q0", { wordPrefix: true })));
      });
    },
  );
});

describe("findEmergingTerms", () => {
  test("ranks a term new in the recent window at the top, with its burst", async () => {
    const emerging = await database.withConnection((connection) => findEmergingTerms(connection, all, { windowMonths: 3, minPapers: 3, limit: 5 }));
    expect(emerging!.recent).toEqual({ from: "2025-10-01", to: "2025-12-31", papers: 12 });
    expect(emerging!.baseline).toEqual({ from: "2025-07-01", to: "2025-09-30", papers: 12 });
    const term = emerging!.terms.find((candidate) => candidate.term === "constitutional classifiers")!;
    expect(term).toMatchObject({ recentPapers: 9, baselinePapers: 0, recentTitlePapers: 9, recentShare: 0.75, baselineShare: 0, growth: 19, growthLowerBound: 1.92 });
    expect(emerging!.terms.map((term) => term.term)).toEqual(["constitutional classifiers"]);
    expect(term.bursts).toEqual([{ start: "2025-10-01", end: "2025-12-01", weight: expect.any(Number) }]);
  });
});

describe("findEmergingTerms with a thin last month", () => {
  test("ends the recent window before a month with one day's digest, unless To is set", async () => {
    const thinFolder = mkdtempSync(path.join(tmpdir(), "thin-month-"));
    try {
      const files: string[] = [];
      for (let month = 1; month <= 7; month += 1) {
        const count = month === 7 ? 1 : 8;
        const day = `2025-${String(month).padStart(2, "0")}-03`;
        const entries = Array.from({ length: count }, (_, index) => ({
          paper: {
            id: `25${String(month).padStart(2, "0")}.${String(index + 20001)}`,
            title: `Paper ${month}-${index}`,
            summary: "We study tokenizers.",
            authors: [{ name: "Ada" }],
            publishedAt: `${day}T08:00:00.000Z`,
          },
        }));
        const file = path.join(thinFolder, `${day}.json`);
        writeFileSync(file, JSON.stringify(entries));
        files.push(file);
      }
      const databasePath = path.join(thinFolder, "trends.duckdb");
      await ingestDigests({ inputs: files, databasePath, today: PINNED_TODAY });
      const thin = new TrendsDatabase(databasePath);
      try {
        const options = { windowMonths: 3, minPapers: 3, limit: 5 };
        const emerging = await thin.withConnection((connection) => findEmergingTerms(connection, all, options));
        expect(emerging!.recent).toEqual({ from: "2025-04-01", to: "2025-06-30", papers: 24 });
        expect(emerging!.thinMonths).toEqual({ from: "2025-07-01", to: "2025-07-31", papers: 1 });
        const chosen = await thin.withConnection((connection) => findEmergingTerms(connection, TrendFilterSchema.parse({ to: "2025-07-31" }), options));
        expect(chosen!.recent).toEqual({ from: "2025-05-01", to: "2025-07-31", papers: 17 });
        expect(chosen!.thinMonths).toBeNull();
      } finally {
        thin.close();
      }
    } finally {
      rmSync(thinFolder, { recursive: true, force: true });
    }
  });
});

describe("topic analytics on the samples", () => {
  test("each co-occurrence cell equals its drill-down list", async () => {
    await withSamples(async (connection) => {
      const { topics, counts } = await getTopicCooccurrence(connection, all);
      expect(topics).toHaveLength(11);
      for (const [row, first] of topics.entries()) {
        for (const [column, second] of topics.entries()) {
          expect(counts[row]![column]).toBe(counts[column]![row]);
          if (column < row) continue;
          const listed = (await listPapers(connection, TrendFilterSchema.parse({ allTopics: [first.id, second.id] }), { sort: "date", order: "desc", limit: 1, offset: 0 })).total;
          expect([first.id, second.id, listed]).toEqual([first.id, second.id, counts[row]![column]]);
        }
      }
    });
  });

  test("scope shares add up to the papers of each period", async () => {
    await withSamples(async (connection) => {
      const shares = await getScopeShares(connection, TrendFilterSchema.parse({ scope: "alignment" }), "year");
      const { points } = await getTopicTrends(connection, all, "year");
      expect(shares.map((point) => point.papers)).toEqual(points.map((point) => point.papers));
      expect(shares.map((point) => point.alignmentPapers)).toEqual(points.map((point) => point.alignmentPapers));
      for (const point of shares) expect(point.alignmentPapers + point.otherAlignmentPapers).toBeLessThanOrEqual(point.papers);
    });
  });
});
