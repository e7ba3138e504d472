import { describe, expect, test } from "vitest";
import { CalendarDateSchema } from "../src/calendarDate";
import { filterFromQuery, PapersQuerySchema, TrendsQuerySchema } from "../src/trendQuery";

describe("CalendarDateSchema", () => {
  test.each(["2024-02-29", "2025-12-31", "0001-01-01"])("accepts %s", (value) => {
    expect(CalendarDateSchema.safeParse(value).success).toBe(true);
  });

  test.each(["2025-02-29", "2024-02-30", "2025-13-01", "2025-1-01", "20250101", "2025-06-31", ""])("rejects %s", (value) => {
    expect(CalendarDateSchema.safeParse(value).success).toBe(false);
  });
});

describe("TrendsQuerySchema", () => {
  test("applies defaults", () => {
    expect(TrendsQuerySchema.parse({})).toEqual({ metric: "papers", bucket: "month", format: "json" });
  });

  test("reads repeated and comma-separated topics", () => {
    expect(TrendsQuerySchema.parse({ topic: ["rlhf", "safety,values-pluralism"] }).topic).toEqual(["rlhf", "safety", "values-pluralism"]);
  });

  test("rejects unknown parameters", () => {
    expect(TrendsQuerySchema.safeParse({ colour: "red" }).success).toBe(false);
  });

  test.each([
    [{ bucket: "day" }, "bucket"],
    [{ hasCode: "yes" }, "hasCode"],
    [{ minUpvotes: "-1" }, "minUpvotes"],
    [{ from: "2025-02-30" }, "from"],
    [{ topic: "Not A Topic" }, "topic"],
  ])("names the invalid parameter in %o", (input, parameter) => {
    const result = TrendsQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(parameter);
  });
});

describe("PapersQuerySchema", () => {
  test("bounds the page size", () => {
    expect(PapersQuerySchema.parse({ limit: "500" }).limit).toBe(500);
    expect(PapersQuerySchema.safeParse({ limit: "501" }).success).toBe(false);
    expect(PapersQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });

  test("takes all as a page size", () => {
    expect(PapersQuerySchema.parse({ limit: "all" }).limit).toBe("all");
  });

  test("names both page size forms when rejecting", () => {
    for (const limit of ["0", "501", "5.5", "every"]) {
      const result = PapersQuerySchema.safeParse({ limit });
      expect(result.error?.issues.map((issue) => issue.message), limit).toEqual(['expected a whole number from 1 to 500, or "all"']);
    }
  });
});

describe("filterFromQuery", () => {
  test("builds a filter from parsed parameters", () => {
    const query = PapersQuerySchema.parse({ from: "2025-01-01", topic: "rlhf", hasCode: "false", minUpvotes: "3", q: "  dpo  " });
    expect(filterFromQuery(query)).toEqual({
      from: "2025-01-01",
      topics: ["rlhf"],
      hasCode: false,
      minUpvotes: 3,
      q: "dpo",
      terms: [],
      allTopics: [],
      dateBasis: "listed",
      upvoteBasis: "latest",
    });
  });

  test("rejects a range whose start is after its end", () => {
    const query = PapersQuerySchema.parse({ from: "2025-02-01", to: "2025-01-01" });
    expect(() => filterFromQuery(query)).toThrow("from must not be after to");
  });
});
