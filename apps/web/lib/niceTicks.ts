/** Multiples of a power of ten that make readable axis steps. */
const STEP_FACTORS = [1, 2, 2.5, 5, 10];

/**
 * Returns axis ticks from 0 to at least `max` in about `count` steps of 1, 2,
 * 2.5 or 5 times a power of ten, such as 0, 2.5%, 5% and 7.5%. Recharts 3.11
 * drew 0, 6.5%, 13%, 19.5% and 26% for shares up to 25%. `max` must be positive.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) throw new RangeError(`niceTicks needs a positive finite maximum, not ${max}`);
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = STEP_FACTORS.map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;

  // toPrecision drops the binary noise of products such as 3 × 0.025.
  const steps = Math.ceil(max / step - 1e-9);
  return Array.from({ length: steps + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}
