import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DigestParseError } from "../../src/formats/digestParser";
import { dailyTableMarkdownParser } from "../../src/formats/parsers/dailyTableMarkdown";
import { parseFile, parseText } from "../parseWith";
import { REAL_DATA } from "../sharedData";

const ARCHIVE = path.join(REAL_DATA, "daily-ai-papers-gabrielchua", "archive");

function parseDay(day: string) {
  return parseFile(dailyTableMarkdownParser, path.join(ARCHIVE, `${day.replaceAll("-", "/")}.md`));
}

/** Lists every archived day, such as `2024-10-01`, from the `YYYY/MM/DD.md` paths. */
function archivedDays(): string[] {
  return readdirSync(ARCHIVE, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => file.replace(/\.md$/u, "").split(path.sep).join("-"))
    .sort();
}

describe("dailyTableMarkdownParser on the whole archive", async () => {
  const days = archivedDays();
  const parsedDays = await Promise.all(days.map(async (day) => ({ day, parsed: await parseDay(day) })));
  const records = parsedDays.flatMap(({ parsed }) => parsed.records);

  test("reads every row of 44 days", () => {
    expect(days).toHaveLength(44);
    expect(records).toHaveLength(823);
    expect(parsedDays.flatMap(({ parsed }) => parsed.rejects)).toEqual([]);
    expect(new Set(records.map((record) => record.arxivId)).size).toBe(823);
    expect(records.every((record) => record.arxivId !== null)).toBe(true);
  });

  test("dates each day by its heading", () => {
    for (const { day, parsed } of parsedDays) {
      expect(parsed.digestDate, day).toBe(day);
      expect(parsed.digestDateSource, day).toBe("heading");
      for (const record of parsed.records) expect(record.listedOn, day).toBe(day);
    }
  });

  test("counts rows of sample days", () => {
    const counts = Object.fromEntries(parsedDays.map(({ day, parsed }) => [day, parsed.records.length]));
    expect(counts["2024-10-01"]).toBe(10);
    expect(counts["2024-10-10"]).toBe(43);
    expect(counts["2025-06-03"]).toBe(45);
    expect(counts["2025-06-20"]).toBe(4);
  });

  test("never fills authors", () => {
    for (const record of records) {
      expect(record.authors).toBeNull();
      expect(record.authorsCount).toBeNull();
      expect(record.abstract).toBeNull();
      expect(record.title).not.toContain("Read more");
    }
  });
});

describe("dailyTableMarkdownParser on 2024-10-01", () => {
  test("reads the first row exactly", async () => {
    const paper = (await parseDay("2024-10-01")).records[0]!;
    expect(paper.location).toBe("line 7");
    expect(paper.arxivId).toBe("2409.20566");
    expect(paper.title).toBe("MM1.5: Methods, Analysis & Insights from Multimodal LLM Fine-tuning");
    expect(paper.publishedOn).toEqual({ date: "2024-09-01", precision: "month" });
    expect(paper.listedOn).toBe("2024-10-01");
    expect(paper.upvotes).toBeNull();
    expect(paper.codeUrl).toBeNull();
    expect(paper.extra?.authorsShown).toEqual(["nm-w", "pdufter", "zhegan27", "fly6464", "haotiz"]);
    const summary = paper.extra?.summary as string;
    expect(summary.startsWith("a) This research aimed to improve multimodal large language model (MLLM) performance")).toBe(true);
    expect(summary).toContain(" d)  The paper demonstrates");
    expect(summary.endsWith("how do you decide when the model is overfitting to the data?")).toBe(true);
  });
});

describe("dailyTableMarkdownParser quirks", () => {
  test("joins a title wrapped over lines", async () => {
    const parsed = await parseDay("2025-06-18");
    const paper = parsed.records.find((record) => record.arxivId === "2506.13901")!;
    expect(paper.location).toBe("line 38");
    expect(paper.title).toBe(
      "Alignment Quality Index (AQI) : Beyond Refusals: AQI as an Intrinsic Alignment Diagnostic via Latent Geometry, Cluster Divergence, and Layer wise Pooled Representations",
    );
    expect(paper.extra?.authorsShown).toEqual(["Utkarsh Bhatt", "Danush Khanna", "Chhavi Sharma", "Abhilekh Borah", "amanchadha"]);
  });

  test("keeps a pipe inside the summary", async () => {
    const paper = (await parseDay("2024-10-11")).records.find((record) => record.arxivId === "2410.05248")!;
    expect(paper.location).toBe("line 17");
    expect(paper.title).toBe("SFTMix: Elevating Language Model Instruction Tuning with Mixup Recipe");
    expect(paper.extra?.authorsShown).toEqual(["Sanqiang Zhao", "Marzyeh Ghassemi", "wzhouad", "szhang42", "YuxinXiao"]);
    expect(paper.extra?.summary).toContain('subsets based on the calculated Conf(Vᵢ|Xᵢ) values?');
  });

  test("keeps a LaTeX title as written", async () => {
    const paper = (await parseDay("2024-10-09")).records.find((record) => record.location === "line 8")!;
    expect(paper.title.startsWith("$\\textbf{Only-IF}$:Revealing the Decisive Effect of Instruction Diversity")).toBe(true);
  });
});

describe("dailyTableMarkdownParser rejects", () => {
  const row = (title: string, id: string) =>
    `| ${title} (Read more on [arXiv](https://arxiv.org/abs/${id}) or [HuggingFace](https://huggingface.co/papers/${id}))| Ada Lovelace, ada99 | a) Summary of ${id}. |`;

  test("stores a short row and keeps the rest", async () => {
    const text = ["", "## Papers for 2025-06-02", "", "| Title | Authors | Summary |", "|-------|---------|---------|", row("First", "2505.00001"), "| Broken row without cells", row("Third", "2505.00003")].join("\n");
    const parsed = await parseText(dailyTableMarkdownParser, text, "02.md");
    expect(parsed.records.map((record) => [record.location, record.arxivId, record.title])).toEqual([
      ["line 6", "2505.00001", "First"],
      ["line 8", "2505.00003", "Third"],
    ]);
    expect(parsed.rejects).toEqual([
      { location: "line 7", reason: "wrong cell count", detail: "expected 3 cells (Title, Authors, Summary)", raw: "| Broken row without cells" },
    ]);
  });

  test("loads a row without links", async () => {
    const text = ["## Papers for 2025-06-02", "", "| Title | Authors | Summary |", "|---|---|---|", "| A title only | Ada | Text. |"].join("\n");
    const parsed = await parseText(dailyTableMarkdownParser, text, "02.md");
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]).toMatchObject({ location: "line 5", arxivId: null, title: "A title only", listedOn: "2025-06-02" });
  });

  test("stores an invalid day heading", async () => {
    const text = ["## Papers for 2025-06-31", "", "| Title | Authors | Summary |", "|---|---|---|", row("First", "2505.00001")].join("\n");
    const parsed = await parseText(dailyTableMarkdownParser, text, "31.md");
    expect(parsed.digestDate).toBeNull();
    expect(parsed.records[0]!.listedOn).toBeNull();
    expect(parsed.rejects.map((reject) => [reject.location, reject.reason])).toEqual([["line 1", "invalid date"]]);
  });

  test("raises without the table", async () => {
    const parse = () => parseText(dailyTableMarkdownParser, "## Papers for 2025-06-02\n\nNo papers today.\n", "02.md");
    await expect(parse()).rejects.toThrow(DigestParseError);
    await expect(parse()).rejects.toThrow('no paper table found: expected a table with the header "| Title | Authors | Summary |"');
  });
});

describe("dailyTableMarkdownParser detect", () => {
  test("needs the heading and the header", () => {
    const header = "| Title | Authors | Summary |\n|---|---|---|\n";
    expect(dailyTableMarkdownParser.detect(`## Papers for 2025-06-02\n\n${header}`, "02.md")).toBe(true);
    expect(dailyTableMarkdownParser.detect(`## Daily Papers (2025-06-02)\n\n${header}`, "02.md")).toBe(false);
    expect(dailyTableMarkdownParser.detect("## Papers for 2025-06-02\n\n| Date | Institute | Publication | Paper | Keywords |\n", "02.md")).toBe(false);
  });
});
