/**
 * Series colours that stay distinct for the common forms of colour blindness:
 * the Okabe–Ito palette (Okabe and Ito, "Color Universal Design", 2008) with
 * black replaced by grey for dark mode, followed by four colours of Paul Tol's
 * "muted" scheme.
 */
export const SERIES_COLORS = [
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999",
  "#882255", "#44AA99", "#332288", "#DDCC77",
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}
