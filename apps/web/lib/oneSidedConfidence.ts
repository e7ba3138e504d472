/**
 * Returns the confidence level of a one-sided bound at `z` standard errors:
 * the standard normal distribution function at `z`, so 1.645 gives 0.95.
 * Uses the approximation of erf by Abramowitz and Stegun (formula 7.1.26),
 * whose absolute error is below 1.5e-7.
 */
export function oneSidedConfidence(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - polynomial * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
