/** The share of the usual monthly papers below which a trailing month is too thin to end the recent window. */
export const THIN_MONTH_SHARE = 0.25;

/** The months before a trailing month whose median sets what is usual. */
const REFERENCE_MONTHS = 12;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Returns the index of the month that ends the recent window, given papers
 * per month in time order. A trailing month with fewer papers than
 * `THIN_MONTH_SHARE` of the median of the twelve months before it (such as
 * a month with one day's digest so far) is passed over, and so is each
 * thin month before it, so that a new digest does not shrink the recent
 * window to a handful of papers. Needs three months before a month to judge
 * it, and returns -1 for no months.
 */
export function chooseLastMonth(papersPerMonth: number[]): number {
  let last = papersPerMonth.length - 1;
  while (last >= 3) {
    const before = papersPerMonth.slice(Math.max(0, last - REFERENCE_MONTHS), last);
    if (papersPerMonth[last]! >= THIN_MONTH_SHARE * median(before)) break;
    last -= 1;
  }
  return last;
}
