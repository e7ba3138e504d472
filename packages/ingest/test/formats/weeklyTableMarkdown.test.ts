import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { DigestParser } from "../../src/formats/digestParser";
import { DigestParseError } from "../../src/formats/digestParser";
import { weeklyTableMarkdownParser } from "../../src/formats/parsers/weeklyTableMarkdown";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, readText, SAMPLES } from "../sharedData";

const README = path.join(REAL_DATA, "ml-papers-of-the-week-dair", "README.md");

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

describe("weeklyTableMarkdownParser on the DAIR.AI README", async () => {
  const parsed = await parseFile(weeklyTableMarkdownParser, README);
  const byLine = (line: number) => parsed.records.find((record) => record.location === `line ${line}`)!;

  test("reads all 1300 rows", () => {
    expect(parsed.format).toBe("weekly-table-markdown");
    expect(parsed.records).toHaveLength(1300);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.digestDate).toBe("2025-06-29");
    expect(parsed.digestDateSource).toBe("heading");
  });

  test("counts papers and arXiv ids per year", () => {
    expect(countBy(parsed.records, (record) => record.listedOn!.slice(0, 4))).toEqual({ "2023": 520, "2024": 520, "2025": 260 });
    const withId = parsed.records.filter((record) => record.arxivId !== null);
    expect(countBy(withId, (record) => record.listedOn!.slice(0, 4))).toEqual({ "2023": 466, "2024": 425, "2025": 210 });
    expect(new Set(withId.map((record) => record.arxivId)).size).toBe(1098);
  });

  test("reads a 2025 row exactly", () => {
    const paper = byLine(157);
    expect(paper).toMatchObject({
      arxivId: "2506.17298",
      title: "Ultra-Fast Diffusion-based Language Models",
      abstract: null,
      authors: null,
      publishedOn: { date: "2025-06-01", precision: "month" },
      listedOn: "2025-06-29",
      upvotes: null,
      codeUrl: null,
    });
    expect(paper.extra).toMatchObject({ rank: 1, week: "2025-06-23/2025-06-29", tweetUrl: "https://x.com/omarsar0/status/1937600372430045494" });
    const description = paper.extra!.description as string;
    expect(description.startsWith("This paper introduces Mercury, a family of large-scale diffusion-based language models")).toBe(true);
    expect(description.split("\n")[1]).toBe(
      "● Mercury uses a Transformer-based architecture adapted for diffusion-based generation, enabling it to retain compatibility with existing LLM infrastructure.",
    );
  });

  test("reads a 2023 bold row exactly", () => {
    expect(byLine(2132)).toMatchObject({
      arxivId: "2301.00704",
      title: "Muse: Text-To-Image Generation via Masked Generative Transformers",
      publishedOn: { date: "2023-01-01", precision: "month" },
      listedOn: "2023-01-08",
      codeUrl: "https://github.com/lucidrains/muse-maskgit-pytorch",
      extra: {
        rank: 1,
        description:
          "introduces Muse, a new text-to-image generation model based on masked generative transformers; significantly more efficient than other diffusion models like Imagen and DALLE-2.",
        week: "2023-01-01/2023-01-08",
        tweetUrl: "https://twitter.com/dair_ai/status/1612153095772938241?s=20&t=ChwZWzSmoRlZKnD54fsV6w",
        otherLinks: [
          { text: "Project", url: "https://muse-model.github.io/" },
          { text: "Code", url: "https://github.com/lucidrains/muse-maskgit-pytorch" },
        ],
      },
    });
  });

  test("splits a title at two spaces", () => {
    expect(byLine(171).title).toBe("RAG+");
    expect((byLine(171).extra!.description as string).startsWith("Introduces RAG+, a modular framework")).toBe(true);
  });

  test("splits a plain title at a dash", () => {
    expect(byLine(479).title).toBe("Self-Adaptive LLMs");
    expect((byLine(479).extra!.description as string).startsWith("introduces Transformer^2")).toBe(true);
  });

  test("splits a title without a separator", () => {
    expect(byLine(215).title).toBe("An Operating System for Memory-Augmented Generation in LLMs");
    expect((byLine(215).extra!.description as string).startsWith("Introduces a unified operating system")).toBe(true);
    expect(byLine(216).title).toBe("Building Production-Grade Conversational Agents with Workflow Graphs");
    expect((byLine(216).extra!.description as string).startsWith("This paper presents a pragmatic")).toBe(true);
  });

  test("reads a bold title opened by *8", () => {
    expect(byLine(1332).title).toBe("RankZephyr");
    expect(byLine(1332).arxivId).toBe("2312.02724");
  });

  test("reads a bold title without description", () => {
    const paper = byLine(1884);
    expect(paper.title).toBe("Architectures of Topological Deep Learning: A Survey on Topological Neural Networks");
    expect(paper.extra).not.toHaveProperty("description");
  });

  test("keeps a row without arXiv link", () => {
    const paper = byLine(900);
    expect(paper).toMatchObject({ arxivId: null, title: "LLM Compiler", publishedOn: null, listedOn: "2024-06-30" });
    expect(paper.extra).toMatchObject({
      paperUrl: "https://ai.meta.com/research/publications/meta-large-language-model-compiler-foundation-models-of-compiler-optimization",
      tweetUrl: "https://x.com/AIatMeta/status/1806361623831171318",
    });
    expect(parsed.records.filter((record) => record.arxivId === null)).toHaveLength(199);
  });

  test("reads arXiv PDF and www links", () => {
    expect(byLine(884)).toMatchObject({ arxivId: "2406.18518", title: "APIGen" });
    expect(byLine(884).extra).not.toHaveProperty("paperUrl");
    expect(byLine(507)).toMatchObject({ arxivId: "2412.16241", title: "Agents Are Not Enough" });
  });

  test("dates a week across New Year", () => {
    expect(byLine(507).listedOn).toBe("2025-01-05");
    expect(byLine(507).extra!.week).toBe("2024-12-30/2025-01-05");
  });

  test("infers the year of 2023 headings", () => {
    // The table of contents lists the weeks of each year under a "## YYYY" heading.
    const lines = readText(README).split("\n");
    const contents2023 = lines.slice(lines.indexOf("## 2023") + 1, lines.indexOf("## 2023") + 60).filter((line) => line.startsWith("- [Top ML Papers"));
    const weeks2023 = new Set(parsed.records.filter((record) => record.listedOn!.startsWith("2023")).map((record) => record.extra!.week));
    expect(contents2023).toHaveLength(52);
    expect(weeks2023.size).toBe(52);
    expect(byLine(1280).extra!.week).toBe("2023-12-25/2023-12-31");
    expect(byLine(2141).extra!.week).toBe("2023-01-01/2023-01-08");
  });

  test("skips the table of contents", () => {
    const firstLine = Math.min(...parsed.records.map((record) => Number(record.location.split(" ")[1])));
    expect(firstLine).toBe(157);
  });

  test("detects only the README", async () => {
    expect(await detectedFiles(weeklyTableMarkdownParser)).toEqual(["ml-papers-of-the-week-dair/README.md"]);
  });
});

describe("weeklyTableMarkdownParser on synthetic text", () => {
  const header = "| **Paper**  | **Links** |\n| ------------- | ------------- |";

  test("rejects bad rows and keeps good ones", async () => {
    const text = [
      "## Top ML Papers of the Week (June 2 - June 8) - 2025",
      header,
      "| 1) **Good Paper** - does things | [Paper](https://arxiv.org/abs/2506.00001), [Tweet](https://x.com/a/status/1) |",
      "| 2) NoSeparatorHere | [Paper](https://arxiv.org/abs/2506.00002) |",
      "| stray cell | [Paper](https://arxiv.org/abs/2506.00003) |",
      "| 4) Plain Title  Does other things. | [Paper](https://example.org/paper.pdf) |",
    ].join("\n");
    const parsed = await parseText(weeklyTableMarkdownParser, text, "README.md");
    expect(parsed.records.map((record) => [record.location, record.title, record.arxivId])).toEqual([
      ["line 4", "Good Paper", "2506.00001"],
      ["line 7", "Plain Title", null],
    ]);
    expect(parsed.records[1]!.extra).toMatchObject({ paperUrl: "https://example.org/paper.pdf", description: "Does other things." });
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["line 5", "missing title separator"],
      ["line 6", "unnumbered row"],
    ]);
  });

  test("infers years from a later heading", async () => {
    const text = [
      "## Top ML Papers of the Week (January 8 - January 14) - 2024",
      header,
      "| 1) **A** - a | [Paper](https://arxiv.org/abs/2401.00001) |",
      "## Top ML Papers of the Week (Dec 25 - 31)",
      header,
      "| 1) **B** - b | [Paper](https://arxiv.org/abs/2312.00001) |",
      "## Top ML Papers of the Week (Dec 18-24)",
      header,
      "| 1) **C** - c | [Paper](https://arxiv.org/abs/2312.00002) |",
    ].join("\n");
    const parsed = await parseText(weeklyTableMarkdownParser, text, "README.md");
    expect(parsed.records.map((record) => record.listedOn)).toEqual(["2024-01-14", "2023-12-31", "2023-12-24"]);
    expect(parsed.digestDate).toBe("2024-01-14");
  });

  test("infers years from an earlier heading", async () => {
    const text = [
      "## Top ML Papers of the Week (Jan 2 - 8)",
      header,
      "| 1) **A** - a | [Paper](https://arxiv.org/abs/2401.00001) |",
      "## Top ML Papers of the Week (December 26 - January 1) - 2023",
      header,
      "| 1) **B** - b | [Paper](https://arxiv.org/abs/2312.00001) |",
    ].join("\n");
    const parsed = await parseText(weeklyTableMarkdownParser, text, "README.md");
    expect(parsed.records.map((record) => record.extra!.week)).toEqual(["2023-01-02/2023-01-08", "2022-12-26/2023-01-01"]);
  });

  test("keeps rows of an undated week", async () => {
    const text = ["## Top ML Papers of the Week (Jan 2 - 8)", header, "| 1) **A** - a | [Paper](https://arxiv.org/abs/2401.00001) |"].join("\n");
    const parsed = await parseText(weeklyTableMarkdownParser, text, "README.md");
    expect(parsed.digestDate).toBeNull();
    expect(parsed.records[0]).toMatchObject({ listedOn: null, extra: { weekHeading: "## Top ML Papers of the Week (Jan 2 - 8)" } });
  });

  test("raises without week headings", async () => {
    await expect(parseText(weeklyTableMarkdownParser, "# Papers\n\n| a | b |\n", "README.md")).rejects.toThrow(DigestParseError);
  });
});
