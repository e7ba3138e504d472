import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { DigestParser } from "../../src/formats/digestParser";
import { DigestParseError } from "../../src/formats/digestParser";
import { awesomeListMarkdownParser } from "../../src/formats/parsers/awesomeListMarkdown";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, SAMPLES } from "../sharedData";

const README = path.join(REAL_DATA, "awesome-rlhf-opendilab", "README.md");

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

describe("awesomeListMarkdownParser on awesome-RLHF", async () => {
  const parsed = await parseFile(awesomeListMarkdownParser, README);
  const byLine = (line: number) => parsed.records.find((record) => record.location === `line ${line}`)!;

  test("reads all 124 entries", () => {
    expect(parsed.format).toBe("awesome-list-markdown");
    expect(parsed.records).toHaveLength(124);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.digestDate).toBeNull();
    expect(parsed.digestDateSource).toBeNull();
    expect(parsed.records.filter((record) => record.arxivId !== null)).toHaveLength(112);
    expect(new Set(parsed.records.map((record) => record.arxivId).filter((id) => id !== null)).size).toBe(111);
  });

  test("counts entries per year section", () => {
    // The line of each "### …" heading in the README, last first.
    const sections: [string, number][] = [
      ["2020 and before", 627],
      ["2021", 604],
      ["2022", 543],
      ["2023", 370],
      ["2024", 157],
      ["2025", 85],
    ];
    const counts: Record<string, number> = {};
    for (const record of parsed.records) {
      const line = Number(record.location.split(" ")[1]);
      const [section] = sections.find(([, headingLine]) => line > headingLine)!;
      counts[section] = (counts[section] ?? 0) + 1;
    }
    expect(counts).toEqual({ "2025": 16, "2024": 44, "2023": 38, "2022": 14, "2021": 5, "2020 and before": 7 });
  });

  test("reads an entry exactly", () => {
    expect(byLine(91)).toEqual({
      location: "line 91",
      arxivId: "2510.26202",
      title: "What's In My Human Feedback? Learning Interpretable Descriptions of Preference Data",
      abstract: null,
      authors: ["Rajiv Movva", "Smitha Milli", "Sewon Min", "Emma Pierson"],
      authorsCount: 4,
      publishedOn: { date: "2025-10-01", precision: "month" },
      listedOn: null,
      upvotes: null,
      comments: null,
      codeUrl: "https://github.com/rmovva/wimhf",
      links: [{ url: "https://github.com/rmovva/wimhf", kind: "code", host: "github.com" }],
      projectPage: null,
      aiKeywords: null,
      extra: {
        keywords: ["Sparse Autoencoders", "Interpretable Data Curation", "Reward Hacking", "Feature Attribution"],
        code: [{ label: "Official", url: "https://github.com/rmovva/wimhf" }],
      },
    });
  });

  test("keeps the year of a non-arXiv entry", () => {
    const paper = byLine(100);
    expect(paper).toMatchObject({
      arxivId: null,
      title: "OpenRLHF: A Ray-based Easy-to-use, Scalable and High-performance RLHF Framework",
      publishedOn: { date: "2025-01-01", precision: "year" },
      codeUrl: "https://github.com/OpenRLHF/OpenRLHF",
    });
    expect(paper.authors).toHaveLength(14);
    expect(paper.extra!.paperUrl).toBe("https://aclanthology.org/2025.emnlp-demos.48/");
    expect(parsed.records.filter((record) => record.publishedOn?.precision === "year")).toHaveLength(12);
  });

  test("gives the oldest group no year", () => {
    const paper = byLine(659);
    expect(paper).toMatchObject({ arxivId: "1701.06049", publishedOn: { date: "2017-01-01", precision: "month" } });
    expect(paper.extra!.yearGroup).toBe("2020 and before");
    expect(parsed.records.filter((record) => record.extra?.yearGroup === "2020 and before")).toHaveLength(7);
  });

  test("drops and before the last author", () => {
    expect(byLine(109).authors).toEqual([
      "Shashank Gupta",
      "Chaitanya Ahuja",
      "Tsung-Yu Lin",
      "Sreya Dutta Roy",
      "Harrie Oosterhuis",
      "Maarten de Rijke",
      "Satya Narayan Shukla",
    ]);
    expect(byLine(475).authors?.at(-1)).toBe("Houfeng Wang");
  });

  test("keeps et al. lists out of authors", () => {
    const paper = byLine(605);
    expect(paper.authors).toBeNull();
    expect(paper.authorsCount).toBeNull();
    expect(paper.extra).toMatchObject({ authorsShown: ["Reiichiro Nakano", "Jacob Hilton", "Suchir Balaji"], shortName: "WebGPT" });
    expect(parsed.records.filter((record) => record.extra?.authorsShown !== undefined)).toHaveLength(9);
  });

  test("keeps an organization out of authors", () => {
    const paper = byLine(538);
    expect(paper.authors).toBeNull();
    expect(paper.extra).toMatchObject({ authorsShown: ["Anthropic"], datasets: [{ name: "BBQ", url: "https://github.com/nyu-mll/BBQ" }] });
  });

  test("skips empty code links", () => {
    const paper = byLine(216);
    expect(paper.codeUrl).toBeNull();
    expect(paper.extra).not.toHaveProperty("code");
  });

  test("keeps third-party code in extra", () => {
    const paper = byLine(649);
    expect(paper.codeUrl).toBeNull();
    expect(paper.extra).toMatchObject({ code: [{ label: "third party", url: "https://github.com/bharadwaj1098/Tamer" }], environments: ["Atari"] });
  });

  test("reads Keywords and fullwidth commas", () => {
    expect(byLine(351).extra!.keywords).toEqual(["RLHF", "Parameter Efficient method", "Low Computational Cost", "LLM", "VLM"]);
    expect(byLine(605).extra!.keywords).toEqual(["Model search the web and provide reference", "Imitation learning", "BC", "long form question"]);
  });

  test("ignores the template and other sections", () => {
    expect(parsed.records.map((record) => record.title)).not.toContain("title");
    expect(parsed.records.some((record) => record.title === "OpenRLHF")).toBe(false);
  });

  test("detects only the README", async () => {
    expect(await detectedFiles(awesomeListMarkdownParser)).toEqual(["awesome-rlhf-opendilab/README.md"]);
  });
});

describe("awesomeListMarkdownParser on synthetic text", () => {
  test("rejects bad entries and keeps good ones", async () => {
    const text = [
      "# List",
      "  - Keyword: none",
      "### 2024",
      "- [Good](https://arxiv.org/abs/2401.00001)",
      "  - Ada Lovelace and Alan Turing",
      "  - Keyword: A, B",
      "  - Venue: ICML 2024",
      "  - a second plain line",
      "- [Broken link(https://arxiv.org/abs/2401.00002)",
      "stray text",
      "- [](https://arxiv.org/abs/2401.00003)",
      "## Codebases",
      "- [Not a paper](https://github.com/a/b)",
    ].join("\n");
    const parsed = await parseText(awesomeListMarkdownParser, text, "README.md");
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]).toMatchObject({
      location: "line 4",
      arxivId: "2401.00001",
      authors: ["Ada Lovelace", "Alan Turing"],
      publishedOn: { date: "2024-01-01", precision: "month" },
      extra: { keywords: ["A", "B"], venue: "ICML 2024", notes: ["a second plain line"] },
    });
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["line 9", "invalid entry"],
      ["line 10", "unrecognized line"],
      ["line 11", "missing title"],
    ]);
  });

  test("raises without year sections", async () => {
    await expect(parseText(awesomeListMarkdownParser, "# List\n- [A](https://x)\n", "README.md")).rejects.toThrow(DigestParseError);
  });
});

describe("awesomeListMarkdownParser on a long entry line", () => {
  test("rejects 49,000 unclosed links in bounded time", async () => {
    // The entry pattern used to rescan the rest of the line from every `](`: about 8 s for 80,000 characters.
    const text = `### 2025\n\n- [A](https://arxiv.org/abs/2501.00001)\n  - Keyword: RLHF\n- [${"](".repeat(49_000)}\n`;
    const started = performance.now();
    const parsed = await parseText(awesomeListMarkdownParser, text, "README.md");
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(parsed.records.map((record) => record.arxivId)).toEqual(["2501.00001"]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([["line 5", "invalid entry"]]);
  });
});
