import { describe, expect, test } from "vitest";
import { chooseLastMonth } from "../src/terms/chooseLastMonth";

describe("chooseLastMonth", () => {
  test("keeps a last month with the usual papers", () => {
    expect(chooseLastMonth([100, 120, 90, 110, 95])).toBe(4);
  });

  test("passes over a trailing month with one day's digest", () => {
    expect(chooseLastMonth([100, 120, 90, 110, 95, 3])).toBe(4);
  });

  test("passes over several thin trailing months", () => {
    expect(chooseLastMonth([100, 120, 90, 110, 95, 20, 3])).toBe(4);
  });

  test("keeps a month at a quarter of the median", () => {
    expect(chooseLastMonth([100, 100, 100, 25])).toBe(3);
  });

  test("judges no month with fewer than three before it", () => {
    expect(chooseLastMonth([100, 100, 1])).toBe(2);
    expect(chooseLastMonth([])).toBe(-1);
  });
});
