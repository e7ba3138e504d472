import type { MouseHandlerDataParam } from "recharts";

/** Returns the data index of the element a chart-level click landed on, or null outside any. */
export function clickedIndex(state: MouseHandlerDataParam | null | undefined): number | null {
  const index = Number(state?.activeTooltipIndex ?? Number.NaN);
  return Number.isInteger(index) && index >= 0 ? index : null;
}
