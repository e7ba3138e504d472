import { countCoarseDates, countLeftOutPapers, getHeadline, getTopicTrends, listPapers, readRows } from "@alignment-trends/analytics";
import { TrendFilterSchema, type TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { describe, expect, inject, test } from "vitest";
import { withRealDigests } from "../support/openSamples";

/*
 * Records per format in the 289 real files, after each source's documented
 * duplicates: the counts of the source list, corrected where a parser found
 * the list counted other things (tutorial rows, template lines, wrapped
 * table rows counted once per line).
 */
const EXPECTED_FORMATS = [
  { format: "hf-daily-api", files: 197, parsed: 3352, repeated: 0, rejected: 0 },
  { format: "hf-papers-json", files: 1, parsed: 753, repeated: 0, rejected: 0 },
  { format: "hf-scraped-daily", files: 5, parsed: 24 + 4 + 26 + 186 + 604, repeated: 186 - 162 + (604 - 419), rejected: 0 },
  { format: "nlp-arxiv-daily", files: 3, parsed: 1363 + 3586 + 4895, repeated: 1363 - 1091 + (3586 - 2655) + (4895 - 3627), rejected: 0 },
  { format: "papers-list-csv", files: 1, parsed: 5518, repeated: 1, rejected: 0 },
  { format: "ko-daily-markdown", files: 4, parsed: 16 + 11 + 29 + 50, repeated: 0, rejected: 0 },
  { format: "daily-table-markdown", files: 44, parsed: 823, repeated: 0, rejected: 0 },
  { format: "weekly-table-markdown", files: 1, parsed: 1300, repeated: 4, rejected: 0 },
  { format: "paper-abstracts-csv", files: 1, parsed: 420, repeated: 1, rejected: 0 },
  { format: "security-digest-rss", files: 2, parsed: 486 + 274, repeated: 274 - 244, rejected: 0 },
  { format: "paper-yaml", files: 27, parsed: 27, repeated: 0, rejected: 0 },
  { format: "awesome-list-markdown", files: 1, parsed: 124, repeated: 3, rejected: 0 },
  { format: "dated-table-markdown", files: 2, parsed: 1117 + 870, repeated: 4, rejected: 1 },
];

const ONE_PAGE = { sort: "date", order: "desc", limit: 1, offset: 0 } as const;

function filter(values: Partial<TrendFilter> = {}): TrendFilter {
  return TrendFilterSchema.parse(values);
}

async function countPapers(connection: DuckDBConnection, values: Partial<TrendFilter>): Promise<number> {
  return (await listPapers(connection, filter(values), ONE_PAGE)).total;
}

describe("ingest of the real digests", () => {
  test("real digests folder is present", () => {
    expect(inject("realDatabase")).not.toBe("");
  });

  test("loads every file with the expected records per format", async () => {
    const rows = await withRealDigests((connection) =>
      readRows(connection, {
        sql: `SELECT format, count(*)::INTEGER AS files, sum(records)::INTEGER AS parsed,
            sum(duplicates_in_file)::INTEGER AS repeated, sum(rejected)::INTEGER AS rejected
          FROM digests WHERE status = 'loaded' GROUP BY format`,
      }),
    );
    const byFormat = new Map(rows.map((row) => [row.format, row]));
    for (const expected of EXPECTED_FORMATS) expect(byFormat.get(expected.format)).toEqual(expected);
    expect(rows).toHaveLength(EXPECTED_FORMATS.length);
  });

  test("stores the one reject with its reason", async () => {
    const rejects = await withRealDigests((connection) => readRows(connection, { sql: "SELECT path, location, reason FROM rejects" }));
    expect(rejects).toEqual([{ path: expect.stringMatching(/Defense&Mitigation\.md$/u), location: "line 452", reason: "wrong cell count" }]);
  });

  test("keeps each paper once and one sighting per digest", async () => {
    const [counts] = await withRealDigests((connection) =>
      readRows(connection, {
        sql: `SELECT (SELECT count(*) FROM papers)::INTEGER AS papers,
            (SELECT count(DISTINCT paper_id) FROM papers)::INTEGER AS distinct_papers,
            (SELECT count(*) FROM sightings)::INTEGER AS sightings,
            (SELECT count(DISTINCT (paper_id, digest_id)) FROM sightings)::INTEGER AS distinct_sightings,
            (SELECT count(*) FROM papers WHERE arxiv_id IS NOT NULL)::INTEGER AS with_arxiv_id,
            (SELECT count(DISTINCT arxiv_id) FROM papers)::INTEGER AS distinct_arxiv_ids`,
      }),
    );
    expect(counts!.papers).toBe(counts!.distinct_papers);
    expect(counts!.sightings).toBe(counts!.distinct_sightings);
    expect(counts!.with_arxiv_id).toBe(counts!.distinct_arxiv_ids);
    expect(counts).toEqual({
      papers: 18865,
      distinct_papers: 18865,
      sightings: 23135,
      distinct_sightings: 23135,
      with_arxiv_id: 18655,
      distinct_arxiv_ids: 18655,
    });
  });

  test("one day in four sources yields one paper each", async () => {
    const rows = await withRealDigests((connection) =>
      readRows(connection, {
        sql: `SELECT s.paper_id, list(DISTINCT d.format ORDER BY d.format) AS formats, count(*)::INTEGER AS sightings
          FROM sightings s JOIN digests d USING (digest_id)
          WHERE s.listed_on = DATE '2024-06-18' AND d.format IN ('hf-daily-api', 'ko-daily-markdown', 'paper-yaml', 'papers-list-csv')
          GROUP BY s.paper_id ORDER BY s.paper_id`,
      }),
    );
    expect(rows).toHaveLength(29);
    const withFormats = (count: number) => rows.filter((row) => (row.formats as string[]).length === count).map((row) => row.paper_id);
    // The API day lists 26 papers, the YAML archive 27 and the Korean digests 29 of them.
    expect(withFormats(4)).toHaveLength(26);
    expect(withFormats(3)).toEqual(["2406.11251"]);
    expect(withFormats(2)).toEqual(["2406.10023", "2406.10522"]);
    for (const row of rows) expect(row.sightings).toBe((row.formats as string[]).length);
  });

  test("a paper takes its fields from the most trusted source", async () => {
    const [paper] = await withRealDigests((connection) =>
      readRows(connection, {
        sql: `SELECT p.title, p.published_on, p.published_precision, p.authors_count, p.upvotes, p.sightings,
            (SELECT format FROM digests WHERE digest_id = p.field_sources.title) AS title_from,
            (SELECT format FROM digests WHERE digest_id = p.field_sources.published) AS published_from
          FROM papers p WHERE paper_id = '2406.11194'`,
      }),
    );
    expect(paper).toMatchObject({ published_precision: "day", sightings: 4, title_from: "hf-daily-api", published_from: "hf-daily-api" });
  });

  test("has_abstract source agrees with abstract", async () => {
    const [counts] = await withRealDigests((connection) =>
      readRows(connection, {
        sql: `SELECT count(*) FILTER (WHERE abstract IS NOT NULL)::INTEGER AS with_abstract,
            count(*) FILTER (WHERE (abstract IS NULL) <> (field_sources.abstract IS NULL))::INTEGER AS mismatched
          FROM papers`,
      }),
    );
    expect(counts!.with_abstract).toBeGreaterThan(0);
    expect(counts!.mismatched).toBe(0);
  });

  test("a weekly series counts every dated paper or says it left it out", async () => {
    await withRealDigests(async (connection) => {
      const all = filter();
      const headline = await getHeadline(connection, all);
      const { points } = await getTopicTrends(connection, all, "week");
      const coarse = await countCoarseDates(connection, all, "week");
      const inWeeks = points.reduce((total, point) => total + point.papers, 0);

      expect(coarse).toBeGreaterThan(0);
      expect(inWeeks + coarse + headline.undatedPapers).toBe(headline.papers);
      expect(await countCoarseDates(connection, all, "year")).toBe(0);
      expect(await countLeftOutPapers(connection, all, "week")).toEqual({ undated: headline.undatedPapers, coarse });
      expect(await countLeftOutPapers(connection, all, null)).toEqual({ undated: headline.undatedPapers, coarse: 0 });
    });
  });

  test("a month's drill-down lists exactly its papers", async () => {
    await withRealDigests(async (connection) => {
      const { points } = await getTopicTrends(connection, filter({ from: "2023-01-01", to: "2025-12-31" }), "month");
      expect(points).toHaveLength(36);
      for (const point of points) {
        expect([point.label, await countPapers(connection, { from: point.periodStart, to: point.periodEnd })]).toEqual([point.label, point.papers]);
      }
    });
  });

  test("published basis keeps month-only dates out of days", async () => {
    await withRealDigests(async (connection) => {
      const published = { dateBasis: "published" as const };
      const june = await countPapers(connection, { ...published, from: "2024-06-01", to: "2024-06-30" });
      const juneDays = await countPapers(connection, { ...published, from: "2024-06-01", to: "2024-06-15" });
      const juneLateDays = await countPapers(connection, { ...published, from: "2024-06-16", to: "2024-06-30" });
      const monthOnly = (
        await withRealDigests((other) =>
          readRows(other, {
            sql: "SELECT count(*)::INTEGER AS n FROM papers WHERE published_precision = 'month' AND published_on = DATE '2024-06-01'",
          }),
        )
      )[0]!.n as number;

      expect(monthOnly).toBeGreaterThan(0);
      expect(juneDays + juneLateDays + monthOnly).toBe(june);
    });
  });
});
