/** Returns the cell's shade, 0 to 1: the pair's papers over the smaller topic's, so a topic nested in another shows dark. */
export function cooccurrenceOverlap(counts: number[][], row: number, column: number): number {
  const smaller = Math.min(counts[row]![row]!, counts[column]![column]!);
  return smaller === 0 ? 0 : counts[row]![column]! / smaller;
}

/** The share of `--matrix-shade` in a cell of full overlap, in percent. The rest is the background. */
export const MAX_SHADE_PERCENT = 70;
