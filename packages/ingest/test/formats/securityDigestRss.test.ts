import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { DigestParser } from "../../src/formats/digestParser";
import { DigestParseError } from "../../src/formats/digestParser";
import { securityDigestRssParser } from "../../src/formats/parsers/securityDigestRss";
import { readRssItems, type RssItemText } from "../../src/formats/parsers/securityDigestRssItems";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, SAMPLES } from "../sharedData";

const FEEDS = path.join(REAL_DATA, "ai-security-digest-rss");
const JUNE_FEED = path.join(FEEDS, "2025-06-03_66474cc", "rss.xml");
const NOVEMBER_FEED = path.join(FEEDS, "2025-11-19_7f6d2ef", "rss.xml");

/** Returns the files under the real data and the samples that `parser` claims, relative to their folder. */
async function detectedFiles(parser: DigestParser): Promise<string[]> {
  const claimed: string[] = [];
  for (const root of [REAL_DATA, SAMPLES]) {
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).map((file) => path.join(root, file));
    for (const file of files.filter((candidate) => statSync(candidate).isFile()).sort()) {
      const source = new DigestSource(file);
      if (parser.detect(await source.head(), source.fileName)) claimed.push(path.relative(root, file));
    }
  }
  return claimed;
}

function countBy<T>(values: T[], key: (value: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[key(value)] = (counts[key(value)] ?? 0) + 1;
  return counts;
}

function feed(items: string[], channel = "<title>AI Security Paper Digest</title><lastBuildDate>Wed, 19 Nov 2025 01:29:26 +0000</lastBuildDate>"): string {
  return `<?xml version='1.0' encoding='UTF-8'?>\n<rss version="2.0"><channel>${channel}${items.map((item) => `<item>${item}</item>`).join("")}</channel></rss>`;
}

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function collect(items: AsyncIterable<RssItemText>): Promise<RssItemText[]> {
  const result: RssItemText[] = [];
  for await (const item of items) result.push(item);
  return result;
}

describe("securityDigestRssParser on the June 2025 feed", async () => {
  const parsed = await parseFile(securityDigestRssParser, JUNE_FEED);

  test("reads all 486 items", () => {
    expect(parsed.format).toBe("security-digest-rss");
    expect(parsed.records).toHaveLength(486);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records.filter((record) => record.arxivId !== null)).toHaveLength(485);
    expect(new Set(parsed.records.map((record) => record.arxivId).filter((id) => id !== null)).size).toBe(485);
  });

  test("dates the digest by lastBuildDate", () => {
    expect(parsed.digestDate).toBe("2025-06-03");
    expect(parsed.digestDateSource).toBe("feed");
    expect(countBy(parsed.records, (record) => record.listedOn!)).toEqual({ "2025-06-03": 485, "2025-12-01": 1 });
  });

  test("reads a plain-text summary", () => {
    expect(parsed.records[0]).toMatchObject({
      location: "item 1",
      arxivId: "2411.18289",
      title: "Don't Let Your Robot be Harmful: Responsible Robotic Manipulation via Safety-as-Policy",
      abstract: null,
      authors: null,
      publishedOn: { date: "2024-11-01", precision: "month" },
      listedOn: "2025-06-03",
      codeUrl: null,
    });
    expect(parsed.records[0]!.extra).toEqual({
      summary: [
        "Introduces 'responsible robotic manipulation' to ensure robots consider safety hazards when executing human instructions.",
        "Proposes a 'Safety-as-policy' approach combining a world model for scenario generation and a mental model for safety cognition.",
        "Presents the SafeBox synthetic dataset for benchmarking responsible robotic manipulation in various safety risk scenarios.",
        "Demonstrates that the proposed method outperforms baselines in avoiding risks and completing tasks safely in both synthetic and real-world settings.",
      ],
    });
  });

  test("keeps an OpenAlex item", () => {
    const item = parsed.records.at(-1)!;
    expect(item).toMatchObject({ location: "item 486", arxivId: null, publishedOn: null, listedOn: "2025-12-01" });
    expect(item.title).toBe("An improved three factor authentication protocol for wireless body area networks");
    expect(item.extra!.paperUrl).toBe("https://openalex.org/W4399770462");
  });

  test("decodes entities in titles once", () => {
    const titles = parsed.records.map((record) => record.title);
    expect(titles).toContain("Analysis of LLM Bias (Chinese Propaganda & Anti-US Sentiment) in DeepSeek-R1 vs. ChatGPT o3-mini-high");
  });
});

describe("securityDigestRssParser on the November 2025 feed", async () => {
  const parsed = await parseFile(securityDigestRssParser, NOVEMBER_FEED);

  test("reads all 274 items", () => {
    expect(parsed.records).toHaveLength(274);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.digestDate).toBe("2025-11-19");
    expect(countBy(parsed.records, (record) => record.listedOn!)).toEqual({ "2025-11-19": 147, "2025-11-18": 127 });
  });

  test("emits repeated links each time", () => {
    const ids = parsed.records.map((record) => record.arxivId);
    expect(ids.every((id) => id !== null)).toBe(true);
    expect(new Set(ids).size).toBe(244);
    expect(parsed.records.filter((record) => record.arxivId === "2511.07947").map((record) => record.location)).toEqual(["item 1", "item 143"]);
  });

  test("reads the HTML sections exactly", () => {
    const paper = parsed.records[0]!;
    expect(paper).toMatchObject({
      arxivId: "2511.07947",
      title: "Class-feature Watermark: A Resilient Black-box Watermark Against Model Extraction Attacks",
      authors: ["Yaxin Xiao", "Qingqing Ye", "Zi Liang", "Haoyang Li", "RongHua Li", "Huadi Zheng", "Haibo Hu"],
      authorsCount: 7,
      publishedOn: { date: "2025-11-01", precision: "month" },
      listedOn: "2025-11-19",
    });
    expect(paper.extra).toEqual({
      summary: [
        "Identifies a new watermark removal attack (WRK) that circumvents representation-entanglement defenses by exploiting decision-boundary artifacts to degrade watermark detection in extracted models.",
        "Proposes Class-Feature Watermarks (CFW), which embed class-level artifacts using a synthetic out-of-domain class to remove vulnerable decision boundaries and improve post-extraction stability.",
        "Evaluates across multiple domains and benchmarks, showing WRK reduces prior watermark success by ≥88.79% while CFW maintains ≥70.15% success under combined MEA+WRK distortion and preserves model utility.",
      ],
      paperType: "Research",
      tags: ["model-extraction", "watermarking", "watermark-removal", "IP-protection", "adversarial-attacks"],
    });
  });

  test("decodes LaTeX in author names", () => {
    expect(parsed.records[1]!.authors).toEqual([
      "Uğurcan Akyüz",
      "Deniz Katircioglu-Öztürk",
      "Emre K. Süslü",
      "Burhan Keleş",
      "Mete C. Kaya",
      "Gamze Durhan",
      "Meltem G. Akpınar",
      "Figen B. Demirkazık",
      "Gözde B. Akar",
    ]);
    const names = parsed.records.flatMap((record) => record.authors ?? []);
    expect(names.filter((name) => /[\\{}]/u.test(name))).toEqual([]);
  });

  test("reads every paper type", () => {
    expect(countBy(parsed.records, (record) => record.extra!.paperType as string)).toEqual({
      Research: 244,
      Benchmarking: 26,
      Survey: 2,
      Position: 1,
      "Survey/Review": 1,
    });
  });

  test("detects only the two feeds", async () => {
    expect(await detectedFiles(securityDigestRssParser)).toEqual([
      "ai-security-digest-rss/2025-06-03_66474cc/rss.xml",
      "ai-security-digest-rss/2025-11-19_7f6d2ef/rss.xml",
    ]);
  });
});

describe("securityDigestRssParser on synthetic feeds", () => {
  const description = (authors: string) =>
    `&lt;h3&gt;Summary&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Does Q&amp;A.&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Additional Information&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Authors: ${authors}&lt;/li&gt;&lt;li&gt;Note: kept&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Venue&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;ICML&lt;/li&gt;&lt;/ul&gt;`;
  const item = (title: string, id: string, pubDate: string, authors = "['Ada Lovelace']") =>
    `<title>${title}</title><link>https://arxiv.org/abs/${id}</link><description>${description(authors)}</description><pubDate>${pubDate}</pubDate>`;

  test("rejects bad items and keeps good ones", async () => {
    const text = feed([
      item("Good &amp; Bold", "2511.00001", "Wed, 19 Nov 2025 00:00:00 +0000", `["Jos\\\\'e Garc\\\\'ia", 'Bo']`),
      item("Bad date", "2511.00002", "19 Novembre 2025"),
      item("Bad authors", "2511.00003", "Wed, 19 Nov 2025 00:00:00 +0000", "['unterminated"),
      item("", "2511.00004", "Wed, 19 Nov 2025 00:00:00 +0000"),
      "<title><![CDATA[A <b>CDATA</b> title]]></title><link>https://arxiv.org/abs/2511.00005</link>",
    ]);
    const parsed = await parseText(securityDigestRssParser, text, "rss.xml");
    expect(parsed.records.map((record) => [record.location, record.title, record.arxivId])).toEqual([
      ["item 1", "Good & Bold", "2511.00001"],
      ["item 5", "A <b>CDATA</b> title", "2511.00005"],
    ]);
    expect(parsed.records[0]!.authors).toEqual(["José García", "Bo"]);
    expect(parsed.records[0]!.extra).toEqual({ summary: ["Does Q&A."], additionalInformation: ["Note: kept"], otherSections: { Venue: ["ICML"] } });
    expect(parsed.records[1]!.listedOn).toBeNull();
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["item 2", "invalid date"],
      ["item 3", "invalid author list"],
      ["item 4", "missing title"],
    ]);
  });

  test("uses as-of without lastBuildDate", async () => {
    const parsed = await parseText(securityDigestRssParser, feed([], "<title>AI Security Paper Digest</title>"), "rss.xml", "2025-11-20");
    expect(parsed.digestDate).toBe("2025-11-20");
    expect(parsed.digestDateSource).toBe("as-of");
    expect(parsed.records).toEqual([]);
  });

  test("raises on text without a channel", async () => {
    await expect(parseText(securityDigestRssParser, "<html><body>no feed</body></html>", "rss.xml")).rejects.toThrow(DigestParseError);
  });

  test("reads a summary of 100,000 unclosed tags in bounded time", async () => {
    // Each `<` used to rescan the rest of the summary for its `>`: about 8 s for this summary on a shared two-core machine.
    const summary = `&lt;h3&gt;Summary&lt;/h3&gt;${"&lt;".repeat(100_000)}`;
    const started = performance.now();
    const parsed = await parseText(securityDigestRssParser, feed([`<title>T</title><description>${summary}</description>`]), "rss.xml");
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]!.extra).toEqual({ summary: ["<".repeat(100_000)] });
  });
});

describe("readRssItems", () => {
  test("finds items split across chunks", async () => {
    const text = feed(["<title>A</title>", "<title>B</title>"]);
    for (const size of [1, 3, 7, 64]) {
      const items = await collect(readRssItems(chunksOf(text, size)));
      expect(items, `chunk size ${size}`).toEqual([
        { number: 1, xml: "<title>A</title>" },
        { number: 2, xml: "<title>B</title>" },
      ]);
    }
  });

  test("skips an item that is too long", async () => {
    const text = feed([`<title>${"x".repeat(500)}</title>`, "<title>B</title>"]);
    const items = await collect(readRssItems(chunksOf(text, 50), 100));
    expect(items.map((item) => ("xml" in item ? item.xml : item.reason))).toEqual(["item too long", "<title>B</title>"]);
  });

  test("reports a truncated item", async () => {
    const items = await collect(readRssItems(chunksOf("<rss><channel><item><title>A</title><item><title>B", 5)));
    expect(items).toEqual([
      { number: 1, reason: "truncated item", detail: "the feed ends inside this item, before </item>", rawStart: "<title>A</title><item><title>B" },
    ]);
  });
});
