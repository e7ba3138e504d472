import type { ImageTheme } from "./composeChartSvg";

/** Reads the page's current colours and font, resolved for the light or dark scheme that the reader's system prefers. */
export function readImageTheme(): ImageTheme {
  const style = getComputedStyle(document.documentElement);
  return {
    background: style.backgroundColor,
    text: style.color,
    muted: style.getPropertyValue("--muted").trim() || style.color,
    fontFamily: style.fontFamily,
  };
}
