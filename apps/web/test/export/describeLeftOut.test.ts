import { TrendFilterSchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { describeLeftOut } from "../../lib/export/describeLeftOut";

const LISTED = TrendFilterSchema.parse({});
const PUBLISHED = TrendFilterSchema.parse({ dateBasis: "published" });

describe("describeLeftOut", () => {
  test("gives no notes for none left out", () => {
    expect(describeLeftOut({ undated: 0, coarse: 0 }, LISTED, "month")).toEqual([]);
  });

  test("names date basis and bucket", () => {
    expect(describeLeftOut({ undated: 1, coarse: 1_234 }, PUBLISHED, "week")).toEqual([
      "1 paper has no date (published) and is left out.",
      "1,234 papers have a date known only to a span longer than one week and are left out.",
    ]);
  });

  test("omits coarse dates without bucket", () => {
    expect(describeLeftOut({ undated: 3, coarse: 5 }, LISTED, null)).toEqual(["3 papers have no date (first listed, else published) and are left out."]);
  });
});
