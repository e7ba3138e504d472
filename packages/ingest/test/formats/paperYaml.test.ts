import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { paperYamlParser } from "../../src/formats/parsers/paperYaml";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA } from "../sharedData";

const ARCHIVE = path.join(REAL_DATA, "hf-daily-paper-newsletter-deepdiver", "archive", "103");

function parsePaper(fileName: string) {
  return parseFile(paperYamlParser, path.join(ARCHIVE, fileName));
}

describe("paperYamlParser on archive 103", async () => {
  const files = readdirSync(ARCHIVE).filter((file) => file.endsWith(".yaml"));
  const parsedFiles = await Promise.all(files.map(async (file) => ({ file, parsed: await parsePaper(file) })));
  const records = parsedFiles.flatMap(({ parsed }) => parsed.records);

  test("reads one paper per file", () => {
    expect(files).toHaveLength(27);
    for (const { file, parsed } of parsedFiles) {
      expect(parsed.format, file).toBe("paper-yaml");
      expect(parsed.records, file).toHaveLength(1);
      expect(parsed.rejects, file).toEqual([]);
    }
    expect(new Set(records.map((record) => record.arxivId)).size).toBe(27);
  });

  test("dates every paper 2024-06-18", () => {
    for (const { file, parsed } of parsedFiles) {
      expect(parsed.digestDate, file).toBe("2024-06-18");
      expect(parsed.digestDateSource, file).toBe("wrapper date");
      expect(parsed.records[0]!.listedOn, file).toBe("2024-06-18");
    }
  });

  test("keeps partial fields in extra", () => {
    for (const record of records) {
      expect(record.authors).toBeNull();
      expect(record.abstract).toBeNull();
      expect(typeof record.extra?.firstAuthor).toBe("string");
      expect(record.extra?.summaryTruncated).toBe(true);
      expect(record.extra?.tags).toEqual(["ML"]);
      expect(record.extra).not.toHaveProperty("opinion");
      expect(record.extra).not.toHaveProperty("thumbnailUrl");
    }
  });

  test("reads a paper exactly", async () => {
    const parsed = await parsePaper("2024-06-18+A+Simple+and+Effective+%24L_2%24+Norm-Based+Strategy+for+KV+Cache+Compression.yaml");
    expect(parsed.records[0]).toEqual({
      location: "file",
      arxivId: "2406.11430",
      title: "A Simple and Effective $L_2$ Norm-Based Strategy for KV Cache Compression",
      abstract: null,
      authors: null,
      authorsCount: null,
      publishedOn: { date: "2024-06-01", precision: "month" },
      listedOn: "2024-06-18",
      upvotes: null,
      comments: null,
      codeUrl: null,
      links: [],
      projectPage: null,
      aiKeywords: null,
      extra: {
        firstAuthor: "Alessio Devoto",
        summary:
          "A new method for reducing the size of the KV cache in large language models is introduced. It uses the L2 norm of key embeddings to determine which KV pairs to keep and which to remove. This method can reduce the KV cache size by 50% on language modelling and needle-in-a-haystack tasks and 90% on passkey retrieval tasks without losing accuracy....",
        summaryTruncated: true,
        tags: ["ML"],
      },
    });
  });

  test("reads a quoted title", async () => {
    const parsed = await parsePaper("2024-06-18+WPO%3A+Enhancing+RLHF+with+Weighted+Preference+Optimization.yaml");
    const paper = parsed.records[0]!;
    expect(paper.title).toBe("WPO: Enhancing RLHF with Weighted Preference Optimization");
    expect(paper.arxivId).toBe("2406.11827");
    expect(paper.extra?.firstAuthor).toBe("Wenxuan Zhou");
    expect((paper.extra?.summary as string).endsWith("leading to suboptimal optimization. In this paper,...")).toBe(true);
  });
});

describe("paperYamlParser fields", () => {
  const paper = (fields: Record<string, string>) =>
    Object.entries({
      date: '"2024-06-18"',
      author: "Ada Lovelace",
      title: "A paper",
      thumbnail: '""',
      link: "https://huggingface.co/papers/2406.00001",
      summary: "Short text...",
      opinion: "placeholder",
      tags: "\n    - ML\n    - NLP",
      ...fields,
    })
      .map(([key, value]) => `${key}: ${value}`)
      .join("\n");

  test("reads the older date form", async () => {
    const parsed = await parseText(paperYamlParser, paper({ date: "2024-06-18 00:00" }), "paper.yaml");
    expect(parsed.digestDate).toBe("2024-06-18");
    expect(parsed.records[0]!.listedOn).toBe("2024-06-18");
  });

  test("falls back to the file name", async () => {
    const text = paper({}).replace(/^date: .*\n/u, "");
    const parsed = await parseText(paperYamlParser, text, "2024-06-19+A+paper.yaml");
    expect(parsed.digestDate).toBe("2024-06-19");
    expect(parsed.digestDateSource).toBe("file name");
    expect(parsed.records[0]!.listedOn).toBe("2024-06-19");
  });

  test("keeps a real opinion", async () => {
    const parsed = await parseText(paperYamlParser, paper({ opinion: "Worth reading.", thumbnail: "https://example.org/t.png", extra_note: "kept" }), "paper.yaml");
    expect(parsed.records[0]!.extra).toEqual({
      firstAuthor: "Ada Lovelace",
      summary: "Short text...",
      summaryTruncated: true,
      opinion: "Worth reading.",
      tags: ["ML", "NLP"],
      thumbnailUrl: "https://example.org/t.png",
      otherFields: { extra_note: "kept" },
    });
  });

  test("decodes LaTeX in the author", async () => {
    const parsed = await parseText(paperYamlParser, paper({ author: "'Kurt G\\\"odel'" }), "paper.yaml");
    expect(parsed.records[0]!.extra?.firstAuthor).toBe("Kurt Gödel");
  });
});

describe("paperYamlParser rejects", () => {
  test("rejects invalid YAML", async () => {
    const parsed = await parseText(paperYamlParser, 'title: "unclosed\nlink: x\n', "2024-06-18+x.yaml");
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects).toHaveLength(1);
    expect(parsed.rejects[0]).toMatchObject({ location: "file", reason: "invalid YAML", raw: 'title: "unclosed\nlink: x\n' });
    expect(parsed.digestDate).toBe("2024-06-18");
  });

  test("rejects a missing title", async () => {
    const parsed = await parseText(paperYamlParser, 'date: "2024-06-18"\nlink: https://huggingface.co/papers/2406.00001\n', "paper.yaml");
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([["file", "missing title"]]);
  });

  test("rejects an invalid date", async () => {
    const parsed = await parseText(paperYamlParser, 'date: "2024-06-31"\ntitle: A paper\n', "paper.yaml");
    expect(parsed.rejects).toEqual([
      {
        location: "file",
        reason: "invalid date",
        detail: 'date "2024-06-31" is not a calendar day as YYYY-MM-DD or YYYY-MM-DD HH:MM',
        raw: 'date: "2024-06-31"\ntitle: A paper\n',
      },
    ]);
  });

  test("rejects a list at the root", async () => {
    const parsed = await parseText(paperYamlParser, "- title: A paper\n", "paper.yaml");
    expect(parsed.rejects.map((reject) => reject.reason)).toEqual(["invalid record shape"]);
  });

  test("rejects nesting that exhausts the YAML parser's stack", async () => {
    const text = `date: 2007-04-01\n${"date: *a{date: ".repeat(2_000)}\ntitle: a\n`;
    const parsed = await parseText(paperYamlParser, text, "paper.yaml");
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects).toHaveLength(1);
    expect(parsed.rejects[0]).toMatchObject({ location: "file", reason: "invalid YAML" });
    expect(parsed.rejects[0]!.detail).toBe("the YAML nests collections too deeply to read (Maximum call stack size exceeded)");
  });

  test("rejects a line of stray brackets in bounded time", async () => {
    // yaml's pretty errors added line context to each of the 100,000 errors: about 30 s before they were turned off.
    const text = `date: 2024-06-18\ntitle: "a"\n${"}".repeat(99_000)}\n`;
    const started = performance.now();
    const parsed = await parseText(paperYamlParser, text, "paper.yaml");
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(parsed.rejects.map((reject) => [reject.reason, reject.detail])).toEqual([["invalid YAML", 'Unexpected flow-map-end token in YAML stream: "}" at line 3, column 1']]);
  });

  test("rejects a file over the limit", async () => {
    const text = `title: A paper\nsummary: ${"x".repeat(100_001)}\n`;
    const parsed = await parseText(paperYamlParser, text, "paper.yaml");
    expect(parsed.rejects).toEqual([
      { location: "file", reason: "record too large", detail: "the file is longer than 100000 characters, but a paper file is about one kilobyte", raw: null },
    ]);
  });
});

describe("paperYamlParser detect", () => {
  test("needs the paper fields", () => {
    const head = 'date: "2024-06-18"\nauthor: A\ntitle: T\nlink: https://huggingface.co/papers/2406.00001\nsummary: S\n';
    expect(paperYamlParser.detect(head, "x.yaml")).toBe(true);
    expect(paperYamlParser.detect(head.replace("huggingface.co/papers", "example.org"), "x.yaml")).toBe(false);
    expect(paperYamlParser.detect(head.replace("summary: S\n", ""), "x.yaml")).toBe(false);
    expect(paperYamlParser.detect("## Papers for 2024-06-18\n| Title | Authors | Summary |\n", "x.md")).toBe(false);
  });
});
