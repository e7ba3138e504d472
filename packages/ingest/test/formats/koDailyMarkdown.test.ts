import path from "node:path";
import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { koDailyMarkdownParser } from "../../src/formats/parsers/koDailyMarkdown";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA } from "../sharedData";

// CC BY-NC-ND 4.0 data: read in place, never copied into the repository.
const PAPER_LOGS = path.join(REAL_DATA, "daily-papers-ko-lyohai", "paper_logs");

function parseDay(day: string) {
  return parseFile(koDailyMarkdownParser, path.join(PAPER_LOGS, `${day.replaceAll("-", "/")}.md`));
}

describe("koDailyMarkdownParser on real days", () => {
  test.each([
    ["2023-12-13", 16],
    ["2024-01-03", 11],
    ["2024-06-18", 29],
    ["2025-04-01", 50],
  ])("reads every paper of %s", async (day, count) => {
    const parsed = await parseDay(day);
    expect(parsed.format).toBe("ko-daily-markdown");
    expect(parsed.digestDate).toBe(day);
    expect(parsed.digestDateSource).toBe("heading");
    expect(parsed.records).toHaveLength(count);
    expect(parsed.rejects).toEqual([]);
    expect(new Set(parsed.records.map((record) => record.arxivId)).size).toBe(count);
    for (const record of parsed.records) {
      expect(record.listedOn).toBe(day);
      expect(record.upvotes).not.toBeNull();
      expect(record.extra?.summary).toBeTruthy();
    }
  });
});

describe("koDailyMarkdownParser on 2024-06-18", async () => {
  const parsed = await parseDay("2024-06-18");

  test("reads the first paper exactly", () => {
    const paper = parsed.records[0]!;
    expect(paper.location).toBe("line 3");
    expect(paper.arxivId).toBe("2406.11833");
    expect(paper.title).toBe("MMDU: A Multi-Turn Multi-Image Dialog Understanding Benchmark and Instruction-Tuning Dataset for LVLMs");
    expect(paper.upvotes).toBe(56);
    expect(paper.authorsCount).toBe(11);
    expect(paper.authors?.[0]).toBe("Zijian Liang");
    expect(paper.authors?.[10]).toBe("Dahua Lin");
    expect(paper.publishedOn).toEqual({ date: "2024-06-01", precision: "month" });
    expect(paper.listedOn).toBe("2024-06-18");
    expect(paper.abstract).toBeNull();
    expect(paper.codeUrl).toBeNull();
    expect(paper.extra?.thumbnailUrl).toBe("https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.11833.png");
  });

  test("joins the summary bullets", () => {
    const summary = parsed.records[0]!.extra!.summary as string;
    const bullets = summary.split("\n");
    expect(bullets).toHaveLength(3);
    expect(bullets[0]).toMatch(/^- \*\*What's New\*\*: MMDU는 다중 이미지와 다중 턴 대화를/u);
    expect(bullets[1]).toMatch(/^- \*\*Technical Details\*\*: /u);
    expect(bullets[2]).toMatch(/^- \*\*Performance Highlights\*\*: .*InternLM-XC2의 성능이 14\.5% 향상됨을 확인했습니다\.$/u);
  });

  test("keeps an elided author list partial", () => {
    const paper = parsed.records.find((record) => record.arxivId === "2406.11794")!;
    expect(paper.location).toBe("line 15");
    expect(paper.authors).toBeNull();
    expect(paper.authorsCount).toBeNull();
    const authorsShown = paper.extra!.authorsShown as string[];
    expect(authorsShown).toHaveLength(22);
    expect(authorsShown).not.toContain("+");
    expect(authorsShown.slice(14, 16)).toEqual(["Suchin Gururangan", "Saurabh Garg"]);
    expect(paper.extra!.authorsElidedAfter).toBe(15);
  });

  test("keeps a LaTeX title as written", () => {
    const paper = parsed.records.find((record) => record.arxivId === "2406.11430")!;
    expect(paper.title).toBe("A Simple and Effective $L_2$ Norm-Based Strategy for KV Cache Compression");
  });
});

describe("koDailyMarkdownParser on older days", () => {
  test("keeps a video instead of a thumbnail", async () => {
    const paper = (await parseDay("2023-12-13")).records.find((record) => record.arxivId === "2312.07409")!;
    expect(paper.location).toBe("line 32");
    expect(paper.upvotes).toBe(11);
    expect(paper.authors).toEqual(["Kaiwen Zhang", "Yifan Zhou", "Xudong Xu", "Xingang Pan", "Bo Dai"]);
    expect(paper.extra?.videoUrl).toBe("https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/pPBftW9u_SvGH1HLzFDu-.mp4");
    expect(paper.extra?.thumbnailUrl).toBeUndefined();
    expect(paper.extra?.summary).not.toContain("video");
  });

  test("finds code links in plain bullets", async () => {
    const parsed = await parseDay("2023-12-13");
    const withCode = parsed.records.filter((record) => record.codeUrl !== null).map((record) => [record.arxivId, record.codeUrl]);
    expect(withCode).toEqual([
      ["2312.07000", "https://github.com/GAIR-NLP/alignment-for-honesty"],
      ["2312.07532", "https://github.com/UX-Decoder/FIND"],
      ["2312.06742", "https://github.com/kakaobrain/honeybee"],
      ["2312.07424", "https://github.com/jameszhou-gl/gpt-4v-distribution-shift"],
    ]);
  });

  test("reads a zero vote count", async () => {
    const paper = (await parseDay("2025-04-01")).records.at(-1)!;
    expect(paper.arxivId).toBe("2503.22668");
    expect(paper.title).toBe("Understanding Co-speech Gestures in-the-wild");
    expect(paper.upvotes).toBe(0);
    expect(paper.authors).toEqual(["Taein Kwon", "K R Prajwal", "Andrew Zisserman", "Sindhu B Hegde"]);
  });
});

describe("koDailyMarkdownParser rejects", () => {
  const paper = (title: string, id: string, vote: string) =>
    [`### [${title}](https://arxiv.org/abs/${id})`, "", `![](https://example.org/${id}.png)`, "", `Vote: ${vote}`, "", "Authors: Ada Lovelace, Kurt G\\\"odel", "", "- 요약입니다.", ""].join("\n");

  test("stores a bad vote count and keeps the rest", async () => {
    const text = ["## Daily Papers (2024-06-18)", "", paper("Good", "2406.00001", "3"), paper("Bad", "2406.00002", "many"), paper("Also good", "2406.00003", "0")].join("\n");
    const parsed = await parseText(koDailyMarkdownParser, text, "18.md");
    expect(parsed.records.map((record) => [record.location, record.arxivId, record.upvotes])).toEqual([
      ["line 3", "2406.00001", 3],
      ["line 23", "2406.00003", 0],
    ]);
    expect(parsed.rejects).toHaveLength(1);
    expect(parsed.rejects[0]).toMatchObject({ location: "line 17", reason: "invalid vote count", detail: '"Vote: many" is not a whole number (paper at line 13)' });
    expect(parsed.records[0]!.authors).toEqual(["Ada Lovelace", "Kurt Gödel"]);
  });

  test("stores text outside a paper", async () => {
    const text = ["# 논문 모음", "intro text", "## Daily Papers (2024-06-18)", "", paper("Good", "2406.00001", "3")].join("\n");
    const parsed = await parseText(koDailyMarkdownParser, text, "18.md");
    expect(parsed.records).toHaveLength(1);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason, reject.raw])).toEqual([["line 1", "text outside a paper", "# 논문 모음\nintro text"]]);
    expect(parsed.rejects[0]!.detail).toBe("2 lines of text that follow no paper heading");
  });

  test("stores a heading cut before its link closes", async () => {
    const text = ["## Daily Papers (2024-06-18)", "", paper("Good", "2406.00001", "3"), "### [Cut paper](https://arxiv.org/abs/2406.000"].join("\n");
    const parsed = await parseText(koDailyMarkdownParser, text, "18.md");
    expect(parsed.records.map((record) => record.arxivId)).toEqual(["2406.00001"]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason, reject.detail])).toEqual([
      ["line 13", "invalid heading", '"### [Cut paper](https://arxiv.org/abs/2406.000" opens a "### [Title](url)" heading but does not close it'],
    ]);
  });

  test("stores an invalid day heading", async () => {
    const text = ["## Daily Papers (2024-02-30)", "", paper("Good", "2402.00001", "3")].join("\n");
    const parsed = await parseText(koDailyMarkdownParser, text, "30.md");
    expect(parsed.digestDate).toBeNull();
    expect(parsed.digestDateSource).toBeNull();
    expect(parsed.records[0]!.listedOn).toBeNull();
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([["line 1", "invalid date"]]);
  });

  test("raises without any paper", async () => {
    await expect(parseText(koDailyMarkdownParser, "## Daily Papers (2024-06-18)\n\nNothing today.\n", "18.md")).rejects.toThrow(DigestParseError);
  });
});

describe("koDailyMarkdownParser detect", () => {
  test("needs the day and a paper heading", () => {
    const paperHeading = "### [A paper](https://arxiv.org/abs/2406.00001)";
    expect(koDailyMarkdownParser.detect(`## Daily Papers (2024-06-18)\n\n${paperHeading}\n`, "18.md")).toBe(true);
    expect(koDailyMarkdownParser.detect(`## Papers for 2024-06-18\n\n${paperHeading}\n`, "18.md")).toBe(false);
    expect(koDailyMarkdownParser.detect("## Daily Papers (2024-06-18)\n\n| Title | Authors |\n", "18.md")).toBe(false);
  });
});

describe("koDailyMarkdownParser on a long heading", () => {
  test("rejects 49,000 unclosed links in bounded time", async () => {
    // The heading pattern used to rescan the rest of the line from every `](`: about 8 s for 80,000 characters.
    const text = `## Daily Papers (2024-06-18)\n### [${"](".repeat(49_000)}\n`;
    const started = performance.now();
    const parsed = await parseText(koDailyMarkdownParser, text, "18.md");
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([["line 2", "invalid heading"]]);
  });
});
