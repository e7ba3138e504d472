import { describe, expect, test } from "vitest";
import { normalizeArxivId } from "../src/normalize/normalizeArxivId";

describe("normalizeArxivId", () => {
  test.each([
    ["2506.01939", "2506.01939"],
    ["2506.01939v3", "2506.01939"],
    ["arXiv:2401.12345v1", "2401.12345"],
    [" 1706.03762 ", "1706.03762"],
    ["hep-th/9901001", "hep-th/9901001"],
    ["hep-th/9901001v2", "hep-th/9901001"],
    ["math.GT/0309136", "math.GT/0309136"],
  ])("normalizes %s to %s", (raw, expected) => {
    expect(normalizeArxivId(raw)).toBe(expected);
  });

  test.each(["", "abc", "2506", "12345.6789", "2506.019"])("returns null for %s", (raw) => {
    expect(normalizeArxivId(raw)).toBeNull();
  });
});
