import { describe, expect, test } from "vitest";
import { findInvalidUtf8, missingContinuationBytes } from "../../src/source/findInvalidUtf8";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("findInvalidUtf8", () => {
  test("accepts ASCII and multi-byte characters", () => {
    expect(findInvalidUtf8(new TextEncoder().encode("a é 한 😀"))).toBeNull();
  });

  test("finds a byte that cannot start a character", () => {
    expect(findInvalidUtf8(bytes(0x61, 0x62, 0xff, 0x63))).toBe(2);
  });

  test("finds a lead byte without its continuation", () => {
    expect(findInvalidUtf8(bytes(0x61, 0xc3, 0x28))).toBe(1);
  });

  test("rejects overlong forms and surrogates", () => {
    expect(findInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(findInvalidUtf8(bytes(0x61, 0xe0, 0x80, 0xaf))).toBe(1);
    expect(findInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });

  test("finds a continuation byte without its lead", () => {
    expect(findInvalidUtf8(bytes(0x89, 0x50))).toBe(0);
  });

  test("accepts the end of a character begun in an earlier chunk", () => {
    expect(findInvalidUtf8(bytes(0xa9, 0x61), 1)).toBeNull();
    expect(findInvalidUtf8(bytes(0x61, 0x61), 1)).toBe(0);
  });

  test("counts the bytes a cut character still needs", () => {
    expect(missingContinuationBytes(bytes(0x61, 0xf0, 0x9f))).toBe(2);
    expect(missingContinuationBytes(bytes(0x61, 0xc3))).toBe(1);
    expect(missingContinuationBytes(bytes(0x61, 0xc3, 0xa9))).toBe(0);
    expect(missingContinuationBytes(bytes(0x61))).toBe(0);
  });

  test("accepts a character cut off at the end", () => {
    expect(findInvalidUtf8(bytes(0x61, 0xf0, 0x9f))).toBeNull();
  });
});
