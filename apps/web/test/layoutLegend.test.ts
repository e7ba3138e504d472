import { describe, expect, test } from "vitest";
import { layoutLegend } from "../lib/chartImage/layoutLegend";

describe("layoutLegend", () => {
  test("centres entries that fit on one row", () => {
    expect(layoutLegend([40, 60], 200, 10)).toEqual({
      rows: 1,
      entries: [
        { index: 0, row: 0, x: 45 },
        { index: 1, row: 0, x: 95 },
      ],
    });
  });

  test("wraps to a new row when the next entry does not fit", () => {
    expect(layoutLegend([80, 80, 80], 200, 10)).toEqual({
      rows: 2,
      entries: [
        { index: 0, row: 0, x: 15 },
        { index: 1, row: 0, x: 105 },
        { index: 2, row: 1, x: 60 },
      ],
    });
  });

  test("puts an entry wider than the row alone at the left edge", () => {
    expect(layoutLegend([30, 300], 200, 10)).toEqual({
      rows: 2,
      entries: [
        { index: 0, row: 0, x: 85 },
        { index: 1, row: 1, x: 0 },
      ],
    });
  });

  test("returns no rows for no entries", () => {
    expect(layoutLegend([], 200, 10)).toEqual({ rows: 0, entries: [] });
  });
});
