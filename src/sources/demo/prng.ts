// A tiny seeded PRNG so the demo file is byte-identical for a given seed on
// every machine and Node version; Math.random() would make tests flaky and
// benchmark inputs non-reproducible.

/** mulberry32: 32-bit state, good enough statistical quality for synthetic data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Exponential with the given mean; the heavy right tail mimics fatality counts. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A fresh 32-bit seed, so sub-generators (e.g. note text) can be replayed independently. */
  seed(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Weighted choice over [item, weight] pairs; zero weights are never chosen. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    if (!(total > 0)) throw new Error('weighted pick with no positive weight');
    let r = this.next() * total;
    for (const [item, w] of items) {
      if (w <= 0) continue;
      r -= w;
      if (r < 0) return item;
    }
    // Floating-point leftovers: fall back to the last positive entry.
    for (let i = items.length - 1; i >= 0; i--) {
      const entry = items[i];
      if (entry && entry[1] > 0) return entry[0];
    }
    throw new Error('unreachable');
  }
}
