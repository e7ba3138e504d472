import {
  getAuthorTrends,
  getCodeTrends,
  getHeadline,
  getTopicTrends,
  getUpvoteTrends,
  listPapers,
} from "@alignment-trends/analytics";
import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { withSamples } from "../support/openSamples";
import { median, readApiPapers, readSeedPapers, type SourcePaper } from "../support/sourceFacts";

const sourcePapers: SourcePaper[] = [...readApiPapers(), ...readSeedPapers()];
const noFilter = TrendFilterSchema.parse({});

function groupBy(papers: SourcePaper[], key: (paper: SourcePaper) => string): Map<string, SourcePaper[]> {
  const groups = new Map<string, SourcePaper[]>();
  for (const paper of papers) groups.set(key(paper), [...(groups.get(key(paper)) ?? []), paper]);
  return groups;
}

const byYear = groupBy(sourcePapers, (paper) => paper.trendDate.slice(0, 4));

describe("dashboard figures on the bundled samples", () => {
  test("source files hold 3,352 API papers and 30 page papers", () => {
    expect(readApiPapers()).toHaveLength(3352);
    expect(new Set(readApiPapers().map((paper) => paper.key)).size).toBe(3352);
    expect(readSeedPapers()).toHaveLength(30);
  });

  test("headline counts every paper and the date span", async () => {
    const headline = await withSamples((connection) => getHeadline(connection, noFilter));
    const dates = sourcePapers.map((paper) => paper.trendDate).sort();
    expect(headline.papers).toBe(3382);
    expect(headline.undatedPapers).toBe(0);
    expect(headline.digests).toBe(198);
    expect(headline.firstDate).toBe(dates[0]);
    expect(headline.lastDate).toBe(dates.at(-1));
    expect(headline.withCode).toBe(sourcePapers.filter((paper) => paper.hasCode).length);
    expect(headline.medianAuthors).toBe(median(sourcePapers.map((paper) => paper.authors)));
    expect(headline.medianUpvotes).toBe(median(sourcePapers.map((paper) => paper.upvotes)));
  });

  test("papers per month match the source files, with empty months as zeros", async () => {
    const { points } = await withSamples((connection) => getTopicTrends(connection, noFilter, "month"));
    const byMonth = groupBy(sourcePapers, (paper) => `${paper.trendDate.slice(0, 7)}-01`);

    expect(points[0]!.periodStart).toBe("2022-12-01");
    expect(points.at(-1)!.periodStart).toBe("2026-08-01");
    expect(points).toHaveLength(45);
    for (const point of points) expect([point.periodStart, point.papers]).toEqual([point.periodStart, byMonth.get(point.periodStart)?.length ?? 0]);
    expect(points.find((point) => point.periodStart === "2023-04-01")!.papers).toBe(0);
  });

  test("authors per year match the source files", async () => {
    const points = await withSamples((connection) => getAuthorTrends(connection, noFilter, "year"));
    expect(points.map((point) => point.label)).toEqual(["2022", "2023", "2024", "2025", "2026"]);
    for (const point of points) {
      const papers = byYear.get(point.label)!;
      const authors = papers.map((paper) => paper.authors);
      expect(point.papersWithAuthorCount).toBe(papers.length);
      expect(point.medianAuthors).toBe(median(authors));
      expect(point.meanAuthors).toBe(Math.round((authors.reduce((a, b) => a + b, 0) / authors.length) * 100) / 100);
    }
  });

  test("code availability per year matches the source files", async () => {
    const points = await withSamples((connection) => getCodeTrends(connection, noFilter, "year"));
    for (const point of points) {
      const papers = byYear.get(point.label)!;
      expect([point.label, point.papers, point.withCode]).toEqual([point.label, papers.length, papers.filter((paper) => paper.hasCode).length]);
    }
    expect(points.map((point) => [point.label, point.codeShare])).toEqual([
      ["2022", 1],
      ["2023", 0.3333],
      ["2024", 0.1831],
      ["2025", 0.4912],
      ["2026", 0.5883],
    ]);
  });

  test("upvotes per year match the source files", async () => {
    const points = await withSamples((connection) => getUpvoteTrends(connection, noFilter, "year"));
    for (const point of points) {
      const upvotes = byYear.get(point.label)!.map((paper) => paper.upvotes);
      expect(point.totalUpvotes).toBe(upvotes.reduce((a, b) => a + b, 0));
      expect(point.medianUpvotes).toBe(median(upvotes));
      expect(point.maxUpvotes).toBe(Math.max(...upvotes));
    }
  });

  test("the most upvoted paper leads the upvote ranking", async () => {
    const page = await withSamples((connection) => listPapers(connection, noFilter, { sort: "upvotes", order: "desc", limit: 3, offset: 0 }));
    expect(page.total).toBe(3382);
    const expected = [...sourcePapers]
      .sort((a, b) => b.upvotes - a.upvotes || (a.key < b.key ? 1 : -1))
      .slice(0, 3)
      .map((paper) => [paper.key, paper.upvotes]);
    expect(page.papers.map((paper) => [paper.id, paper.upvotes])).toEqual(expected);
    expect(expected[0]).toEqual(["2603.19835", 250]);
  });
});
