import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { hfPapersPageParser } from "../../src/formats/parsers/hfPapersPage";
import { parseFile, parseText } from "../parseWith";
import { SEED_PAGE } from "../sharedData";

describe("hfPapersPageParser on the seed page", async () => {
  const parsed = await parseFile(hfPapersPageParser, SEED_PAGE);

  test("reads all 30 papers and rejects none", () => {
    expect(parsed.records).toHaveLength(30);
    expect(parsed.rejects).toEqual([]);
  });

  test("infers the capture date from the header and the years on the page", () => {
    expect(parsed.digestDate).toBe("2025-12-11");
    expect(parsed.digestDateSource).toBe("page header");
  });

  test("reads the first paper exactly", () => {
    const first = parsed.records[0]!;
    expect(first.title).toBe("Asymptotics of Language Model Alignment");
    expect(first.abstract?.startsWith("Let p denote a generative language model.")).toBe(true);
    expect(first).toMatchObject({
      location: "line 13",
      arxivId: null,
      authors: null,
      authorsCount: 5,
      publishedOn: { date: "2024-04-02", precision: "day" },
      listedOn: null,
      upvotes: 0,
      codeUrl: null,
      links: [],
    });
  });

  test("puts a date without a year in the capture year", () => {
    const paper = parsed.records.find((record) => record.title.startsWith("With Limited Data for Multimodal Alignment"))!;
    expect(paper.publishedOn).toEqual({ date: "2025-06-20", precision: "day" });
    expect(paper.upvotes).toBe(0);
  });

  test("reads an upvote count after a date without a year", () => {
    const paper = parsed.records.find((record) => record.title === "Aligning Multimodal LLM with Human Preference: A Survey")!;
    expect(paper.publishedOn?.date).toBe("2025-03-18");
    expect(paper.upvotes).toBe(3);
    expect(paper.authorsCount).toBe(17);
  });

  test("reads an upvote count after a date with a year", () => {
    const paper = parsed.records.find((record) => record.title.startsWith("I-SHEEP"))!;
    expect(paper.publishedOn?.date).toBe("2024-08-15");
    expect(paper.upvotes).toBe(2);
    expect(paper.authorsCount).toBe(12);
  });

  test("strips trailing punctuation from a code link", () => {
    const clip = parsed.records.find((record) => record.title === "Extract Free Dense Misalignment from CLIP")!;
    expect(clip.abstract).toContain("https://github.com/naver-ai/CLIP4DM.");
    expect(clip.codeUrl).toBe("https://github.com/naver-ai/CLIP4DM");
    expect(clip.links).toEqual([{ url: "https://github.com/naver-ai/CLIP4DM", kind: "code", host: "github.com" }]);
  });

  test("reduces a deep GitHub path to the repository", () => {
    const survey = parsed.records.find((record) => record.title === "Aligning Multimodal LLM with Human Preference: A Survey")!;
    expect(survey.codeUrl).toBe("https://github.com/BradyFU/Awesome-Multimodal-Large-Language-Models");
  });

  test("accepts an anonymous.4open.science repository as code", () => {
    const sheep = parsed.records.find((record) => record.title.startsWith("I-SHEEP"))!;
    expect(sheep.codeUrl).toBe("https://anonymous.4open.science/r/I-SHEEP");
  });

  test("reads the last paper exactly", () => {
    const last = parsed.records[29]!;
    expect(last).toMatchObject({
      title: "Aligning Large Language Models with Human: A Survey",
      authorsCount: 9,
      publishedOn: { date: "2023-07-24", precision: "day" },
      upvotes: 0,
      codeUrl: "https://github.com/GaryYufei/AlignLLMHumanSurvey",
    });
  });

  test("never resolves a date after the capture date", () => {
    for (const record of parsed.records) expect(record.publishedOn!.date <= "2025-12-11").toBe(true);
  });
});

describe("hfPapersPageParser capture date", () => {
  const page = ["Daily Papers", "", "Dec 11", "", "A title", "", "An abstract.", "", "  • 2 authors", "·", "Dec 20 4", ""].join("\n");

  test("resolves a year-less date after the header day to the year before", async () => {
    const parsed = await parseText(hfPapersPageParser, page);
    expect(parsed.digestDate).toBe("2025-12-11");
    expect(parsed.records[0]!.publishedOn?.date).toBe("2024-12-20");
  });

  test("takes the capture date from --as-of", async () => {
    const parsed = await parseText(hfPapersPageParser, page, "page.txt", "2023-12-31");
    expect(parsed.digestDate).toBe("2023-12-31");
    expect(parsed.digestDateSource).toBe("as-of");
    expect(parsed.records[0]!.publishedOn?.date).toBe("2023-12-20");
  });

  test("falls back to today without a header or years", async () => {
    const parsed = await parseText(hfPapersPageParser, page.replace("Dec 11", ""), "page.txt", null, "2026-03-01");
    expect(parsed.digestDate).toBe("2026-03-01");
    expect(parsed.digestDateSource).toBe("today");
    expect(parsed.records[0]!.publishedOn?.date).toBe("2025-12-20");
  });
});

describe("hfPapersPageParser rejects", () => {
  test("stores a card without a date line as rejected with its line", async () => {
    const text = ["First", "", "Abstract one.", "", "• 3 authors", "·", "not a date", "", "Second", "", "Abstract two.", "", "• 1 author", "·", "Jan 5, 2024"].join("\n");
    const parsed = await parseText(hfPapersPageParser, text);
    expect(parsed.records.map((record) => record.title)).toEqual(["Second"]);
    expect(parsed.records[0]!.authorsCount).toBe(1);
    expect(parsed.rejects).toHaveLength(2);
    expect(parsed.rejects[0]).toMatchObject({ location: "line 1", reason: "missing date" });
    expect(parsed.rejects[1]).toMatchObject({ location: "line 7", reason: "missing author line" });
  });

  test("stores an impossible date as rejected", async () => {
    const text = ["Title", "", "Abstract.", "", "• 3 authors", "·", "Feb 30, 2024 5"].join("\n");
    const parsed = await parseText(hfPapersPageParser, text);
    expect(parsed.records).toEqual([]);
    expect(parsed.rejects).toEqual([
      {
        location: "line 7",
        reason: "invalid date",
        detail: '"Feb 30, 2024 5" is not a calendar date (card titled "Title" at line 1)',
        raw: "Title\nAbstract.\n• 3 authors\nFeb 30, 2024 5",
      },
    ]);
  });

  test("raises on text without any card", async () => {
    await expect(parseText(hfPapersPageParser, "just some notes\nand more")).rejects.toThrow(DigestParseError);
  });
});
