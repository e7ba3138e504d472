import type { SeededRandom } from "./SeededRandom";

/**
 * Draws values with probability proportional to their weights, by binary
 * search over cumulative weights: O(log n) per draw, which suits the
 * vocabulary of some 15,000 words that text generation draws from.
 */
export class WeightedSampler<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  readonly totalWeight: number;

  constructor(entries: Iterable<readonly [T, number]>) {
    const values: T[] = [];
    const weights: number[] = [];
    for (const [value, weight] of entries) {
      if (!(weight > 0)) continue;
      values.push(value);
      weights.push(weight);
    }
    if (values.length === 0) throw new Error("Cannot sample from an empty distribution: every weight is zero or none was given");
    this.values = values;
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, i) => {
      total += weight;
      this.cumulative[i] = total;
    });
    this.totalWeight = total;
  }

  /** Builds a sampler of numbers from a histogram that maps each value, written as a string, to its count. */
  static fromHistogram(histogram: Record<string, number>): WeightedSampler<number> {
    return new WeightedSampler(Object.entries(histogram).map(([value, count]) => [Number(value), count] as const));
  }

  sample(random: SeededRandom): T {
    const target = random.float() * this.totalWeight;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low]!;
  }

  /** Returns the weighted mean; only meaningful for numeric values. */
  mean(this: WeightedSampler<number>): number {
    let sum = 0;
    let previous = 0;
    this.values.forEach((value, i) => {
      const cumulative = this.cumulative[i]!;
      sum += value * (cumulative - previous);
      previous = cumulative;
    });
    return sum / this.totalWeight;
  }
}
