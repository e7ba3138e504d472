/** A run of consecutive periods in the burst state, with how much better the burst state explains them. */
export interface Burst {
  /** Index of the first period of the burst. */
  start: number;
  /** Index of the last period of the burst, inclusive. */
  end: number;
  /** The sum over the burst of the base state's cost minus the burst state's cost; larger is stronger. */
  weight: number;
}

import type { BurstParameters } from "@alignment-trends/schema";

export type { BurstParameters };

/** The parameters the dashboard states with every burst: a burst state at twice the base rate, entered at cost ln(n). */
export const DEFAULT_BURST_PARAMETERS: BurstParameters = { scale: 2, gamma: 1 };

function logChoose(n: number, k: number): number {
  let total = 0;
  for (let index = 1; index <= k; index += 1) total += Math.log((n - k + index) / index);
  return total;
}

/** The cost of seeing `hits` of `total` papers in a state whose rate is `rate`: the negative log of the binomial probability. */
function stateCost(hits: number, total: number, rate: number): number {
  if (total === 0) return 0;
  return -(logChoose(total, hits) + hits * Math.log(rate) + (total - hits) * Math.log(1 - rate));
}

/**
 * Detects bursts in a series of proportions with Kleinberg's two-state
 * automaton for batched documents (Kleinberg 2003, "Bursty and Hierarchical
 * Structure in Streams", section 4): in each period `hits[t]` of `totals[t]`
 * papers hold the term. The base state expects the overall rate p0 = sum of
 * hits / sum of totals, the burst state s · p0 (capped below 1). Entering the
 * burst state costs gamma · ln(n) for n periods and leaving it costs nothing;
 * the Viterbi path of least total cost marks the bursts. Returns the bursts in
 * time order, none when the term never occurs.
 */
export function detectBursts(hits: number[], totals: number[], parameters: BurstParameters = DEFAULT_BURST_PARAMETERS): Burst[] {
  if (hits.length !== totals.length) throw new RangeError(`hits has ${hits.length} periods but totals has ${totals.length}`);
  const hitSum = hits.reduce((sum, value) => sum + value, 0);
  const totalSum = totals.reduce((sum, value) => sum + value, 0);
  if (hitSum === 0 || totalSum === 0 || hitSum === totalSum) return [];

  const baseRate = hitSum / totalSum;
  const burstRate = Math.min(parameters.scale * baseRate, 0.9999);
  const entryCost = parameters.gamma * Math.log(hits.length);

  // Viterbi over two states; cost[state] is the least cost of a path ending in that state.
  let cost = [0, entryCost];
  const back: [number, number][] = [];
  hits.forEach((hitCount, period) => {
    const emit = [stateCost(hitCount, totals[period]!, baseRate), stateCost(hitCount, totals[period]!, burstRate)];
    const toBase: [number, number] = cost[0]! <= cost[1]! ? [cost[0]!, 0] : [cost[1]!, 1];
    const toBurst: [number, number] = cost[1]! <= cost[0]! + entryCost ? [cost[1]!, 1] : [cost[0]! + entryCost, 0];
    back.push([toBase[1], toBurst[1]]);
    cost = [toBase[0] + emit[0]!, toBurst[0] + emit[1]!];
  });

  // Walk the path back, then collect the runs of the burst state.
  const states = new Array<number>(hits.length);
  let state = cost[0]! <= cost[1]! ? 0 : 1;
  for (let period = hits.length - 1; period >= 0; period -= 1) {
    states[period] = state;
    state = back[period]![state]!;
  }
  const bursts: Burst[] = [];
  states.forEach((current, period) => {
    if (current !== 1) return;
    const gain = stateCost(hits[period]!, totals[period]!, baseRate) - stateCost(hits[period]!, totals[period]!, burstRate);
    const last = bursts.at(-1);
    if (last && last.end === period - 1) {
      last.end = period;
      last.weight += gain;
    } else {
      bursts.push({ start: period, end: period, weight: gain });
    }
  });
  return bursts.map((burst) => ({ ...burst, weight: Math.round(burst.weight * 100) / 100 }));
}
