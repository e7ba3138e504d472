import fc from "fast-check";

/** The seed every property uses unless `FC_SEED` sets another, so that CI runs the same cases each time. */
const DEFAULT_SEED = 20_261_205;

function readInteger(name: string, value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`${name} must be an integer, found "${value}"; unset it or give a whole number`);
  return number;
}

const seed = readInteger("FC_SEED", process.env.FC_SEED) ?? DEFAULT_SEED;
const runsOverride = readInteger("FC_RUNS", process.env.FC_RUNS);

/**
 * Returns the fast-check parameters of one property: the fixed or `FC_SEED`
 * seed, and `runs` runs unless `FC_RUNS` sets the count for every property.
 * fast-check prints the seed and the path of the shrunk counterexample on
 * failure, so a failure reruns with `FC_SEED=<seed>`.
 */
export function propertyParameters(runs: number): fc.Parameters<unknown> {
  return { seed, numRuns: runsOverride ?? runs };
}
