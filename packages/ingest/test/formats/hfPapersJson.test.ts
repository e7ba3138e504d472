import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { hfPapersJsonParser } from "../../src/formats/parsers/hfPapersJson";
import { DigestSource } from "../../src/source/DigestSource";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA, SAMPLES } from "../sharedData";

const PAPERS = path.join(REAL_DATA, "hf-papers-scrapper-mwoedlinger", "papers.json");

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("hfPapersJsonParser on papers.json", async () => {
  const parsed = await parseFile(hfPapersJsonParser, PAPERS);

  test("reads all 753 papers", () => {
    expect(parsed.format).toBe("hf-papers-json");
    expect(parsed.records).toHaveLength(753);
    expect(parsed.rejects).toEqual([]);
    expect(new Set(parsed.records.map((record) => record.arxivId)).size).toBe(753);
  });

  test("has no digest date or listing day", () => {
    expect(parsed.digestDate).toBeNull();
    expect(parsed.digestDateSource).toBeNull();
    expect(parsed.records.filter((record) => record.listedOn !== null)).toEqual([]);
  });

  test("reads the first paper exactly", () => {
    const first = parsed.records[0]!;
    expect(first.abstract?.startsWith("Language agents have shown impressive problem-solving skills within defined settings and brief timelines.")).toBe(true);
    expect(first).toEqual({
      location: 'key "2312.17653"',
      arxivId: "2312.17653",
      title: "LARP: Language-Agent Role Play for Open-World Games",
      abstract: first.abstract,
      authors: ["Ming Yan", "Ruihao Li", "Hao Zhang", "Hao Wang", "Zhilan Yang", "Ji Yan"],
      authorsCount: 6,
      publishedOn: { date: "2023-12-24", precision: "day" },
      listedOn: null,
      upvotes: 29,
      comments: null,
      codeUrl: null,
      links: [],
      projectPage: null,
      aiKeywords: null,
      extra: null,
    });
  });

  test("reads the last paper", () => {
    const last = parsed.records.at(-1)!;
    expect(last).toMatchObject({
      location: 'key "2404.04256"',
      arxivId: "2404.04256",
      title: "Sigma: Siamese Mamba Network for Multi-Modal Semantic Segmentation",
      authorsCount: 7,
      publishedOn: { date: "2024-04-05", precision: "day" },
      upvotes: 2,
      codeUrl: "https://github.com/zifuwan/Sigma",
    });
    expect(last.authors?.[0]).toBe("Zifu Wan");
    expect(last.authors?.[6]).toBe("Yaqi Xie");
  });

  test("collapses hard line wraps", () => {
    const flowVid = parsed.records.find((record) => record.arxivId === "2312.17681")!;
    expect(flowVid.title).toBe("FlowVid: Taming Imperfect Optical Flows for Consistent Video-to-Video Synthesis");
    for (const record of parsed.records) expect(record.abstract, record.location).not.toContain("\n");
  });

  test("dates a paper by its submission day", () => {
    // Submitted on 2023-12-31 UTC, so the day beats the January month of the id.
    const embeddings = parsed.records.find((record) => record.arxivId === "2401.00368")!;
    expect(embeddings.publishedOn).toEqual({ date: "2023-12-31", precision: "day" });
    for (const record of parsed.records) expect(record.publishedOn?.precision, record.location).toBe("day");
  });

  test("reads the largest upvote count", () => {
    const bitnet = parsed.records.find((record) => record.arxivId === "2402.17764")!;
    expect(bitnet.upvotes).toBe(553);
    expect(bitnet.authorsCount).toBe(10);
  });

  test("takes the code link from the abstract", () => {
    const spin = parsed.records.find((record) => record.arxivId === "2401.01335")!;
    expect(spin.codeUrl).toBe("https://github.com/uclaml/SPIN");
    expect(parsed.records.filter((record) => record.codeUrl !== null)).toHaveLength(126);
  });
});

describe("hfPapersJsonParser detect", () => {
  test("matches only papers.json", async () => {
    const matched: string[] = [];
    for (const file of [...listFiles(REAL_DATA), ...listFiles(SAMPLES)]) {
      const source = new DigestSource(file);
      if (hfPapersJsonParser.detect(await source.head(), source.fileName)) matched.push(path.relative(REAL_DATA, file));
    }
    expect(matched).toEqual([path.join("hf-papers-scrapper-mwoedlinger", "papers.json")]);
  });
});

describe("hfPapersJsonParser bad input", () => {
  const paper = (fields: Record<string, unknown> = {}) => ({
    url: "https://arxiv.org/abs/2401.00001",
    title: "A paper",
    authors: ["Ada Lovelace", "Charles Babbage"],
    abstract: "Line one\nline two.",
    publication_date: "2024-01-01T23:30:00Z",
    upvotes: 4,
    ...fields,
  });
  const parse = (papers: Record<string, unknown>, fileName = "papers.json") => parseText(hfPapersJsonParser, JSON.stringify(papers, null, 4), fileName);

  test("rejects bad papers and keeps good", async () => {
    const parsed = await parse({
      "2401.00001": paper(),
      "not-an-id": paper(),
      "2401.00003": paper({ title: 7 }),
      "2401.00004": paper({ publication_date: "yesterday" }),
      "2401.00005": paper({ upvotes: -1 }),
      "2401.00006": "a string",
      "2401.00007": paper({ publication_date: null, upvotes: null }),
    });
    expect(parsed.records.map((record) => record.arxivId)).toEqual(["2401.00001", "2401.00007"]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ['key "not-an-id"', "invalid arXiv id"],
      ['key "2401.00003"', "invalid record shape"],
      ['key "2401.00004"', "invalid date"],
      ['key "2401.00005"', "invalid field"],
      ['key "2401.00006"', "invalid record shape"],
    ]);
    expect(parsed.rejects[2]!.detail).toBe('publication_date "yesterday" is not an ISO 8601 timestamp');
  });

  test("falls back to the id month", async () => {
    const parsed = await parse({ "2401.00007": paper({ publication_date: null }) });
    expect(parsed.records[0]!.publishedOn).toEqual({ date: "2024-01-01", precision: "month" });
    expect(parsed.records[0]!.abstract).toBe("Line one line two.");
  });

  test("dates the digest by its file name", async () => {
    const parsed = await parse({ "2401.00001": paper() }, "papers-2024-04-08.json");
    expect(parsed.digestDate).toBe("2024-04-08");
    expect(parsed.digestDateSource).toBe("file name");
    expect(parsed.records[0]!.listedOn).toBeNull();
  });

  test("decodes LaTeX in author names", async () => {
    const parsed = await parse({ "2401.00001": paper({ authors: ['Kurt G\\"odel', "  "] }) });
    expect(parsed.records[0]!.authors).toEqual(["Kurt Gödel"]);
  });

  test("rejects a truncated file", async () => {
    const text = JSON.stringify({ "2401.00001": paper() }).slice(0, -1) + ', "2401.00002": {"title": "Cut';
    const parsed = await parseText(hfPapersJsonParser, text, "papers.json");
    expect(parsed.records.map((record) => record.arxivId)).toEqual(["2401.00001"]);
    expect(parsed.rejects.map((reject) => reject.reason)).toEqual(["truncated file"]);
  });

  test("raises on a JSON array", async () => {
    await expect(parseText(hfPapersJsonParser, "[]", "papers.json")).rejects.toThrow(DigestParseError);
  });
});
