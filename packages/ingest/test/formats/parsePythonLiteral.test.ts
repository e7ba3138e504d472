import { describe, expect, test } from "vitest";
import { parsePythonLiteral, PythonLiteralError } from "../../src/formats/parsePythonLiteral";

describe("parsePythonLiteral", () => {
  test("reads a repr dict with nested values", () => {
    expect(parsePythonLiteral("{'a': [1, -2.5, 3e2], 'b': (True, False, None), 'c': {'d': \"it's\"}}")).toEqual({
      a: [1, -2.5, 300],
      b: [true, false, null],
      c: { d: "it's" },
    });
  });

  test("decodes escapes the way Python writes them", () => {
    expect(parsePythonLiteral("'tab\\there\\nnew \\'q\\' \\\\ \\xe9 \\u00fc \\U0001F600'")).toBe("tab\there\nnew 'q' \\ é ü 😀");
  });

  test("keeps text that is not ASCII", () => {
    expect(parsePythonLiteral("{'name': 'Łukasz Kaiser', 'title': '对齐'}")).toEqual({ name: "Łukasz Kaiser", title: "对齐" });
  });

  test("keeps a __proto__ key as a member, not the prototype", () => {
    const parsed = parsePythonLiteral("{'__proto__': [], 'a': 1}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(parsed, "__proto__")?.value).toEqual([]);
    expect(parsed).toStrictEqual(JSON.parse('{"__proto__": [], "a": 1}'));
  });

  test("accepts trailing commas and empty containers", () => {
    expect(parsePythonLiteral("{'a': [], 'b': {}, 'c': [1, 2,],}")).toEqual({ a: [], b: {}, c: [1, 2] });
  });

  test.each([
    ["{'a': 1", 'expected "}" at offset 7'],
    ["{'a': 'unterminated}", "unterminated string at offset 6"],
    ["{'a': nan}", "expected a value at offset 6"],
    ["{'a': 1} tail", "unexpected text after the literal at offset 9"],
    ["'\\q'", 'unsupported escape "\\q" at offset 1'],
  ])("raises a typed error on %s", (text, message) => {
    expect(() => parsePythonLiteral(text)).toThrow(new PythonLiteralError(message.replace(/ at offset \d+$/u, ""), Number(/\d+$/u.exec(message)![0])));
  });

  test("raises on nesting deeper than the limit instead of overflowing the stack", () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    expect(() => parsePythonLiteral(deep)).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral(deep)).toThrow("nesting deeper than 64 levels");
  });
});
