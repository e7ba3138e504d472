import { describe, expect, test } from "vitest";
import { PaperRecordSchema, type PaperRecord } from "../src/paperRecord";

const record: PaperRecord = {
  location: "line 2",
  arxivId: "2501.00001",
  title: "A paper",
  abstract: null,
  authors: null,
  authorsCount: null,
  publishedOn: { date: "2025-01-01", precision: "month" },
  listedOn: "2025-01-02",
  upvotes: null,
  comments: null,
  codeUrl: null,
  links: [],
  projectPage: null,
  aiKeywords: null,
  extra: null,
};

describe("PaperRecordSchema dates", () => {
  test("accepts days from 1900 to 2099", () => {
    expect(PaperRecordSchema.safeParse({ ...record, listedOn: "1900-01-01", publishedOn: { date: "2099-12-31", precision: "day" } }).success).toBe(true);
  });

  test("rejects listed days outside 1900 to 2099", () => {
    for (const listedOn of ["0000-01-01", "1899-12-31", "2100-01-01", "9999-12-31"]) {
      const result = PaperRecordSchema.safeParse({ ...record, listedOn });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["listedOn", "expected a day from 1900-01-01 to 2099-12-31"]]);
    }
  });

  test("rejects published days outside 1900 to 2099", () => {
    const result = PaperRecordSchema.safeParse({ ...record, publishedOn: { date: "0001-01-01", precision: "year" } });
    expect(result.error!.issues.map((issue) => issue.path.join("."))).toEqual(["publishedOn.date"]);
  });
});
