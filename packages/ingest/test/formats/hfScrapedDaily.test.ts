import { readdirSync } from "node:fs";
import path from "node:path";
import type { PaperRecord } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { hfScrapedDailyParser } from "../../src/formats/parsers/hfScrapedDaily";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, SAMPLES } from "../sharedData";

const SCRAPES = path.join(REAL_DATA, "daily-hf-ai-papers-atharvadomale", "data");

function parseScrape(file: string) {
  return parseFile(hfScrapedDailyParser, path.join(SCRAPES, file));
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function withId(records: PaperRecord[], arxivId: string): PaperRecord[] {
  return records.filter((record) => record.arxivId === arxivId);
}

describe("hfScrapedDailyParser counts", () => {
  // Entries, distinct papers, entries with authors shown, and entries whose page text is null, empty or the title.
  const expected = [
    ["daily/2025-12-04.json", 24, 24, 14, 6],
    ["daily/2026-03-13.json", 4, 4, 0, 0],
    ["daily/2026-08-22.json", 26, 26, 4, 3],
    ["weekly/2025-W49.json", 186, 162, 85, 13],
    ["monthly/2026-03.json", 604, 419, 218, 49],
  ] as const;

  test.each(expected)("file %s", async (file, entries, distinct, withAuthors, withoutText) => {
    const parsed = await parseScrape(file);
    expect(parsed.format).toBe("hf-scraped-daily");
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records).toHaveLength(entries);
    expect(new Set(parsed.records.map((record) => record.arxivId)).size).toBe(distinct);
    expect(parsed.records.filter((record) => record.extra?.authorsShown !== undefined)).toHaveLength(withAuthors);
    expect(parsed.records.filter((record) => record.abstract === null && record.extra?.pageText === undefined)).toHaveLength(withoutText);
  });
});

describe("hfScrapedDailyParser on a daily file", async () => {
  const parsed = await parseScrape("daily/2025-12-04.json");

  test("dates the digest by its file name", () => {
    expect(parsed.digestDate).toBe("2025-12-04");
    expect(parsed.digestDateSource).toBe("file name");
    for (const record of parsed.records) expect(record.listedOn, record.location).toBe("2025-12-04");
  });

  test("reads a paper without authors", () => {
    expect(parsed.records[0]).toEqual({
      location: "index 0",
      arxivId: "2511.21631",
      title: "Qwen3-VL Technical Report",
      abstract: null,
      authors: null,
      authorsCount: null,
      publishedOn: { date: "2025-11-01", precision: "month" },
      listedOn: "2025-12-04",
      upvotes: null,
      comments: null,
      codeUrl: null,
      links: [],
      projectPage: null,
      aiKeywords: null,
      extra: { scrapedAt: "2025-12-04T21:17:47.069463" },
    });
  });

  test("keeps shown names out of authors", () => {
    const taco = parsed.records[1]!;
    expect(taco).toMatchObject({
      location: "index 1",
      arxivId: "2512.02834",
      title: "Steering Vision-Language-Action Models as Anti-Exploration: A Test-Time Scaling Approach",
      authors: null,
      authorsCount: null,
      upvotes: null,
      codeUrl: "https://github.com/breez3young/TACO",
    });
    expect(taco.extra).toEqual({
      authorsShown: ["Xiu Li", "Ling Pan", "Siyuan Yang", "haoranhe", "breezeyoung"],
      githubStars: 7,
      githubLinks: ["https://github.com/breez3young/TACO"],
      scrapedAt: "2025-12-04T21:17:49.192535",
    });
  });

  test("reads null page text", () => {
    const withoutText = parsed.records.filter((record) => record.abstract === null && record.extra?.pageText === undefined);
    expect(withoutText.map((record) => record.location)).toHaveLength(6);
    expect(withoutText.map((record) => record.title)).toContain("Qwen3-VL Technical Report");
  });
});

describe("hfScrapedDailyParser page text", async () => {
  const monthly = await parseScrape("monthly/2026-03.json");

  test("keeps a long abstract", () => {
    const [qwenCoder] = withId(monthly.records, "2603.00729");
    expect(qwenCoder!.location).toBe("index 126");
    expect(qwenCoder!.abstract?.startsWith("We present Qwen3-Coder-Next, an open-weight langua")).toBe(true);
    expect(qwenCoder!.extra?.pageText).toBeUndefined();
  });

  test("moves a short comment to extra", () => {
    const [dllm] = withId(monthly.records, "2602.22661");
    expect(dllm!.abstract).toBeNull();
    expect(dllm!.extra?.pageText).toBe("https://github.com/ZHZisZZ/dllm");
  });

  test("moves a Librarian Bot message", () => {
    const senCache = withId(monthly.records, "2602.24208").find((record) => record.location === "index 69")!;
    expect(senCache.abstract).toBeNull();
    expect(String(senCache.extra?.pageText)).toMatch(/^This is an automated message from the Librarian Bot/u);
    expect(senCache.codeUrl).toBe("https://github.com/vita-epfl/SenCache");
  });

  test("drops text equal to the title", async () => {
    const daily = await parseScrape("daily/2025-12-04.json");
    const qwen = daily.records[0]!;
    expect(qwen.abstract).toBeNull();
    expect(qwen.extra?.pageText).toBeUndefined();
  });
});

describe("hfScrapedDailyParser stars", async () => {
  const monthly = await parseScrape("monthly/2026-03.json");

  test("reads an abbreviated star count", () => {
    const [qwenCoder] = withId(monthly.records, "2603.00729");
    expect(qwenCoder!.extra?.githubStars).toBe(15_900);
    expect(qwenCoder!.upvotes).toBeNull();
    expect(qwenCoder!.codeUrl).toBe("https://github.com/QwenLM/Qwen3-Coder");
  });

  test("omits zero stars without a repository", () => {
    const withoutCode = monthly.records.filter((record) => record.codeUrl === null);
    for (const record of withoutCode) expect(record.extra?.githubStars, record.location).toBeUndefined();
  });

  test("never sets upvotes", () => {
    for (const record of monthly.records) expect(record.upvotes, record.location).toBeNull();
  });
});

describe("hfScrapedDailyParser GitHub links", () => {
  test("skips a pull request link", async () => {
    const weekly = await parseScrape("weekly/2025-W49.json");
    const armThinker = weekly.records[3]!;
    expect(armThinker.arxivId).toBe("2512.05111");
    expect(armThinker.codeUrl).toBe("https://github.com/InternLM/ARM-Thinker");
    expect(armThinker.extra?.githubLinks).toEqual(["https://github.com/open-compass/VLMEvalKit/pull/1334", "https://github.com/InternLM/ARM-Thinker"]);
  });

  test("skips the Hugging Face organization link", async () => {
    const daily = await parseScrape("daily/2026-08-22.json");
    const envHarness = daily.records[0]!;
    expect(envHarness.arxivId).toBe("2608.19880");
    expect(envHarness.codeUrl).toBe("https://github.com/google-research/envharness");
    expect(envHarness.extra?.githubStars).toBe(66);
  });
});

describe("hfScrapedDailyParser on weekly and monthly files", () => {
  test("has no digest date", async () => {
    for (const file of ["weekly/2025-W49.json", "monthly/2026-03.json"]) {
      const parsed = await parseScrape(file);
      expect(parsed.digestDate, file).toBeNull();
      expect(parsed.digestDateSource, file).toBeNull();
    }
  });

  test("lists week 49 from December 8", async () => {
    const weekly = await parseScrape("weekly/2025-W49.json");
    const days = [...new Set(weekly.records.map((record) => record.listedOn))].sort();
    expect(days).toEqual(["2025-12-08", "2025-12-09", "2025-12-10", "2025-12-11", "2025-12-12", "2025-12-13", "2025-12-14"]);
  });

  test("emits each repeated entry", async () => {
    const weekly = await parseScrape("weekly/2025-W49.json");
    const repeats = withId(weekly.records, "2512.10430");
    expect(repeats.map((record) => [record.location, record.listedOn])).toEqual([
      ["index 137", "2025-12-13"],
      ["index 161", "2025-12-14"],
    ]);
  });

  test("reads the largest star count", async () => {
    const weekly = await parseScrape("weekly/2025-W49.json");
    const deepCode = weekly.records[100]!;
    expect(deepCode).toMatchObject({ arxivId: "2512.07921", listedOn: "2025-12-11", authors: null, codeUrl: "https://github.com/HKUDS/DeepCode" });
    expect(deepCode.extra?.githubStars).toBe(11_800);
    expect(deepCode.extra?.authorsShown).toEqual(["Chao Huang", "Xubin Ren", "Zirui Guo", "Zhonghang Li", "Zongwei Li"]);
  });
});

describe("hfScrapedDailyParser detect", () => {
  test("matches only the scraper's files", async () => {
    const matched: string[] = [];
    for (const file of [...listFiles(REAL_DATA), ...listFiles(SAMPLES)]) {
      const source = new DigestSource(file);
      if (hfScrapedDailyParser.detect(await source.head(), source.fileName)) matched.push(path.relative(SCRAPES, file));
    }
    expect(matched.sort()).toEqual(["daily/2025-12-04.json", "daily/2026-03-13.json", "daily/2026-08-22.json", "monthly/2026-03.json", "weekly/2025-W49.json"].map((file) => path.join(...file.split("/"))));
  });
});

describe("hfScrapedDailyParser bad input", () => {
  const card = (fields: Record<string, unknown> = {}, details: Record<string, unknown> = {}) => ({
    title: "A paper",
    paper_url: "https://huggingface.co/papers/2512.00001",
    authors: [],
    stars: "0",
    details: {
      title: "A paper",
      abstract: null,
      arxiv_page_url: "https://arxiv.org/abs/2512.00001",
      pdf_url: "https://arxiv.org/pdf/2512.00001",
      github_links: [],
      metadata: {},
      page_url: "https://huggingface.co/papers/2512.00001",
      scraped_at: "2025-12-04T21:00:00",
      ...details,
    },
    scraped_date: "2025-12-04",
    ...fields,
  });
  const parse = (cards: unknown[]) => parseText(hfScrapedDailyParser, JSON.stringify(cards, null, 2), "2025-12-04.json");

  test("rejects bad cards and keeps good", async () => {
    const parsed = await parse([card(), card({ stars: "many" }), card({ scraped_date: "2025-02-30" }), card({ title: null }), card({ title: "  " }), card({ stars: "1,204" })]);
    expect(parsed.records.map((record) => record.location)).toEqual(["index 0", "index 5"]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["index 1", "invalid count"],
      ["index 2", "invalid date"],
      ["index 3", "invalid record shape"],
      ["index 4", "missing title"],
    ]);
    expect(parsed.rejects[0]!.detail).toBe('stars "many" is not a count such as "7" or "1.92k"');
  });

  test("reads a count with separators", async () => {
    const parsed = await parse([card({ stars: "1,204" }, { github_links: ["https://github.com/owner/repo/tree/main/src"] })]);
    expect(parsed.records[0]!.extra?.githubStars).toBe(1204);
    expect(parsed.records[0]!.codeUrl).toBe("https://github.com/owner/repo");
  });

  test("keeps a differing page title", async () => {
    const parsed = await parse([card({}, { title: "A paper, revised" })]);
    expect(parsed.records[0]!.extra?.pageTitle).toBe("A paper, revised");
  });

  test("loads a card without an arXiv link", async () => {
    const parsed = await parse([{ title: "A paper", authors: ["Ada"], scraped_date: "2025-12-04" }]);
    expect(parsed.records[0]).toMatchObject({ arxivId: null, publishedOn: null, listedOn: "2025-12-04", extra: { authorsShown: ["Ada"] } });
  });

  test("raises on a JSON object", async () => {
    await expect(parseText(hfScrapedDailyParser, "{}", "2025-12-04.json")).rejects.toThrow(DigestParseError);
  });
});
