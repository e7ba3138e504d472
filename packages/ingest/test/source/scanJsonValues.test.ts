import { describe, expect, test } from "vitest";
import { scanJsonValues, TruncatedJsonError, type ScannedItem } from "../../src/source/scanJsonValues";

async function* chunked(text: string, size: number) {
  for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

async function scan(text: string, depth: number, size = 3, maxLength?: number) {
  const items: ScannedItem[] = [];
  for await (const item of scanJsonValues(chunked(text, size), depth, maxLength)) items.push(item);
  return items.map((item) => ("value" in item ? [item.value.path, item.value.raw] : ["error", item.error.message, item.error.path]));
}

describe("scanJsonValues", () => {
  test("yields the elements of a top-level array in any chunking", async () => {
    const text = ' [ {"a": [1, {"b": "x]}"}]}, "str\\"ing", 12.5e3 , true, null, [] ]';
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(await scan(text, 1, size)).toEqual([
        [[0], '{"a": [1, {"b": "x]}"}]}'],
        [[1], '"str\\"ing"'],
        [[2], "12.5e3"],
        [[3], "true"],
        [[4], "null"],
        [[5], "[]"],
      ]);
    }
  });

  test("yields object members with their keys", async () => {
    expect(await scan('{"2401.00001": {"t": 1}, "k\\u00e9y": [2]}', 1)).toEqual([
      [["2401.00001"], '{"t": 1}'],
      [["kéy"], "[2]"],
    ]);
  });

  test("yields a wrapper's scalars and the items of its data array", async () => {
    expect(await scan('{"status": "success", "date": "2025-01-10", "count": 2, "data": ["a", {"b": 1}]}', 2)).toEqual([
      [["status"], '"success"'],
      [["date"], '"2025-01-10"'],
      [["count"], "2"],
      [["data", 0], '"a"'],
      [["data", 1], '{"b": 1}'],
    ]);
  });

  test("keeps a key that is not a valid JSON string as written", async () => {
    expect(await scan('{"a\nb": 1, "c\\q": 2, "d": 3}', 1)).toEqual([
      [["a\nb"], "1"],
      [["c\\q"], "2"],
      [["d"], "3"],
    ]);
  });

  test("yields the members of nested objects at depth two", async () => {
    expect(await scan('{"Alignment": {"2406.1": "- line\\n"}, "Safety": {"2406.2": "x", "2406.3": "y"}}', 2)).toEqual([
      [["Alignment", "2406.1"], '"- line\\n"'],
      [["Safety", "2406.2"], '"x"'],
      [["Safety", "2406.3"], '"y"'],
    ]);
  });

  test("reports a value over the length limit and goes on", async () => {
    expect(await scan('[{"long": "0123456789"}, {"ok": 1}]', 1, 4, 10)).toEqual([
      ["error", "value longer than 10 characters", [0]],
      [[1], '{"ok": 1}'],
    ]);
  });

  test("yields the complete values of a truncated document, then raises", async () => {
    const items: ScannedItem[] = [];
    const run = async () => {
      for await (const item of scanJsonValues(chunked('[{"a": 1}, {"b": [2, 3', 5), 1)) items.push(item);
    };
    await expect(run()).rejects.toThrow(TruncatedJsonError);
    expect(items).toEqual([{ value: { path: [0], raw: '{"a": 1}', offset: 1 } }]);
  });

  test("handles nesting thousands deep without recursion", async () => {
    const deep = `[${"[".repeat(5000)}${"]".repeat(5000)}, 1]`;
    const items = await scan(deep, 1, 64);
    expect(items).toHaveLength(2);
    expect(items[1]).toEqual([[1], "1"]);
  });
});

describe("scanJsonValues limits", () => {
  test("skips a value nested past the depth limit", async () => {
    const deep = `${"[".repeat(50)}${"]".repeat(50)}`;
    const items: ScannedItem[] = [];
    for await (const item of scanJsonValues(chunked(`[1, {"a": ${deep}}, 3]`, 4), 1, 10_000, 20)) items.push(item);
    expect(items.map((item) => ("value" in item ? item.value.raw : [item.error.reason, item.error.message, item.error.path]))).toEqual([
      "1",
      ["nesting too deep", "value nested deeper than 20 levels", [1]],
      "3",
    ]);
  });

  test("names the value a truncated document cut", async () => {
    const cut = async (text: string) => {
      try {
        for await (const item of scanJsonValues(chunked(text, 5), 1)) void item;
      } catch (error) {
        return [(error as TruncatedJsonError).path, (error as TruncatedJsonError).offset];
      }
      return null;
    };
    expect(await cut('[{"a": 1}, {"b": "tw')).toEqual([[1], 20]);
    expect(await cut('[{"a": 1}, ')).toEqual([null, 11]);
  });
});
