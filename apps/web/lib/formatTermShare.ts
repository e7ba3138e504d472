const wholeShareFormat = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const smallShareFormat = new Intl.NumberFormat("en", { style: "percent", maximumSignificantDigits: 2 });

/**
 * Formats a share from 0 to 1 as a percentage: one decimal from 1% up, two
 * significant digits below, so that one paper among thousands reads 0.033%
 * rather than 0%. Only a share of exactly 0 reads 0%.
 */
export function formatTermShare(share: number): string {
  return share >= 0.01 || share === 0 ? wholeShareFormat.format(share) : smallShareFormat.format(share);
}
