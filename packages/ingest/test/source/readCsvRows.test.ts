import { describe, expect, test } from "vitest";
import { readCsvRows, UnterminatedCsvFieldError, type CsvRow } from "../../src/source/readCsvRows";

async function* chunked(text: string, size: number) {
  for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

async function read(text: string, size = 2): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(chunked(text, size))) rows.push(row);
  return rows;
}

describe("readCsvRows", () => {
  test("reads quoted fields with commas, quotes and line breaks", async () => {
    const text = 'date,title,url\r\n2024-01-01,"A, ""quoted"" title",x\r\n2024-01-02,"two\nlines",y\n\n2024-01-03,plain,z';
    for (const size of [1, 2, 5, 100]) {
      expect(await read(text, size)).toEqual([
        { line: 1, cells: ["date", "title", "url"] },
        { line: 2, cells: ["2024-01-01", 'A, "quoted" title', "x"] },
        { line: 3, cells: ["2024-01-02", "two\nlines", "y"] },
        { line: 6, cells: ["2024-01-03", "plain", "z"] },
      ]);
    }
  });

  test("keeps empty cells", async () => {
    expect(await read("a,,c\n,,\n")).toEqual([
      { line: 1, cells: ["a", "", "c"] },
      { line: 2, cells: ["", "", ""] },
    ]);
  });

  test("raises on a quoted field that never closes", async () => {
    await expect(read('a,b\n1,"open\nmore')).rejects.toThrow(new UnterminatedCsvFieldError(2));
  });
});
