import { compareText } from "./compareText";

/**
 * Counts words or phrases case-insensitively and remembers the spelling each
 * was most often written in, so that "LLMs" stays "LLMs" in a frequency list.
 */
export class FrequencyCounter {
  private readonly entries = new Map<string, { count: number; surfaces: Map<string, number>; fallback: string }>();

  /**
   * Counts one occurrence. With `spelling` false the occurrence counts but
   * its spelling does not, as for the first word of a sentence, whose capital
   * letter comes from its position. A word seen only there keeps that
   * spelling.
   */
  add(surface: string, spelling = true): void {
    const key = surface.toLowerCase();
    const entry = this.entries.get(key) ?? { count: 0, surfaces: new Map<string, number>(), fallback: surface };
    entry.count += 1;
    if (spelling) entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
    this.entries.set(key, entry);
  }

  count(key: string): number {
    return this.entries.get(key.toLowerCase())?.count ?? 0;
  }

  /** Returns the number of keys counted exactly once. */
  countOnce(): number {
    let once = 0;
    for (const entry of this.entries.values()) if (entry.count === 1) once += 1;
    return once;
  }

  /** Returns the keys counted at least `minCount` times as `[spelling, count]`, most frequent first, ties by spelling. */
  toList(minCount: number): [string, number][] {
    const list: [string, number][] = [];
    for (const entry of this.entries.values()) {
      if (entry.count < minCount) continue;
      let best = entry.fallback;
      let bestCount = 0;
      for (const [surface, count] of entry.surfaces) {
        if (count > bestCount || (count === bestCount && surface < best)) {
          best = surface;
          bestCount = count;
        }
      }
      list.push([best, entry.count]);
    }
    return list.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  }
}
