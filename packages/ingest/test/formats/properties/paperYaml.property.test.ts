import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { paperYamlParser } from "../../../src/formats/parsers/paperYaml";
import { ALL_INLINE_GROUPS, arxivIdArbitrary, authorNameArbitrary, calendarDayArbitrary, expectedExtra, expectedRecord, monthOfArxivId, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

const paperArbitrary = fc.record({
  date: calendarDayArbitrary,
  withTime: fc.boolean(),
  author: authorNameArbitrary,
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  id: arxivIdArbitrary,
  summary: fc.option(fc.tuple(textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"], 40), fc.boolean())),
  opinion: fc.option(fc.oneof(fc.constant("placeholder"), textArbitrary(["letters", "unicode", "quotes", "spaces"]))),
  tags: fc.array(textArbitrary(["letters", "unicode", "punctuation"], 6), { maxLength: 3 }),
  quoting: fc.constantFrom("double", "single"),
});
type Paper = typeof paperArbitrary extends fc.Arbitrary<infer T> ? T : never;

function summaryOf(paper: Paper): string | null {
  if (!paper.summary) return null;
  const [text, truncated] = paper.summary;
  return truncated ? `${text}...` : text;
}

/**
 * Writes a YAML scalar double-quoted (JSON's escapes are valid YAML), or
 * single-quoted when it has no line break, because YAML folds a line break
 * inside single quotes into a space.
 */
function scalar(text: string, quoting: "double" | "single"): string {
  return quoting === "single" && !/[\n\t]/u.test(text) ? `'${text.replace(/'/gu, "''")}'` : JSON.stringify(text);
}

function writeDigest(paper: Paper): string {
  const write = (text: string) => scalar(text, paper.quoting);
  const lines = [
    `date: ${paper.withTime ? `${paper.date} 00:00` : paper.date}`,
    `author: ${write(paper.author)}`,
    `title: ${write(paper.title)}`,
    `thumbnail: https://cdn-uploads.huggingface.co/production/${paper.id.replace("/", "-")}.png`,
    `link: https://huggingface.co/papers/${paper.id}`,
    `summary: ${paper.summary ? write(summaryOf(paper)!) : ""}`,
    `opinion: ${paper.opinion ? write(paper.opinion) : "placeholder"}`,
    paper.tags.length > 0 ? `tags:\n${paper.tags.map((tag) => `  - ${JSON.stringify(tag)}`).join("\n")}` : "tags: []",
  ];
  return `${lines.join("\n")}\n`;
}

function expectedRecordOf(paper: Paper) {
  const summary = summaryOf(paper)?.trim() || undefined;
  const opinion = paper.opinion?.trim();
  const extra = {
    firstAuthor: paper.author,
    summary,
    summaryTruncated: summary?.endsWith("...") || undefined,
    opinion: opinion && opinion.toLowerCase() !== "placeholder" ? opinion : undefined,
    tags: paper.tags.length > 0 ? paper.tags : undefined,
    thumbnailUrl: `https://cdn-uploads.huggingface.co/production/${paper.id.replace("/", "-")}.png`,
  };
  return expectedRecord({
    location: "file",
    arxivId: paper.id,
    title: normalizedTitle(paper.title),
    publishedOn: monthOfArxivId(paper.id),
    listedOn: paper.date,
    extra: expectedExtra(extra),
  });
}

describe("paperYamlParser properties", () => {
  test("round-trips a generated paper", async () => {
    const property = fc.asyncProperty(paperArbitrary, async (paper) => {
      const parsed = recordsOf(await parseContent(paperYamlParser, writeDigest(paper), "2024-06-18-paper.yaml"));
      expect(parsed.digestDate).toBe(paper.date);
      expect(parsed.records).toEqual([expectedRecordOf(paper)]);
    });
    await fc.assert(property, propertyParameters(200));
  });

  testArbitraryInput(paperYamlParser, {
    fileName: "2024-06-18-paper.yaml",
    // yaml reads a line of stray tokens slowly, up to about 4 s for the 100,000 characters the parser accepts.
    longLineRuns: 2,
    validDigest: paperArbitrary.map(writeDigest),
    tokens: ["date: ", "title: ", "link: ", "summary: ", "tags:", "\n  - ", ": ", "- ", "&a ", "*a", "[", "]", "{", "}", "'", '"', "|", ">", "!!str ", "---\n", "? "],
  });
});
