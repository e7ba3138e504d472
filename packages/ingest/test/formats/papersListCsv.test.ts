import path from "node:path";
import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { papersListCsvParser } from "../../src/formats/parsers/papersListCsv";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA } from "../sharedData";

// CC BY-NC-ND 4.0 data: read in place, never copied into the repository.
const PAPERS_LIST = path.join(REAL_DATA, "daily-papers-ko-lyohai", "paper_logs", "papers_list.csv");

describe("papersListCsvParser on papers_list.csv", async () => {
  const parsed = await parseFile(papersListCsvParser, PAPERS_LIST);

  test("reads every row", () => {
    expect(parsed.format).toBe("papers-list-csv");
    expect(parsed.records).toHaveLength(5518);
    expect(parsed.rejects).toEqual([]);
    expect(new Set(parsed.records.map((record) => record.arxivId)).size).toBe(5517);
    expect(parsed.records.every((record) => record.arxivId !== null)).toBe(true);
  });

  test("has no digest date", () => {
    expect(parsed.digestDate).toBeNull();
    expect(parsed.digestDateSource).toBeNull();
  });

  test("reads the first row exactly", () => {
    expect(parsed.records[0]).toEqual({
      location: "line 2",
      arxivId: "2311.10122",
      title: "Video-LLaVA: Learning United Visual Representation by Alignment Before Projection",
      abstract: null,
      authors: null,
      authorsCount: null,
      publishedOn: { date: "2023-11-01", precision: "month" },
      listedOn: "2023-11-20",
      upvotes: null,
      comments: null,
      codeUrl: null,
      links: [],
      projectPage: null,
      aiKeywords: null,
      extra: null,
    });
  });

  test("reads the last row", () => {
    expect(parsed.records.at(-1)).toMatchObject({
      location: "line 5519",
      arxivId: "2505.04955",
      title: "Chain-of-Thought Tokens are Computer Program Variables",
      listedOn: "2025-05-09",
      publishedOn: { date: "2025-05-01", precision: "month" },
    });
  });

  test("counts rows per listing year", () => {
    const years: Record<string, number> = {};
    for (const record of parsed.records) {
      const year = record.listedOn!.slice(0, 4);
      years[year] = (years[year] ?? 0) + 1;
    }
    expect(years).toEqual({ "2023": 337, "2024": 3284, "2025": 1897 });
  });

  test("unescapes doubled quotes in titles", () => {
    const leading = parsed.records.find((record) => record.location === "line 182")!;
    expect(leading.title).toBe('"I Want It That Way": Enabling Interactive Decision Support Using Large Language Models and Constraint Programming');
    expect(leading.arxivId).toBe("2312.06908");
    const trailing = parsed.records.find((record) => record.location === "line 158")!;
    expect(trailing.title).toBe('From Text to Motion: Grounding GPT-4 in a Humanoid Robot "Alter3"');
  });

  test("keeps a paper listed twice", () => {
    const listings = parsed.records.filter((record) => record.arxivId === "2410.09342");
    expect(listings.map((record) => [record.location, record.listedOn, record.title])).toEqual([
      ["line 2732", "2024-10-16", "LLM$\\times$MapReduce: Simplified Long-Sequence Processing using Large Language Models"],
      ["line 2767", "2024-10-18", "LLMtimesMapReduce: Simplified Long-Sequence Processing using Large Language Models"],
    ]);
  });
});

describe("papersListCsvParser dates", () => {
  test("takes the digest date from --as-of", async () => {
    const parsed = await parseText(papersListCsvParser, "date,title,url\n2024-01-02,A paper,https://arxiv.org/abs/2401.00001\n", "papers_list.csv", "2024-01-05");
    expect(parsed.digestDate).toBe("2024-01-05");
    expect(parsed.digestDateSource).toBe("as-of");
    expect(parsed.records[0]!.listedOn).toBe("2024-01-02");
  });
});

describe("papersListCsvParser rejects", () => {
  const text = [
    "date,title,url",
    "2024-01-02,Good paper,https://arxiv.org/abs/2401.00001",
    "2024-02-30,Bad day,https://arxiv.org/abs/2401.00002",
    "2024-01-03,,https://arxiv.org/abs/2401.00003",
    "2024-01-04,Too,many,https://arxiv.org/abs/2401.00004",
    "2024-01-05,Not on arXiv,https://openreview.net/forum?id=abc",
    '2024-01-06,"Unclosed title,https://arxiv.org/abs/2401.00006',
  ].join("\r\n");

  test("stores bad rows with their lines", async () => {
    const parsed = await parseText(papersListCsvParser, text, "papers_list.csv");
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["line 3", "invalid date"],
      ["line 4", "missing title"],
      ["line 5", "wrong cell count"],
      ["line 7", "unterminated quoted field"],
    ]);
    expect(parsed.rejects[0]!.detail).toBe('date "2024-02-30" is not a calendar day as YYYY-MM-DD');
    expect(parsed.rejects[0]!.raw).toBe("2024-02-30,Bad day,https://arxiv.org/abs/2401.00002");
    expect(parsed.rejects[2]!.detail).toBe("expected 3 cells (date,title,url), found 4");
  });

  test("loads the good rows", async () => {
    const parsed = await parseText(papersListCsvParser, text, "papers_list.csv");
    expect(parsed.records.map((record) => [record.location, record.arxivId, record.title])).toEqual([
      ["line 2", "2401.00001", "Good paper"],
      ["line 6", null, "Not on arXiv"],
    ]);
  });

  test("keeps a URL without arXiv id", async () => {
    const parsed = await parseText(papersListCsvParser, text, "papers_list.csv");
    expect(parsed.records[0]!.extra).toBeNull();
    expect(parsed.records[1]!.extra).toEqual({ url: "https://openreview.net/forum?id=abc" });
  });

  test("raises on another header", async () => {
    const parse = () => parseText(papersListCsvParser, "title,url\nA paper,https://arxiv.org/abs/2401.00001\n", "list.csv");
    await expect(parse()).rejects.toThrow(DigestParseError);
    await expect(parse()).rejects.toThrow('expected the CSV header "date,title,url", found "title,url"');
  });
});

describe("papersListCsvParser detect", () => {
  test("matches only the exact header", () => {
    expect(papersListCsvParser.detect("date,title,url\n2024-01-02,A,https://arxiv.org/abs/2401.00001\n", "x.csv")).toBe(true);
    expect(papersListCsvParser.detect("date,title,url\r\n", "x.csv")).toBe(true);
    expect(papersListCsvParser.detect("date,title,url,tweet\n", "x.csv")).toBe(false);
    expect(papersListCsvParser.detect("Title,Description,PaperURL,TweetURL,Abstract\n", "x.csv")).toBe(false);
  });
});
