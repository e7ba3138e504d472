import { parseRgb } from "../parseRgb";

/** Mixes `fraction` (0 to 1) of `color` into `base` in sRGB, as CSS `color-mix(in srgb, …)` does for opaque colours. */
export function mixColors(color: string, base: string, fraction: number): string {
  const top = parseRgb(color);
  const bottom = parseRgb(base);
  const channels = top.map((channel, index) => Math.round(channel * fraction + bottom[index]! * (1 - fraction)));
  return `rgb(${channels.join(", ")})`;
}
