import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import type { DigestParser } from "../../src/formats/digestParser";
import { DigestParseError } from "../../src/formats/digestParser";
import { paperAbstractsCsvParser } from "../../src/formats/parsers/paperAbstractsCsv";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, SAMPLES } from "../sharedData";

const EXPORT = path.join(REAL_DATA, "ml-papers-of-the-week-dair", "research", "ml-potw-10232023.csv");
const HEADER = "Title,Description,PaperURL,TweetURL,Abstract";

/** Returns the files under the real data and the samples that `parser` claims, relative to their folder. */
async function detectedFiles(parser: DigestParser): Promise<string[]> {
  const roots = [REAL_DATA, SAMPLES];
  const claimed: string[] = [];
  for (const root of roots) {
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).map((file) => path.join(root, file));
    for (const file of files.filter((candidate) => statSync(candidate).isFile()).sort()) {
      const source = new DigestSource(file);
      if (parser.detect(await source.head(), source.fileName)) claimed.push(path.relative(root, file));
    }
  }
  return claimed;
}

describe("paperAbstractsCsvParser on the DAIR.AI export", async () => {
  const parsed = await parseFile(paperAbstractsCsvParser, EXPORT);
  const byTitle = (title: string) => parsed.records.find((record) => record.title === title)!;

  test("reads all 420 rows", () => {
    expect(parsed.format).toBe("paper-abstracts-csv");
    expect(parsed.records).toHaveLength(420);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records.filter((record) => record.arxivId !== null)).toHaveLength(387);
    expect(new Set(parsed.records.map((record) => record.arxivId).filter((id) => id !== null)).size).toBe(386);
  });

  test("dates the digest by file name", () => {
    expect(parsed.digestDate).toBe("2023-10-23");
    expect(parsed.digestDateSource).toBe("file name");
    expect(parsed.records.every((record) => record.listedOn === null)).toBe(true);
  });

  test("reads the first row exactly", () => {
    const paper = parsed.records[0]!;
    expect(paper).toMatchObject({
      location: "line 2",
      arxivId: "2310.10631",
      title: "Llemma",
      authors: null,
      publishedOn: { date: "2023-10-01", precision: "month" },
      listedOn: null,
      upvotes: null,
      codeUrl: null,
      links: [],
    });
    expect(paper.abstract!.startsWith("We present Llemma, a large language model for mathematics.")).toBe(true);
    expect(paper.extra).toEqual({
      description:
        "an LLM for mathematics which is based on continued pretraining from Code Llama on the Proof-Pile-2 dataset; the dataset involves scientific paper, web data containing mathematics, and mathematical code; Llemma outperforms open base models and the unreleased Minerva on the MATH benchmark; the model is released, including dataset and code to replicate experiments.",
      tweetUrl: "https://x.com/zhangir_azerbay/status/1714098025956864031?s=20",
    });
  });

  test("keeps short names as titles", () => {
    expect(byTitle("Self-RAG").arxivId).toBe("2310.11511");
  });

  test("keeps rows without arXiv URL", () => {
    expect(byTitle("GenBench")).toMatchObject({ location: "line 6", arxivId: null, abstract: null, publishedOn: null });
    expect(byTitle("GenBench").extra!.paperUrl).toBe(
      "https://www.nature.com/articles/s42256-023-00729-y?utm_source=twitter&utm_medium=organic_social&utm_campaign=research&utm_content=link",
    );
    expect(byTitle("SeamlessM4T").codeUrl).toBe("https://github.com/facebookresearch/seamless_communication");
  });

  test("loads rows with empty abstracts", () => {
    const empty = parsed.records.filter((record) => record.abstract === null).map((record) => record.title);
    expect(empty).toEqual([
      "GenBench",
      "The Reversal Curse",
      "Claude 2",
      "LLM explains neurons in LLMs",
      "Google AI Research Recap (2022 Edition)",
      "Superposition, Memorization, and Double Descent",
    ]);
  });

  test("joins abstracts that span lines", () => {
    const survey = byTitle("LLM Alignment Survey");
    expect(survey.location).toBe("line 38");
    expect(survey.abstract).not.toContain("\n");
    expect(parsed.records.at(-1)!.location).toBe("line 458");
  });

  test("detects only the export", async () => {
    expect(await detectedFiles(paperAbstractsCsvParser)).toEqual(["ml-papers-of-the-week-dair/research/ml-potw-10232023.csv"]);
  });
});

describe("paperAbstractsCsvParser on synthetic text", () => {
  test("rejects bad rows and keeps good ones", async () => {
    const text = [
      HEADER,
      "Good,does things,https://arxiv.org/abs/2301.00001,https://x.com/a/status/1,An abstract.",
      "Short,row,https://arxiv.org/abs/2301.00002",
      ",no title,https://arxiv.org/abs/2301.00003,,",
      'Last,"quoted, with comma",https://arxiv.org/pdf/2301.00004v2,,"Line one',
      'line two."',
    ].join("\n");
    const parsed = await parseText(paperAbstractsCsvParser, text, "papers.csv");
    expect(parsed.records.map((record) => [record.location, record.title, record.arxivId, record.abstract])).toEqual([
      ["line 2", "Good", "2301.00001", "An abstract."],
      ["line 5", "Last", "2301.00004", "Line one line two."],
    ]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["line 3", "wrong cell count"],
      ["line 4", "missing title"],
    ]);
  });

  test("rejects an unterminated quoted field", async () => {
    const parsed = await parseText(paperAbstractsCsvParser, `${HEADER}\nA,b,https://arxiv.org/abs/2301.00001,,"never closed`, "papers.csv");
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects).toEqual([
      { location: "line 2", reason: "unterminated quoted field", detail: "quoted field starting on line 2 is never closed", raw: null },
    ]);
  });

  test("uses the as-of date without a dated name", async () => {
    const parsed = await parseText(paperAbstractsCsvParser, `${HEADER}\n`, "papers.csv", "2023-11-01");
    expect(parsed.digestDate).toBe("2023-11-01");
    expect(parsed.digestDateSource).toBe("as-of");
  });

  test("raises on another header", async () => {
    await expect(parseText(paperAbstractsCsvParser, "date,title,url\n", "papers.csv")).rejects.toThrow(DigestParseError);
  });
});
