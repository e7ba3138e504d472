import path from "node:path";
import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { hfDailyApiParser } from "../../src/formats/parsers/hfDailyApi";
import { parseFile, parseText } from "../parseWith";
import { API_DAYS } from "../sharedData";

function parseDay(day: string) {
  return parseFile(hfDailyApiParser, path.join(API_DAYS, `${day}.json.gz`));
}

describe("hfDailyApiParser on a regular day file", async () => {
  const parsed = await parseDay("2025-06-03");

  test("reads every entry", () => {
    expect(parsed.format).toBe("hf-daily-api");
    expect(parsed.records).toHaveLength(29);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.digestDate).toBe("2025-06-03");
    expect(parsed.digestDateSource).toBe("file name");
  });

  test("reads the first paper exactly", () => {
    const paper = parsed.records[0]!;
    expect(paper.arxivId).toBe("2506.01939");
    expect(paper.title).toBe("Beyond the 80/20 Rule: High-Entropy Minority Tokens Drive Effective Reinforcement Learning for LLM Reasoning");
    expect(paper.authors).toHaveLength(18);
    expect(paper.authors?.[0]).toBe("Shenzhi Wang");
    expect(paper.authors?.[17]).toBe("Junyang Lin");
    expect(paper.authorsCount).toBe(18);
    expect(paper.publishedOn).toEqual({ date: "2025-06-02", precision: "day" });
    expect(paper.listedOn).toBe("2025-06-03");
    expect(paper.upvotes).toBe(57);
    expect(paper.comments).toBe(1);
    expect(paper.codeUrl).toBeNull();
    expect(paper.projectPage).toBe("https://shenzhi-wang.github.io/high-entropy-minority-tokens-rlvr/");
    expect(paper.aiKeywords?.slice(0, 3)).toEqual(["Reinforcement Learning with Verifiable Rewards", "RLVR", "Large Language Models"]);
  });

  test("collapses arXiv's hard line breaks in the abstract", () => {
    const abstract = parsed.records[0]!.abstract!;
    expect(abstract).not.toContain("\n");
    expect(abstract.startsWith("Reinforcement Learning with Verifiable Rewards (RLVR) has emerged as a powerful approach")).toBe(true);
  });

  test("takes githubRepo as the code link", () => {
    const withRepository = parsed.records.filter((record) => record.codeUrl !== null);
    expect(withRepository.length).toBeGreaterThan(0);
    for (const record of withRepository) expect(record.codeUrl).toMatch(/^https:\/\/(github\.com|gitlab\.com|anonymous\.4open\.science)\/[^/]+\/[^/]+/u);
  });
});

describe("hfDailyApiParser githubRepo", () => {
  test("joins a repository URL that the source wrapped across lines", async () => {
    const paper = (await parseDay("2025-10-08")).records.find((record) => record.arxivId === "2510.05342")!;
    expect(paper.codeUrl).toBe("https://github.com/sirano1004/Margin-Apative-Direct-Preference-Optimization");
  });
});

describe("hfDailyApiParser on irregular day files", () => {
  test("reads an array of Python repr strings", async () => {
    const parsed = await parseDay("2024-12-11");
    expect(parsed.records).toHaveLength(26);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records[0]).toMatchObject({
      arxivId: "2412.07730",
      title: "STIV: Scalable Text and Image Conditioned Video Generation",
      authorsCount: 17,
      publishedOn: { date: "2024-12-10", precision: "day" },
      listedOn: "2024-12-11",
      upvotes: 54,
      comments: 2,
    });
    expect(parsed.records[0]!.authors?.[0]).toBe("Zongyu Lin");
  });

  test("reads every repr-string file of January 2025", async () => {
    for (const day of ["2025-01-02", "2025-01-03", "2025-01-06", "2025-01-07", "2025-01-08", "2025-01-09"]) {
      const parsed = await parseDay(day);
      expect(parsed.rejects, day).toEqual([]);
      expect(parsed.records.length, day).toBeGreaterThan(0);
      for (const record of parsed.records) expect(record.listedOn, day).toBe(day);
    }
  });

  test("reads a wrapper object with a data array", async () => {
    const parsed = await parseDay("2025-01-10");
    expect(parsed.records).toHaveLength(9);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.records[0]).toMatchObject({
      arxivId: "2501.05441",
      title: "The GAN is dead; long live the GAN! A Modern GAN Baseline",
      authorsCount: 4,
      publishedOn: { date: "2025-01-09", precision: "day" },
      listedOn: "2025-01-10",
      upvotes: 51,
      comments: 4,
    });
  });

  test("dates a wrapper by its date field when the file name has none", async () => {
    const text = JSON.stringify({ status: "success", date: "2025-01-10", count: 0, data: [] });
    const parsed = await parseText(hfDailyApiParser, text, "latest.json");
    expect(parsed.digestDate).toBe("2025-01-10");
    expect(parsed.digestDateSource).toBe("wrapper date");
  });
});

describe("hfDailyApiParser rejects", () => {
  const entry = (id: string, extra: Record<string, unknown> = {}) => ({
    paper: { id, title: "A paper", summary: "Text.", authors: [{ name: "Ada" }], publishedAt: "2025-01-01T10:00:00.000Z", upvotes: 3, ...extra },
    numComments: 0,
  });
  const parse = (items: unknown) => parseText(hfDailyApiParser, JSON.stringify(items), "2025-01-02.json");

  test("stores each bad entry with its index and keeps the good ones", async () => {
    const parsed = await parse([entry("2501.00001"), entry("not-an-id"), { paper: { id: "2501.00003" } }, "{'paper': {'id': '2501.0", entry("2501.00005v2")]);
    expect(parsed.records.map((record) => record.arxivId)).toEqual(["2501.00001", "2501.00005"]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ["index 1", "invalid arXiv id"],
      ["index 2", "invalid record shape"],
      ["index 3", "invalid Python literal"],
    ]);
    expect(parsed.rejects[1]!.detail).toContain("paper.title");
  });

  test("rejects a negative upvote count", async () => {
    const parsed = await parse([entry("2501.00001", { upvotes: -4 })]);
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects[0]).toMatchObject({ location: "index 0", reason: "invalid field" });
    expect(parsed.rejects[0]!.detail).toBe("upvotes: Too small: expected number to be >=0, found -4");
  });

  test("rejects dates that name no calendar day", async () => {
    const parsed = await parse([entry("2501.00001", { publishedAt: "2025-02-30T00:00:00.000Z" }), entry("2501.00002", { submittedOnDailyAt: "2025-13-01T08:00:00.000Z" })]);
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason, reject.detail])).toEqual([
      ["index 0", "invalid date", 'publishedAt "2025-02-30T00:00:00.000Z" is not an ISO 8601 timestamp of a calendar day'],
      ["index 1", "invalid date", 'submittedOnDailyAt "2025-13-01T08:00:00.000Z" is not an ISO 8601 timestamp of a calendar day'],
    ]);
  });

  test("removes control characters from titles and names", async () => {
    const parsed = await parse([entry("2501.00001", { title: "Safe \u202Egnp.exe\u202C \u0000RLHF\u001b[31m", authors: [{ name: "Ada\u0007" }, { name: "\u0008" }] })]);
    expect(parsed.records.map((record) => [record.title, record.authors])).toEqual([["Safe gnp.exe RLHF[31m", ["Ada"]]]);
  });

  test("rejects a truncated file after its complete entries", async () => {
    const text = JSON.stringify([entry("2501.00001")]).slice(0, -1) + ', {"paper": {"id": "2501.0';
    const parsed = await parseText(hfDailyApiParser, text, "2025-01-02.json");
    expect(parsed.records.map((record) => record.arxivId)).toEqual(["2501.00001"]);
    expect(parsed.rejects).toEqual([
      { location: "index 1", reason: "truncated file", detail: expect.stringContaining("JSON ends inside"), raw: null },
    ]);
  });

  test("locates text after the top-level array by its offset", async () => {
    const parsed = await parseText(hfDailyApiParser, "[}Z", "x.json");
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects).toEqual([
      { location: "character 2", reason: "text after the JSON document", detail: '"Z" follows the end of the top-level value', raw: "Z" },
    ]);
  });

  test("locates a scalar data member by its key", async () => {
    const parsed = await parseText(hfDailyApiParser, '{"data": 5}', "x.json");
    expect(parsed.rejects).toEqual([
      { location: 'key "data"', reason: "invalid record shape", detail: "record: Invalid input: expected object, received number", raw: "5" },
    ]);
  });

  test("raises on JSON of the wrong shape", async () => {
    await expect(parseText(hfDailyApiParser, '{"papers": []}', "x.json")).rejects.toThrow(DigestParseError);
    await expect(parseText(hfDailyApiParser, '{"papers": []}', "x.json")).rejects.toThrow(
      'expected a JSON array of daily papers or an object with a "data" array',
    );
  });
});
