import { describe, expect, test } from "vitest";
import { formatMonthRange, lastDayOfMonth } from "../lib/formatMonthRange";

describe("formatMonthRange", () => {
  test("single month shows once", () => {
    expect(formatMonthRange("2026-06-01", "2026-06-01")).toBe("Jun 2026");
  });

  test("months of one year share the year", () => {
    expect(formatMonthRange("2026-04-01", "2026-08-01")).toBe("Apr–Aug 2026");
  });

  test("range across years names both years", () => {
    expect(formatMonthRange("2025-11-01", "2026-02-01")).toBe("Nov 2025–Feb 2026");
  });

  test("window end day counts by its month", () => {
    expect(formatMonthRange("2026-06-01", "2026-08-31")).toBe("Jun–Aug 2026");
  });

  test("invalid month raises RangeError", () => {
    expect(() => formatMonthRange("2026-13-01", "2026-13-01")).toThrow('Invalid date "2026-13-01": expected YYYY-MM or YYYY-MM-DD');
  });
});

describe("lastDayOfMonth", () => {
  test("month lengths including leap February", () => {
    expect(lastDayOfMonth("2026-08-01")).toBe("2026-08-31");
    expect(lastDayOfMonth("2026-04-01")).toBe("2026-04-30");
    expect(lastDayOfMonth("2024-02-01")).toBe("2024-02-29");
    expect(lastDayOfMonth("2026-02-15")).toBe("2026-02-28");
    expect(lastDayOfMonth("2025-12-01")).toBe("2025-12-31");
  });
});
