/**
 * Returns the `p`th percentile (0 to 100) of `values` by linear interpolation
 * between the two nearest ranks, the definition of NumPy's default `linear`
 * method and of Excel's PERCENTILE.INC. `values` need not be sorted.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("Cannot take a percentile of no values; measure at least one sample");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Invalid percentile ${p}; expected a number from 0 to 100`);

  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lowerValue = sorted[lower]!;
  return lowerValue + (sorted[upper]! - lowerValue) * (rank - lower);
}
