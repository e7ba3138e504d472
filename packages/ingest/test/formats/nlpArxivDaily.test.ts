import { readdirSync } from "node:fs";
import path from "node:path";
import type { PaperRecord } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { nlpArxivDailyParser } from "../../src/formats/parsers/nlpArxivDaily";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, SAMPLES } from "../sharedData";

const ARCHIVE = path.join(REAL_DATA, "nlp-arxiv-daily-monologg", "docs", "archive-web");

function parseMonth(month: string) {
  return parseFile(nlpArxivDailyParser, path.join(ARCHIVE, `${month}.json`));
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function inTopic(records: PaperRecord[], topic: string): PaperRecord[] {
  return records.filter((record) => record.extra?.sourceTopic === topic);
}

function atLocation(records: PaperRecord[], location: string): PaperRecord {
  const record = records.find((candidate) => candidate.location === location);
  if (!record) throw new Error(`no record at ${location}`);
  return record;
}

describe("nlpArxivDailyParser counts", () => {
  // Topic entries, distinct papers, and the entries of the Alignment and LLM Safety topics.
  const expected = [
    ["2023-06", 1363, 1091, 4, 91],
    ["2024-06", 3586, 2655, 39, 117],
    ["2025-06", 4895, 3627, 48, 156],
  ] as const;

  test.each(expected)("month %s", async (month, entries, distinct, alignment, safety) => {
    const parsed = await parseMonth(month);
    expect(parsed.format).toBe("nlp-arxiv-daily");
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records).toHaveLength(entries);
    expect(new Set(parsed.records.map((record) => record.arxivId)).size).toBe(distinct);
    expect(inTopic(parsed.records, "Alignment")).toHaveLength(alignment);
    expect(inTopic(parsed.records, "LLM Safety")).toHaveLength(safety);
    expect(new Set(parsed.records.map((record) => record.extra?.sourceTopic)).size).toBe(24);
  });
});

describe("nlpArxivDailyParser on 2025-06", async () => {
  const parsed = await parseMonth("2025-06");

  test("has no digest date or listing day", () => {
    expect(parsed.digestDate).toBeNull();
    expect(parsed.digestDateSource).toBeNull();
    expect(parsed.records.filter((record) => record.listedOn !== null)).toEqual([]);
  });

  test("reads an Alignment line exactly", () => {
    expect(atLocation(parsed.records, 'key "Alignment" key "2506.00415"')).toEqual({
      location: 'key "Alignment" key "2506.00415"',
      arxivId: "2506.00415",
      title: "Wide Reflective Equilibrium in LLM Alignment: Bridging Moral Epistemology and AI Safety",
      abstract: null,
      authors: null,
      authorsCount: null,
      publishedOn: { date: "2025-05-31", precision: "day" },
      listedOn: null,
      upvotes: null,
      comments: null,
      codeUrl: null,
      links: [],
      projectPage: null,
      aiKeywords: null,
      extra: { sourceTopic: "Alignment", firstAuthor: "Matthew Brophy", arxivVersion: 1 },
    });
  });

  test("reads a code link", () => {
    const safeTuneBed = atLocation(parsed.records, 'key "LLM Safety" key "2506.00676"');
    expect(safeTuneBed).toMatchObject({
      title: "SafeTuneBed: A Toolkit for Benchmarking LLM Safety Alignment in Fine-Tuning",
      publishedOn: { date: "2025-05-31", precision: "day" },
      codeUrl: "https://github.com/criticalml-uw/SafeTuneBed",
      extra: { sourceTopic: "LLM Safety", firstAuthor: "Saad Hossain", arxivVersion: 1 },
    });
  });

  test("reads a table row", () => {
    const procrustes = atLocation(parsed.records, 'key "NLP" key "2506.02818"');
    expect(procrustes).toMatchObject({
      arxivId: "2506.02818",
      title: "ProcrustesGPT: Compressing LLMs with Structured Matrices and Orthogonal Transformations",
      publishedOn: { date: "2025-06-03", precision: "day" },
      codeUrl: null,
      extra: { sourceTopic: "NLP", firstAuthor: "Ekaterina Grishina", arxivVersion: 1 },
    });
  });

  test("emits a paper once per topic", () => {
    const piCot = parsed.records.filter((record) => record.arxivId === "2506.20642");
    expect(piCot.map((record) => record.extra?.sourceTopic)).toEqual(["LLM", "RAG", "Reasoning", "Question Answering"]);
    for (const record of piCot.slice(0, 3)) expect(record.title).toBe("$π$-CoT: Prolog-Initialized Chain-of-Thought Prompting for Multi-Hop Question-Answering");
  });

  test("keeps an older title per topic", () => {
    // The table row names version 1, whose title differs from the one the lines give for version 2.
    const memento = atLocation(parsed.records, 'key "Question Answering" key "2506.20642"');
    expect(memento.title).toBe("Memento: Note-Taking for Your Future Self");
    expect(memento.extra).toEqual({ sourceTopic: "Question Answering", firstAuthor: "Chao Wan", arxivVersion: 1 });
  });

  test("keeps a date months before the id", () => {
    const modernization = atLocation(parsed.records, 'key "LLM" key "2506.10984"');
    expect(modernization.publishedOn).toEqual({ date: "2025-02-13", precision: "day" });
    expect(modernization.extra?.firstAuthor).toBe("Ahilan Ayyachamy Nadar Ponnusamy");
  });

  test("reads titles with asterisks", () => {
    const fasta = atLocation(parsed.records, 'key "LLM" key "2506.20911"');
    expect(fasta.title).toBe("FaSTA$^*$: Fast-Slow Toolpath Agent with Subroutine Mining for Efficient Multi-turn Image Editing");
    expect(fasta.extra?.firstAuthor).toBe("Advait Gupta");
  });
});

describe("nlpArxivDailyParser revision dates", async () => {
  const parsed = await parseMonth("2023-06");

  test("dates a revised table row by its id", () => {
    const scale = atLocation(parsed.records, 'key "Legal NLP" key "2306.09237"');
    expect(scale.publishedOn).toEqual({ date: "2023-06-01", precision: "month" });
    expect(scale.extra).toMatchObject({ revisedOn: "2023-09-01", arxivVersion: 2, firstAuthor: "Vishvaksenan Rasiah" });
  });

  test("dates a revised line by its day", () => {
    const line = atLocation(parsed.records, 'key "LLM" key "2306.00227"');
    expect(line.publishedOn).toEqual({ date: "2023-05-31", precision: "day" });
    expect(line.extra?.arxivVersion).toBe(2);
    expect(line.extra?.revisedOn).toBeUndefined();
  });

  test("reads a title with a star", async () => {
    const june2024 = await parseMonth("2024-06");
    const qStar = atLocation(june2024.records, 'key "LLM" key "2406.14283"');
    expect(qStar.title).toBe("Q*: Improving Multi-step Reasoning for LLMs with Deliberative Planning");
    expect(qStar.extra?.firstAuthor).toBe("Chaojie Wang");
  });
});

describe("nlpArxivDailyParser detect", () => {
  test("matches only the archive months", async () => {
    const matched: string[] = [];
    for (const file of [...listFiles(REAL_DATA), ...listFiles(SAMPLES)]) {
      const source = new DigestSource(file);
      if (nlpArxivDailyParser.detect(await source.head(), source.fileName)) matched.push(path.relative(ARCHIVE, file));
    }
    expect(matched.sort()).toEqual(["2023-06.json", "2024-06.json", "2025-06.json"]);
  });
});

describe("nlpArxivDailyParser bad input", () => {
  const line = (id: string, date = "2025-06-02", title = "A Paper") =>
    `- ${date}, **${title}**, Ada Lovelace et.al., Paper: [http://arxiv.org/abs/${id}v1](http://arxiv.org/abs/${id}v1)\n`;
  const parse = (topics: Record<string, unknown>) => parseText(nlpArxivDailyParser, JSON.stringify(topics), "2025-06.json");

  test("rejects bad lines and keeps good", async () => {
    const parsed = await parse({
      "LLM Safety": {
        "2506.00001": line("2506.00001"),
        "2506.00002": "Some text that is not an entry",
        "2506.00003": line("2506.00003", "2025-06-31"),
        "2506.00004": line("2506.00009"),
        "2506.00005": 42,
      },
      Alignment: { "2506.00006": line("2506.00006") },
      Empty: "nothing here",
    });
    expect(parsed.records.map((record) => record.location)).toEqual(['key "LLM Safety" key "2506.00001"', 'key "Alignment" key "2506.00006"']);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ['key "LLM Safety" key "2506.00002"', "unrecognized line"],
      ['key "LLM Safety" key "2506.00003"', "invalid date"],
      ['key "LLM Safety" key "2506.00004"', "arXiv id mismatch"],
      ['key "LLM Safety" key "2506.00005"', "invalid record shape"],
      ['key "Empty"', "invalid record shape"],
    ]);
    expect(parsed.rejects[1]!.detail).toBe('"2025-06-31" is not a calendar date as YYYY-MM-DD');
  });

  test("reads a trailing comment", async () => {
    const parsed = await parse({ LLM: { "2506.00001": line("2506.00001").replace("\n", ", Accepted at ACL 2025\n") } });
    expect(parsed.records[0]!.extra).toEqual({ sourceTopic: "LLM", firstAuthor: "Ada Lovelace", arxivVersion: 1, comment: "Accepted at ACL 2025" });
  });

  test("decodes LaTeX in the first author", async () => {
    const parsed = await parse({ LLM: { "2506.00001": line("2506.00001").replace("Ada Lovelace", 'Kurt G\\"odel') } });
    expect(parsed.records[0]!.extra?.firstAuthor).toBe("Kurt Gödel");
  });

  test("reads a structured record", async () => {
    const parsed = await parse({
      Alignment: {
        "2606.00001": {
          date: "2026-06-01",
          title: "A Structured Paper",
          authors: ["Ada Lovelace", "Charles Babbage"],
          url: "http://arxiv.org/abs/2606.00001v2",
          code: "https://github.com/owner/repo",
          abstract: "An abstract.",
          categories: ["cs.CL"],
        },
        "2606.00002": { date: "2026-06-02", title: "A Solo Paper", authors: ["Ada Lovelace"], url: "http://arxiv.org/abs/2606.00002v1" },
      },
    });
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records[0]).toMatchObject({
      arxivId: "2606.00001",
      authors: ["Ada Lovelace", "Charles Babbage"],
      abstract: "An abstract.",
      publishedOn: { date: "2026-06-01", precision: "day" },
      codeUrl: "https://github.com/owner/repo",
      extra: { sourceTopic: "Alignment", arxivVersion: 2, categories: ["cs.CL"] },
    });
    expect(parsed.records[1]).toMatchObject({ authors: null, extra: { firstAuthor: "Ada Lovelace" } });
  });

  test("raises on a JSON array", async () => {
    await expect(parseText(nlpArxivDailyParser, "[]", "2025-06.json")).rejects.toThrow(DigestParseError);
  });
});

describe("nlpArxivDailyParser on a long line", () => {
  test("rejects a line of 300,000 title ends in bounded time", async () => {
    // The author part used to scan to the line's end from every `**, `: about 30 s for this line.
    const line = `- 2024-06-20, **${"**, ".repeat(300_000)}`;
    const started = performance.now();
    const parsed = await parseText(nlpArxivDailyParser, JSON.stringify({ LLM: { "2406.01234": line } }), "2024-06.json");
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([['key "LLM" key "2406.01234"', "unrecognized line"]]);
  });
});
