import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dailyTableMarkdownParser } from "../../../src/formats/parsers/dailyTableMarkdown";
import { ALL_INLINE_GROUPS, arxivIdArbitrary, authorNameArbitrary, calendarDayArbitrary, expectedRecord, monthOfArxivId, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

/**
 * Cell text. A backslash is left out because the format escapes only `|`:
 * a title ending in `\` before an escaped pipe cannot be written.
 */
const cellGroups = ALL_INLINE_GROUPS.filter((group) => group !== "backslash");

const rowArbitrary = fc.record({
  id: arxivIdArbitrary,
  // Titles wrap onto indented lines in the digest, so a title may hold line breaks.
  title: textArbitrary([...cellGroups, "lineBreaks"]),
  authors: fc.array(authorNameArbitrary, { maxLength: 4 }),
  summary: textArbitrary(cellGroups),
});
type Row = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

const daysArbitrary = fc.array(fc.tuple(calendarDayArbitrary, fc.array(rowArbitrary, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 2 });

function escapePipes(text: string): string {
  return text.replace(/\|/gu, "\\|");
}

/** Writes a title with each line break and the whitespace around it as a break and an indent, as the digest wraps titles. */
function wrapTitle(title: string): string {
  return escapePipes(title).replace(/[ \t]*\n\s*/gu, "\n    ");
}

function writeRow(row: Row): string {
  const links = `(Read more on [arXiv](https://arxiv.org/abs/${row.id}) or [HuggingFace](https://huggingface.co/papers/${row.id}))`;
  return `| ${wrapTitle(row.title)} ${links} | ${escapePipes(row.authors.join(", "))} | ${row.summary} |`;
}

function writeDigest(days: [string, Row[]][]): string {
  return days
    .flatMap(([day, rows]) => [`## Papers for ${day}`, "", "| Title | Authors | Summary |", "|-------|---------|---------|", ...rows.map(writeRow), ""])
    .join("\n");
}

function expectedRecords(days: [string, Row[]][]) {
  const lines = writeDigest(days).split("\n");
  const rowLines = lines.flatMap((line, index) => (line.startsWith("| ") && !line.startsWith("| Title |") ? [index + 1] : []));
  return days
    .flatMap(([day, rows]) => rows.map((row) => ({ day, row })))
    .map(({ day, row }, index) =>
      expectedRecord({
        location: `line ${rowLines[index]}`,
        arxivId: row.id,
        title: normalizedTitle(row.title),
        publishedOn: monthOfArxivId(row.id),
        listedOn: day,
        extra: { ...(row.authors.length > 0 ? { authorsShown: row.authors } : {}), summary: row.summary.trim() },
      }),
    );
}

describe("dailyTableMarkdownParser properties", () => {
  test("round-trips generated tables", async () => {
    const property = fc.asyncProperty(daysArbitrary, async (days) => {
      const parsed = recordsOf(await parseContent(dailyTableMarkdownParser, writeDigest(days), "01.md"));
      expect(parsed.digestDate).toBe(days[0]![0]);
      expect(parsed.records).toEqual(expectedRecords(days));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(dailyTableMarkdownParser, {
    fileName: "01.md",
    validDigest: daysArbitrary.map(writeDigest),
    cutDigest: rowArbitrary.map((row) => writeDigest([["2024-10-01", [row]]])),
    tokens: ["## Papers for 2024-10-01", "## Papers for 2024-02-30", "| Title | Authors | Summary |", "|---|---|---|", "| ", " |", "\\|", "(Read more on [arXiv](https://arxiv.org/abs/2410.00001))", "\n    ", "# ", "\\"],
  });
});
