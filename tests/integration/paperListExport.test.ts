import { listPapers } from "@alignment-trends/analytics";
import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
// The web app's loader of paper list downloads, tested here because this workspace has the sample database.
import { loadPaperList } from "../../apps/web/lib/export/loadPaperList";
import { withSamples } from "../support/openSamples";

const SAFETY = TrendFilterSchema.parse({ topics: ["safety"] });
const NEWEST_FIRST = { sort: "date", order: "desc" } as const;

describe("loadPaperList", () => {
  test("cuts a whole list at the limit", async () => {
    await withSamples(async (connection) => {
      const { total } = await listPapers(connection, SAFETY, { ...NEWEST_FIRST, limit: 1, offset: 0 });
      expect(total).toBeGreaterThan(10);

      const list = await loadPaperList(connection, SAFETY, { ...NEWEST_FIRST, limit: "all", offset: 0 }, 10);
      expect(list.page.papers).toHaveLength(10);
      expect(list.rows).toEqual({ total, included: 10, offset: 0, limit: 10, truncated: true });
      expect(list.notes).toEqual([
        `The list holds the first 10 of ${total} papers, the most one download holds; narrow the filters, or download the rest with offset=10.`,
      ]);
    });
  });

  test("keeps a whole list that fits", async () => {
    await withSamples(async (connection) => {
      const { total, papers } = await listPapers(connection, SAFETY, { ...NEWEST_FIRST, limit: 500, offset: 0 });
      const list = await loadPaperList(connection, SAFETY, { ...NEWEST_FIRST, limit: "all", offset: total - 7 }, 10);
      expect(list.page.papers.map((paper) => paper.id)).toEqual(papers.slice(total - 7).map((paper) => paper.id));
      expect(list.rows).toEqual({ total, included: 7, offset: total - 7, limit: 10, truncated: false });
      expect(list.notes).toEqual([]);
    });
  });

  test("never marks a page as cut", async () => {
    await withSamples(async (connection) => {
      const list = await loadPaperList(connection, SAFETY, { ...NEWEST_FIRST, limit: 5, offset: 0 }, 10);
      expect(list.page.papers).toHaveLength(5);
      expect(list.rows.truncated).toBe(false);
      expect(list.notes).toEqual([]);
    });
  });
});
