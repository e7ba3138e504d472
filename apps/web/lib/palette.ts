/**
 * Series colours for readers with and without colour-vision deficiency, in
 * both colour schemes. Every colour has a contrast of at least 3:1, the WCAG
 * 2.2 minimum for graphical objects, against the light background (#ffffff)
 * and the dark one (#111418). That rules out the light members of the
 * designed palettes, such as Okabe–Ito's orange, sky blue and yellow.
 *
 * The first four are Okabe–Ito's blue, vermilion, bluish green and reddish
 * purple (Okabe and Ito, "Color Universal Design", 2008). The rest come from
 * Paul Tol's "bright", "muted", "medium-contrast" and "vibrant" schemes, in
 * the order that keeps each prefix of the list far apart under simulated
 * protanopia, deuteranopia and tritanopia. test/palette.test.ts checks the
 * contrast and the distances.
 */
export const SERIES_COLORS = [
  "#0072B2", // Okabe–Ito blue
  "#D55E00", // Okabe–Ito vermilion
  "#009E73", // Okabe–Ito bluish green
  "#CC79A7", // Okabe–Ito reddish purple
  "#AA3377", // Tol bright purple
  "#117733", // Tol muted green
  "#999933", // Tol muted olive
  "#6699CC", // Tol medium-contrast light blue
  "#EE6677", // Tol bright red
  "#CC3311", // Tol vibrant red
  "#AA4499", // Tol muted purple
  "#EE3377", // Tol vibrant magenta
];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}
