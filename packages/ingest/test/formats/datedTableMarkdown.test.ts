import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { DigestParser } from "../../src/formats/digestParser";
import { DigestParseError } from "../../src/formats/digestParser";
import { datedTableMarkdownParser } from "../../src/formats/parsers/datedTableMarkdown";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, SAMPLES } from "../sharedData";

const SUBTOPICS = path.join(REAL_DATA, "awesome-llm-safety-ydyjya", "subtopic");
const HEADER = "| Date  | Institute | Publication | Paper | Keywords |\n|:-----:|:---:|:---:|:---:|:---:|";

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

describe("datedTableMarkdownParser on Jailbreaks&Attack", async () => {
  const parsed = await parseFile(datedTableMarkdownParser, path.join(SUBTOPICS, "Jailbreaks&Attack.md"));
  const byLine = (line: number) => parsed.records.find((record) => record.location === `line ${line}`)!;

  test("reads all 1117 paper rows", () => {
    expect(parsed.format).toBe("dated-table-markdown");
    expect(parsed.records).toHaveLength(1117);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.digestDate).toBeNull();
    expect(parsed.records.filter((record) => record.arxivId !== null)).toHaveLength(1111);
    expect(new Set(parsed.records.map((record) => record.arxivId).filter((id) => id !== null)).size).toBe(1108);
  });

  test("counts rows per year", () => {
    expect(countBy(parsed.records, (record) => record.publishedOn!.date.slice(0, 4))).toEqual({
      "2020": 1,
      "2022": 1,
      "2023": 66,
      "2024": 318,
      "2025": 462,
      "2026": 269,
    });
    expect(parsed.records.every((record) => record.publishedOn!.precision === "month")).toBe(true);
  });

  test("reads a row exactly", () => {
    expect(byLine(1125)).toEqual({
      location: "line 1125",
      arxivId: "2605.15172",
      title: "MetaBackdoor: Exploiting Positional Encoding as a Backdoor Attack Surface in LLMs",
      abstract: null,
      authors: null,
      authorsCount: null,
      publishedOn: { date: "2026-05-01", precision: "month" },
      listedOn: null,
      upvotes: null,
      comments: null,
      codeUrl: null,
      links: [],
      projectPage: null,
      aiKeywords: null,
      extra: { institute: "Microsoft Azure", venue: "arxiv", keywords: ["Backdoor", "Positional Encoding", "LLM Security"] },
    });
  });

  test("keeps the YY.MM month over the arXiv month", () => {
    expect(byLine(728)).toMatchObject({ arxivId: "2509.23041", publishedOn: { date: "2025-10-01", precision: "month" } });
  });

  test("keeps a row linked outside arXiv", () => {
    expect(byLine(13)).toMatchObject({
      arxivId: null,
      title: "Extracting Training Data from Large Language Models",
      publishedOn: { date: "2020-12-01", precision: "month" },
      extra: { institute: "Google", venue: "USENIX Security 2021", paperUrl: "https://www.usenix.org/conference/usenixsecurity21/presentation/carlini-extracting" },
    });
  });

  test("keeps rows without a link", () => {
    expect(byLine(398)).toMatchObject({ arxivId: null, title: "Can Safety Fine-Tuning Be More Principled? Lessons Learned from Cybersecurity" });
    expect(byLine(959).arxivId).toBeNull();
    expect(byLine(959).extra).not.toHaveProperty("paperUrl");
  });

  test("repairs irregular keyword cells", () => {
    expect(byLine(31).extra!.keywords).toEqual(["Fine-tuning", "Safety Risks", "Adversarial Training"]);
    expect(byLine(45).extra!.keywords).toEqual(["Backdoor Activation Attack", "Large Language Models", "AI Safety", "Activation Steering", "Trojan Steering Vectors"]);
    expect(byLine(53).extra!.keywords).toEqual(["Vision Large Language Models", "Safety Evaluation", "Adversarial Robustness"]);
    expect(byLine(167).extra!.keywords).toEqual(["Linguistic Discrimination", "Jailbreak", "Defense"]);
  });

  test("omits an empty venue", () => {
    expect(byLine(80).extra).not.toHaveProperty("venue");
  });

  test("skips the tutorial and news tables", () => {
    expect(Math.max(...parsed.records.map((record) => Number(record.location.split(" ")[1])))).toBe(1129);
  });
});

describe("datedTableMarkdownParser on Defense&Mitigation", async () => {
  const parsed = await parseFile(datedTableMarkdownParser, path.join(SUBTOPICS, "Defense&Mitigation.md"));

  test("reads 870 rows and rejects one", () => {
    expect(parsed.records).toHaveLength(870);
    expect(parsed.records.filter((record) => record.arxivId !== null)).toHaveLength(867);
    expect(new Set(parsed.records.map((record) => record.arxivId).filter((id) => id !== null)).size).toBe(866);
  });

  test("rejects two merged rows", () => {
    expect(parsed.rejects).toHaveLength(1);
    expect(parsed.rejects[0]).toMatchObject({
      location: "line 452",
      reason: "wrong cell count",
      detail: "expected 5 cells (Date, Institute, Publication, Paper, Keywords), found 11",
    });
  });

  test("detects only the subtopic tables", async () => {
    expect(await detectedFiles(datedTableMarkdownParser)).toEqual([
      "awesome-llm-safety-ydyjya/subtopic/Defense&Mitigation.md",
      "awesome-llm-safety-ydyjya/subtopic/Jailbreaks&Attack.md",
    ]);
  });
});

describe("datedTableMarkdownParser on synthetic text", () => {
  test("rejects bad rows and keeps good ones", async () => {
    const text = [
      "# Subtopic",
      HEADER,
      "| 24.06 | MIT | ICML 2024 | [Good](https://arxiv.org/abs/2406.00001) | **A**&**B** |",
      "| 24.13 | MIT | arxiv | [Bad month](https://arxiv.org/abs/2406.00002) | **A** |",
      "| June | MIT | arxiv | [No date](https://arxiv.org/abs/2406.00003) | **A** |",
      "| 24.06 | MIT | arxiv | | **A** |",
      "| 24.06 | MIT | arxiv |",
      "",
      "| Date | Type | Title | URL |",
      "|:---:|:---:|:---:|:---:|",
      "| 23.10 | Tutorials | Not a paper | [link](https://x) |",
    ].join("\n");
    const parsed = await parseText(datedTableMarkdownParser, text, "Topic.md");
    expect(parsed.records.map((record) => [record.location, record.title, record.publishedOn])).toEqual([
      ["line 4", "Good", { date: "2024-06-01", precision: "month" }],
    ]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["line 5", "invalid date"],
      ["line 6", "invalid date"],
      ["line 7", "missing title"],
      ["line 8", "wrong cell count"],
    ]);
  });

  test("raises without the paper header", async () => {
    await expect(parseText(datedTableMarkdownParser, "| Date | Title |\n|---|---|\n| 23.01 | A |\n", "Topic.md")).rejects.toThrow(DigestParseError);
  });
});
