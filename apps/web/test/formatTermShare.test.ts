import { describe, expect, test } from "vitest";
import { formatTermShare } from "../lib/formatTermShare";

describe("formatTermShare", () => {
  test("shares from 1% show one decimal", () => {
    expect(formatTermShare(0.1361)).toBe("13.6%");
    expect(formatTermShare(0.02)).toBe("2%");
    expect(formatTermShare(0.01)).toBe("1%");
  });

  test("shares below 1% keep two significant digits", () => {
    expect(formatTermShare(0.0024)).toBe("0.24%");
    expect(formatTermShare(0.0003)).toBe("0.03%");
    expect(formatTermShare(0.00033)).toBe("0.033%");
  });

  test("zero share shows 0%", () => {
    expect(formatTermShare(0)).toBe("0%");
  });
});
