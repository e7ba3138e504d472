import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { imageProvenance } from "../lib/chartImage/imageProvenance";

describe("imageProvenance", () => {
  const timeZone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = "UTC";
  });
  afterEach(() => {
    process.env.TZ = timeZone;
  });

  const now = new Date("2025-06-01T09:30:00Z");

  test("captions the decoded query of a page with filters", () => {
    const url = new URL("http://127.0.0.1:3450/compare?series=RLHF+%7C+rlaif&series=%C3%9Cberalignment&bucket=year");
    expect(imageProvenance(url, now).caption).toBe("Alignment Trends, 2025-06-01 · 127.0.0.1:3450/compare?series=RLHF | rlaif&series=Überalignment&bucket=year");
  });

  test("captions a page without a query as default filters", () => {
    expect(imageProvenance(new URL("http://127.0.0.1:3450/"), now).caption).toBe("Alignment Trends, 2025-06-01 · 127.0.0.1:3450/ (default filters)");
  });

  test("describes the chart, the address and the time", () => {
    const provenance = imageProvenance(new URL("http://127.0.0.1:3450/topics?bucket=year"), now, " Papers per topic. ");
    expect(provenance).toEqual({
      date: "2025-06-01",
      caption: "Alignment Trends, 2025-06-01 · 127.0.0.1:3450/topics?bucket=year",
      description: "Papers per topic. Source: http://127.0.0.1:3450/topics?bucket=year Made 2025-06-01T09:30:00.000Z.",
    });
  });
});
