/** The one-sided 95% normal quantile that sets how sure a growth's lower bound is. */
export const GROWTH_CONFIDENCE_Z = 1.645;

export interface GrowthEstimate {
  /** The recent share over the baseline share. */
  growth: number;
  /** The growth that the counts support with 95% confidence, one-sided; above 1 means the share grew beyond chance. */
  lowerBound: number;
}

/**
 * Estimates how many times its baseline share a term's recent share is, from
 * `recentPapers` of `recentTotal` and `baselinePapers` of `baselineTotal`
 * papers. Half a paper is added to every count (Haldane's correction), so a
 * term absent from the baseline has a finite growth. The lower bound comes
 * from the normal approximation of the log ratio (Katz et al. 1978).
 */
export function estimateGrowth(recentPapers: number, recentTotal: number, baselinePapers: number, baselineTotal: number): GrowthEstimate {
  if (recentTotal <= 0 || baselineTotal <= 0) {
    throw new RangeError(`growth needs papers in both windows, not ${recentTotal} recent and ${baselineTotal} baseline`);
  }
  const recent = recentPapers + 0.5;
  const baseline = baselinePapers + 0.5;
  const logGrowth = Math.log(recent / (recentTotal + 0.5)) - Math.log(baseline / (baselineTotal + 0.5));
  const standardError = Math.sqrt(1 / recent - 1 / (recentTotal + 0.5) + 1 / baseline - 1 / (baselineTotal + 0.5));
  return { growth: Math.exp(logGrowth), lowerBound: Math.exp(logGrowth - GROWTH_CONFIDENCE_Z * standardError) };
}
