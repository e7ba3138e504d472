/** Position of one legend entry: its index in the input, its row and its left edge. */
export interface PlacedLegendEntry {
  index: number;
  row: number;
  x: number;
}

/**
 * Lays legend entries of the given widths out in rows, left to right, as
 * wide as `maxWidth`, with `gap` between entries, each row centred as
 * Recharts centres its legend. An entry wider than `maxWidth` gets a row of
 * its own at x = 0; the caller shortens its text.
 */
export function layoutLegend(widths: readonly number[], maxWidth: number, gap: number): { entries: PlacedLegendEntry[]; rows: number } {
  const rows: { indexes: number[]; width: number }[] = [];
  widths.forEach((width, index) => {
    const last = rows.at(-1);
    if (last && last.width + gap + width <= maxWidth) {
      last.indexes.push(index);
      last.width += gap + width;
    } else {
      rows.push({ indexes: [index], width });
    }
  });

  const entries: PlacedLegendEntry[] = [];
  rows.forEach((row, rowIndex) => {
    let x = Math.max(0, (maxWidth - row.width) / 2);
    for (const index of row.indexes) {
      entries.push({ index, row: rowIndex, x });
      x += widths[index]! + gap;
    }
  });
  return { entries, rows: rows.length };
}
