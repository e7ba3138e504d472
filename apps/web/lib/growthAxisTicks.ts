const STEPS = [1, 1.5, 2, 3, 5];

/**
 * Returns the ticks of a logarithmic growth axis from 1 up to the first tick
 * at or above `maxGrowth`: 1, 1.5, 2, 3, 5, then 1, 2 and 5 times each higher
 * power of ten. The last tick is the top of the axis, so no bar runs past it.
 * There are always at least two ticks.
 */
export function growthAxisTicks(maxGrowth: number): number[] {
  const ticks: number[] = [1];
  for (let scale = 1; ticks.length < 2 || ticks.at(-1)! < maxGrowth; scale *= 10) {
    const candidates = scale === 1 ? STEPS.slice(1) : [scale, 2 * scale, 5 * scale];
    for (const tick of candidates) {
      if (tick <= ticks.at(-1)!) continue;
      ticks.push(tick);
      if (tick >= maxGrowth) break;
    }
  }
  return ticks;
}
