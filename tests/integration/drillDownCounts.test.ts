import {
  getAuthorTrends,
  getCodeTrends,
  getTeamSizes,
  getTopicTrends,
  getUpvoteTrends,
  listPapers,
} from "@alignment-trends/analytics";
import { TrendFilterSchema, type TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { describe, expect, test } from "vitest";
import { withSamples } from "../support/openSamples";

const ONE_PAGE = { sort: "date", order: "desc", limit: 1, offset: 0 } as const;

async function countPapers(connection: DuckDBConnection, filter: Partial<TrendFilter>): Promise<number> {
  return (await listPapers(connection, TrendFilterSchema.parse(filter), ONE_PAGE)).total;
}

/*
 * Every chart element's count must equal the length of the list its
 * drill-down opens: the same filter narrowed to the element's period and series.
 */
describe("drill-down lists match chart counts", () => {
  test("every topic segment per quarter", async () => {
    await withSamples(async (connection) => {
      const { topics, points } = await getTopicTrends(connection, TrendFilterSchema.parse({}), "quarter");
      let checked = 0;
      for (const point of points) {
        const period = { from: point.periodStart, to: point.periodEnd };
        expect(await countPapers(connection, period)).toBe(point.papers);
        expect(await countPapers(connection, { ...period, scope: "alignment" })).toBe(point.alignmentPapers);
        for (const topic of topics) {
          expect([point.label, topic.id, await countPapers(connection, { ...period, topics: [topic.id] })]).toEqual([
            point.label,
            topic.id,
            point.topics[topic.id],
          ]);
          checked += 1;
        }
      }
      expect(checked).toBe(16 * 11);
    });
  });

  test("topic segments under a topic filter and a date range", async () => {
    await withSamples(async (connection) => {
      const filter = TrendFilterSchema.parse({ topics: ["safety", "rlhf"], from: "2025-02-15", to: "2025-11-20" });
      const { topics, points } = await getTopicTrends(connection, filter, "month");
      expect(topics.map((topic) => topic.id)).toEqual(["rlhf", "safety"]);
      expect(points[0]!.periodStart).toBe("2025-02-01");
      for (const point of points) {
        const from = point.periodStart < filter.from! ? filter.from! : point.periodStart;
        const to = point.periodEnd > filter.to! ? filter.to! : point.periodEnd;
        for (const topic of topics) {
          expect(await countPapers(connection, { ...filter, from, to, topics: [topic.id] })).toBe(point.topics[topic.id]);
        }
      }
    });
  });

  test("every code host segment per year", async () => {
    await withSamples(async (connection) => {
      const points = await getCodeTrends(connection, TrendFilterSchema.parse({}), "year");
      for (const point of points) {
        const period = { from: point.periodStart, to: point.periodEnd };
        expect(await countPapers(connection, { ...period, hasCode: true })).toBe(point.withCode);
        for (const [host, count] of Object.entries(point.hosts)) {
          expect(await countPapers(connection, { ...period, codeHost: host })).toBe(count);
        }
      }
    });
  });

  test("every team-size bar", async () => {
    await withSamples(async (connection) => {
      const bins = await getTeamSizes(connection, TrendFilterSchema.parse({}));
      expect(bins.reduce((total, bin) => total + bin.papers, 0)).toBe(3382);
      for (const bin of bins) {
        expect(await countPapers(connection, { minAuthors: bin.minAuthors, maxAuthors: bin.maxAuthors ?? undefined })).toBe(bin.papers);
      }
    });
  });

  test("every author and upvote point per quarter", async () => {
    await withSamples(async (connection) => {
      const filter = TrendFilterSchema.parse({});
      const authors = await getAuthorTrends(connection, filter, "quarter");
      const upvotes = await getUpvoteTrends(connection, filter, "quarter");
      for (const point of authors) {
        expect(await countPapers(connection, { from: point.periodStart, to: point.periodEnd, minAuthors: 1 })).toBe(point.papersWithAuthorCount);
      }
      for (const point of upvotes) {
        expect(await countPapers(connection, { from: point.periodStart, to: point.periodEnd })).toBe(point.papers);
      }
    });
  });
});
