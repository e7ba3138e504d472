import { parseRgb } from "./parseRgb";

/** Returns `color` as `rgba()` with the given alpha, 0 to 1, for a fill that needs no separate opacity. */
export function withAlpha(color: string, alpha: number): string {
  return `rgba(${parseRgb(color).join(", ")}, ${alpha})`;
}
