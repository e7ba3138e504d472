/** Writes one CSV record as RFC 4180 does: a cell with a comma, quote or line break is quoted, with its quotes doubled. */
export function writeCsvRecord(cells: string[]): string {
  return cells.map((cell) => (/[",\r\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell)).join(",");
}

/** Counts the lines a written record spans, which is one more than the line breaks in its quoted cells. */
export function countLines(record: string): number {
  return record.split(/\r\n|\n|\r/u).length;
}
