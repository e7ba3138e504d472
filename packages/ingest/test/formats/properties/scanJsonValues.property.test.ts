import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { scanJsonValues, TruncatedJsonError, type ScannedItem } from "../../../src/source/scanJsonValues";
import { collect, cutsArbitrary, splitAt, streamChunks } from "./chunkText";
import { propertyParameters } from "./propertyParameters";

const keyArbitrary = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "a\"b", "\\", "\n", "\u2028", "🚀"));
const valueArbitrary = fc.jsonValue({ maxDepth: 3 });

function scan(text: string, cuts: number[], depth: number, maxLength?: number): Promise<ScannedItem[]> {
  return collect(scanJsonValues(streamChunks(splitAt(text, cuts)), depth, maxLength));
}

/** Returns the path and parsed value of each scanned value, checking that its offset points at its raw text. */
function valuesOf(items: ScannedItem[], text: string) {
  return items.map((item) => {
    if (!("value" in item)) throw new Error(`expected a value, found ${item.error.message}`);
    expect(text.slice(item.value.offset, item.value.offset + item.value.raw.length)).toBe(item.value.raw);
    return [item.value.path, JSON.parse(item.value.raw)];
  });
}

describe("scanJsonValues properties", () => {
  test("yields every array element in any chunking", async () => {
    const property = fc.asyncProperty(fc.array(valueArbitrary, { maxLength: 6 }), fc.constantFrom(undefined, 2), cutsArbitrary, async (values, indent, cuts) => {
      const text = JSON.stringify(values, null, indent);
      const parsed = JSON.parse(text) as unknown[];
      expect(valuesOf(await scan(text, cuts, 1), text)).toEqual(parsed.map((value, index) => [[index], value]));
    });
    await fc.assert(property, propertyParameters(300));
  });

  test("yields every object member with its key", async () => {
    const members = fc.uniqueArray(fc.tuple(keyArbitrary, valueArbitrary), { maxLength: 6, selector: ([key]) => key });
    const property = fc.asyncProperty(members, cutsArbitrary, async (entries, cuts) => {
      const text = `{${entries.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(", ")}}`;
      const expected = entries.map(([key, value]) => [[key], JSON.parse(JSON.stringify(value))]);
      expect(valuesOf(await scan(text, cuts, 1), text)).toEqual(expected);
    });
    await fc.assert(property, propertyParameters(300));
  });

  test("yields a wrapper's scalars and its items at depth two", async () => {
    const property = fc.asyncProperty(fc.string({ maxLength: 10 }), fc.array(valueArbitrary, { maxLength: 5 }), cutsArbitrary, async (date, items, cuts) => {
      const text = JSON.stringify({ date, data: items });
      const parsed = JSON.parse(text) as { data: unknown[] };
      expect(valuesOf(await scan(text, cuts, 2), text)).toEqual([[["date"], date], ...parsed.data.map((value, index) => [["data", index], value])]);
    });
    await fc.assert(property, propertyParameters(200));
  });

  test("reports values over the limit and yields the rest", async () => {
    const property = fc.asyncProperty(fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }), cutsArbitrary, async (values, cuts) => {
      const text = JSON.stringify(values);
      const items = await scan(text, cuts, 1, 12);
      expect(items.map((item) => ("value" in item ? JSON.parse(item.value.raw) : "too long"))).toEqual(values.map((value) => (JSON.stringify(value).length > 12 ? "too long" : value)));
    });
    await fc.assert(property, propertyParameters(200));
  });

  test("any text yields items or the truncation error", async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", ":", ",", "1", "a", " "), maxLength: 200 }));
    const property = fc.asyncProperty(text, fc.integer({ min: 0, max: 3 }), cutsArbitrary, async (input, depth, cuts) => {
      try {
        const items = await scan(input, cuts, depth);
        for (const item of items) {
          const offset = "value" in item ? item.value.offset : item.error.offset;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThan(input.length);
        }
      } catch (error) {
        expect(error).toBeInstanceOf(TruncatedJsonError);
        expect((error as TruncatedJsonError).offset).toBe(input.length);
      }
    });
    await fc.assert(property, propertyParameters(300));
  });
});
