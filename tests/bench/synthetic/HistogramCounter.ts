/** Counts integer values and writes them as a profile histogram: value (as a string) to count, in value order. */
export class HistogramCounter {
  private readonly counts = new Map<number, number>();

  add(value: number, times = 1): void {
    if (!Number.isInteger(value)) throw new Error(`Histogram values must be integers, got ${value}`);
    this.counts.set(value, (this.counts.get(value) ?? 0) + times);
  }

  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  toJSON(): Record<string, number> {
    const sorted = [...this.counts.entries()].sort(([a], [b]) => a - b);
    return Object.fromEntries(sorted.map(([value, count]) => [String(value), count]));
  }
}

/** Returns the lower bound of the power-of-two bin of a count: 0, 1, 2, 4, 8, ... */
export function powerOfTwoBin(value: number): number {
  return value < 1 ? 0 : 2 ** Math.floor(Math.log2(value));
}
