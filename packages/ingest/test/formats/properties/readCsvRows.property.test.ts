import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readCsvRows, UnterminatedCsvFieldError, type CsvRow } from "../../../src/source/readCsvRows";
import { collect, cutsArbitrary, splitAt, streamChunks } from "./chunkText";
import { writeCsvRecord } from "./csvText";
import { propertyParameters } from "./propertyParameters";

const cellArbitrary = fc.string({ unit: fc.constantFrom("a", "Z", "7", " ", ",", '"', "\n", "\r", "\r\n", "é", "🚀", "|", "'"), maxLength: 12 });

/** Records of one or more cells. A record of one empty cell is left out, because it is an empty line, which the reader skips. */
const recordsArbitrary = fc.array(
  fc.array(cellArbitrary, { minLength: 1, maxLength: 5 }).filter((cells) => !(cells.length === 1 && cells[0] === "")),
  { minLength: 1, maxLength: 6 },
);

async function readAll(text: string, cuts: number[]): Promise<CsvRow[]> {
  return collect(readCsvRows(streamChunks(splitAt(text, cuts))));
}

describe("readCsvRows properties", () => {
  test("round-trips records in any chunking", async () => {
    const property = fc.asyncProperty(recordsArbitrary, fc.constantFrom("\n", "\r\n"), fc.boolean(), cutsArbitrary, async (records, separator, finalBreak, cuts) => {
      const written = records.map(writeCsvRecord);
      const text = written.join(separator) + (finalBreak ? separator : "");
      let line = 1;
      const expected = written.map((record, index) => {
        const row = { line, cells: records[index]! };
        // The reader counts line feeds, inside quoted cells too, and one per record separator.
        line += 1 + (record.match(/\n/gu)?.length ?? 0);
        return row;
      });
      expect(await readAll(text, cuts)).toEqual(expected);
    });
    await fc.assert(property, propertyParameters(300));
  });

  test("any text yields rows or the unterminated-field error", async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: fc.constantFrom(",", '"', "\n", "\r", "a", " "), maxLength: 200 }));
    const property = fc.asyncProperty(text, cutsArbitrary, async (input, cuts) => {
      const rows: CsvRow[] = [];
      try {
        for await (const row of readCsvRows(streamChunks(splitAt(input, cuts)))) rows.push(row);
      } catch (error) {
        expect(error).toBeInstanceOf(UnterminatedCsvFieldError);
        expect((error as UnterminatedCsvFieldError).line).toBeGreaterThanOrEqual(1);
      }
      const lines = rows.map((row) => row.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(new Set(lines).size).toBe(lines.length);
      expect(rows.every((row) => row.line >= 1)).toBe(true);
    });
    await fc.assert(property, propertyParameters(300));
  });
});
