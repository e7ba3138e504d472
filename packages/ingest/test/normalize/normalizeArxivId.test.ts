import { describe, expect, test } from "vitest";
import { arxivIdFromText, normalizeArxivId, publishedMonthOfArxivId } from "../../src/normalize/normalizeArxivId";

describe("normalizeArxivId", () => {
  test.each([
    ["2506.01939", "2506.01939"],
    ["2506.01939v3", "2506.01939"],
    ["arXiv:2401.12345v1", "2401.12345"],
    [" 1706.03762 ", "1706.03762"],
    ["hep-th/9901001", "hep-th/9901001"],
    ["hep-th/9901001v2", "hep-th/9901001"],
    ["math.GT/0309136", "math.GT/0309136"],
    ["2503.0213", "2503.02130"],
    ["2503.021", "2503.02100"],
    ["1412.123", "1412.1230"],
    ["0704.0001", "0704.0001"],
  ])("normalizes %s to %s", (raw, expected) => {
    expect(normalizeArxivId(raw)).toBe(expected);
  });

  test("keeps ids that differ only in inner zeros apart", () => {
    expect(normalizeArxivId("2503.0213")).not.toBe(normalizeArxivId("2503.00213"));
  });

  test.each(["", "abc", "2506", "12345.6789", "2513.01234", "1412.12345", "2506.019999"])("returns null for %s", (raw) => {
    expect(normalizeArxivId(raw)).toBeNull();
  });
});

describe("arxivIdFromText", () => {
  test.each([
    ["https://arxiv.org/abs/2406.11833", "2406.11833"],
    ["http://arxiv.org/abs/2406.03199v4", "2406.03199"],
    ["https://arxiv.org/pdf/2406.11833v2.pdf", "2406.11833"],
    ["https://arxiv.org/html/2406.11833v1", "2406.11833"],
    ["https://huggingface.co/papers/2511.21631", "2511.21631"],
    ["see arXiv:2401.12345 for details", "2401.12345"],
    ["https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"],
  ])("finds the id in %s", (text, id) => {
    expect(arxivIdFromText(text)).toBe(id);
  });

  test("returns null without an arXiv reference", () => {
    expect(arxivIdFromText("https://aclanthology.org/2025.emnlp-demos.48/")).toBeNull();
  });
});

describe("publishedMonthOfArxivId", () => {
  test.each([
    ["2503.02130", "2025-03-01"],
    ["0704.0001", "2007-04-01"],
    ["hep-th/9901001", "1999-01-01"],
    ["math.GT/0309136", "2003-09-01"],
  ])("dates %s to the month of %s", (id, date) => {
    expect(publishedMonthOfArxivId(id)).toEqual({ date, precision: "month" });
  });
});
