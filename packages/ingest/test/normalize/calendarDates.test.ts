import { describe, expect, test } from "vitest";
import { dayInFileName, monthOfShortDate, utcDayOfRfc822, utcDayOfTimestamp, yearOnly } from "../../src/normalize/calendarDates";

describe("calendarDates", () => {
  test.each([
    ["2025-06-03.json.gz", "2025-06-03"],
    ["2024-06-18+LLaNA.yaml", "2024-06-18"],
    ["2025-02-30.json", null],
    ["papers.json", null],
  ])("dayInFileName(%s) is %s", (name, day) => {
    expect(dayInFileName(name)).toBe(day);
  });

  test.each([
    ["Wed, 19 Nov 2025 00:00:00 +0000", "2025-11-19"],
    ["Tue, 03 Jun 2025 23:30:00 -0200", "2025-06-04"],
    ["3 Jun 2025 01:00 GMT", "2025-06-03"],
    ["Mon, 30 Feb 2025 00:00:00 +0000", null],
    ["yesterday", null],
  ])("utcDayOfRfc822(%s) is %s", (text, day) => {
    expect(utcDayOfRfc822(text)).toBe(day);
  });

  test.each([
    ["2023-12-24T23:08:59-02:00", "2023-12-25"],
    ["2025-06-02T17:54:39.000Z", "2025-06-02"],
    ["2024-06-18 00:00", "2024-06-18"],
    ["2024-06-18", "2024-06-18"],
    ["2024-02-30T00:00:00Z", null],
    ["not a date", null],
  ])("utcDayOfTimestamp(%s) is %s", (text, day) => {
    expect(utcDayOfTimestamp(text)).toBe(day);
  });

  test.each([
    ["23.06", { date: "2023-06-01", precision: "month" }],
    [" 26.05 ", { date: "2026-05-01", precision: "month" }],
    ["23.13", null],
    ["2023.06", null],
  ])("monthOfShortDate(%s)", (text, value) => {
    expect(monthOfShortDate(text)).toEqual(value);
  });

  test("yearOnly stores January 1 with year precision", () => {
    expect(yearOnly(2024)).toEqual({ date: "2024-01-01", precision: "year" });
  });
});
