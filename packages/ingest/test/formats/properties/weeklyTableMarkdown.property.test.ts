import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { weeklyTableMarkdownParser } from "../../../src/formats/parsers/weeklyTableMarkdown";
import { arxivIdArbitrary, collapseSpaces, expectedExtra, expectedRecord, monthOfArxivId, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { testArbitraryInput } from "./testArbitraryInput";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_MS = 86_400_000;

/**
 * Titles without markdown emphasis, code or brackets, because the parser
 * strips markdown from titles and a bold title ends at the first `**`.
 */
const titleArbitrary = textArbitrary(["letters", "unicode", "quotes", "punctuation", "pipe", "markdown", "html", "spaces"], 24, ["*", "**", "_", "`", "[", "]"]);
const descriptionArbitrary = fc.array(textArbitrary(["letters", "unicode", "quotes", "spaces"], 10), { minLength: 1, maxLength: 2 });

const paperArbitrary = fc.record({
  title: titleArbitrary,
  description: descriptionArbitrary,
  paper: fc.oneof(arxivIdArbitrary.map((id) => ({ url: `https://arxiv.org/abs/${id}`, id })), fc.constant({ url: "https://openai.com/index/a-report/", id: null })),
  tweet: fc.integer({ min: 1, max: 2 ** 40 }),
});
type Paper = typeof paperArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** A week as its first and last day, newest first, each ending 7 to 60 days before the one above it. */
interface Week {
  start: string;
  end: string;
  yearWritten: boolean;
  endMonthWritten: boolean;
  papers: Paper[];
}

const weeksArbitrary = fc
  .tuple(
    fc.integer({ min: Date.UTC(2023, 0, 1) / DAY_MS, max: Date.UTC(2026, 11, 31) / DAY_MS }),
    fc.array(fc.record({ gap: fc.integer({ min: 7, max: 60 }), yearWritten: fc.boolean(), endMonthWritten: fc.boolean(), papers: fc.array(paperArbitrary, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
  )
  .map(([lastDay, drafts]) => {
    let end = lastDay;
    return drafts.map((draft, index): Week => {
      if (index > 0) end -= draft.gap;
      const day = (offset: number) => new Date((end - offset) * DAY_MS).toISOString().slice(0, 10);
      // The newest week always writes its year, so every other week can be counted back from it.
      return { start: day(6), end: day(0), yearWritten: index === 0 || draft.yearWritten, endMonthWritten: draft.endMonthWritten, papers: draft.papers };
    });
  });

function writeHeading(week: Week): string {
  const [, startMonth, startDay] = week.start.split("-").map(Number) as [number, number, number];
  const [endYear, endMonth, endDay] = week.end.split("-").map(Number) as [number, number, number];
  const endMonthText = startMonth !== endMonth || week.endMonthWritten ? `${MONTHS[endMonth - 1]} ` : "";
  const range = `${MONTHS[startMonth - 1]} ${startDay} - ${endMonthText}${endDay}`;
  return `## Top ML Papers of the Week (${range})${week.yearWritten ? ` - ${endYear}` : ""}`;
}

function writeRow(paper: Paper, rank: number): string {
  const title = paper.title.replace(/\|/gu, "\\|");
  return `| ${rank}) **${title}** - ${paper.description.join("<br>")} | [Paper](${paper.paper.url}), [Tweet](https://x.com/omarsar0/status/${paper.tweet}) |`;
}

function writeDigest(weeks: Week[]): string {
  const sections = weeks.flatMap((week) => [writeHeading(week), "| **Paper**  | **Links** |", "| ------------- | ------------- |", ...week.papers.map((paper, index) => writeRow(paper, index + 1)), "", "---", ""]);
  return ["# ML Papers of the Week", "", ...sections].join("\n");
}

function expectedRecords(weeks: Week[]) {
  const lines = writeDigest(weeks).split("\n");
  const rowLines = lines.flatMap((line, index) => (/^\| \d+\) /u.test(line) ? [index + 1] : []));
  return weeks
    .flatMap((week) => week.papers.map((paper, index) => ({ week, paper, rank: index + 1 })))
    .map(({ week, paper, rank }, index) =>
      expectedRecord({
        location: `line ${rowLines[index]}`,
        arxivId: paper.paper.id,
        title: normalizedTitle(paper.title),
        publishedOn: paper.paper.id ? monthOfArxivId(paper.paper.id) : null,
        listedOn: week.end,
        extra: expectedExtra({
          rank,
          description: paper.description.map(collapseSpaces).join("\n"),
          week: `${week.start}/${week.end}`,
          paperUrl: paper.paper.id ? undefined : paper.paper.url,
          tweetUrl: `https://x.com/omarsar0/status/${paper.tweet}`,
        }),
      }),
    );
}

describe("weeklyTableMarkdownParser properties", () => {
  test("round-trips generated weeks", async () => {
    const property = fc.asyncProperty(weeksArbitrary, async (weeks) => {
      const parsed = recordsOf(await parseContent(weeklyTableMarkdownParser, writeDigest(weeks), "README.md"));
      expect(parsed.digestDate).toBe(weeks[0]!.end);
      expect(parsed.records).toEqual(expectedRecords(weeks));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(weeklyTableMarkdownParser, {
    fileName: "README.md",
    validDigest: weeksArbitrary.map(writeDigest),
    cutDigest: weeksArbitrary.map((weeks) => writeDigest([{ ...weeks[0]!, papers: weeks[0]!.papers.slice(0, 1) }])),
    tokens: ["## Top ML Papers of the Week (June 23 - June 29) - 2025", "## Top ML Papers of the Week (Feb 30 - 31)", "| 1) ", "**", "*8", " - ", "  ", "<br>", "| [Paper](https://arxiv.org/abs/2506.01234) |", "[Tweet](", "| **Paper** | **Links** |", "|", "\\|"],
  });
});
