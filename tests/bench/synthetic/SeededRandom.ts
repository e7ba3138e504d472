/** Mixes a 32-bit value with the finalizer of MurmurHash3, so that nearby inputs give unrelated outputs. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Folds a key (a number, or a string by its UTF-16 code units) into a running 32-bit hash. */
function foldKey(hash: number, key: number | string): number {
  if (typeof key === "number") {
    return mix32(mix32(hash ^ (key >>> 0)) ^ Math.floor(key / 0x1_0000_0000));
  }
  let folded = mix32(hash ^ 0x9e3779b9);
  for (let i = 0; i < key.length; i += 1) folded = mix32(folded ^ key.charCodeAt(i));
  return folded;
}

/**
 * A small, fast pseudo-random generator (sfc32: 128 bits of state, period at
 * least 2^32) whose whole output follows from its seed, so that the same
 * seed and keys give the same numbers on every machine and Node version.
 * Not for cryptography.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(seed: number) {
    this.a = mix32(seed ^ 0x243f6a88);
    this.b = mix32(seed ^ 0x85a308d3);
    this.c = mix32(seed ^ 0x13198a2e);
    this.d = 1;
    // The first outputs of sfc32 still show the seed's structure; discard them.
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /**
   * Creates a generator for one purpose: the run's seed and keys such as
   * `"paper", 1234` name the stream, so each paper or day draws the same
   * numbers whatever was generated before it.
   */
  static derive(seed: number, ...keys: (number | string)[]): SeededRandom {
    let hash = mix32(seed >>> 0);
    for (const key of keys) hash = foldKey(hash, key);
    return new SeededRandom(hash);
  }

  /** Returns a uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Returns a uniform number in [0, 1). */
  float(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** Returns a uniform integer in [0, bound); `bound` must be a positive integer. */
  int(bound: number): number {
    return Math.floor(this.float() * bound);
  }

  /** Returns a uniform integer in [min, max], both included. */
  intBetween(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** Returns true with probability `probability`. */
  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** Returns a uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Cannot pick from an empty list; pass at least one item");
    return items[this.int(items.length)]!;
  }

  /** Returns `count` lowercase hexadecimal digits. */
  hex(count: number): string {
    let text = "";
    while (text.length < count) text += this.nextUint32().toString(16).padStart(8, "0");
    return text.slice(0, count);
  }
}
