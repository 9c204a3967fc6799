/**
 * Seeded pseudo-random numbers for the sample-city generator. Never Math.random: the
 * bundle must be byte-identical between runs. mulberry32 (32-bit state) is enough for
 * synthetic data; every subsystem derives its own stream with `createRng(seed, label)`
 * so that changing one part of the generator does not reshuffle the others.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [a, b). */
  range(a: number, b: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Binomial(n, p): exact for small n, rounded normal approximation for large n. */
  binomial(n: number, p: number): number;
  /** In-place Fisher–Yates shuffle; returns the array. */
  shuffle<T>(items: T[]): T[];
}

/** 32-bit FNV-1a hash of a string, for deriving stream seeds from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator seeded by `seed` and an optional stream label. */
export function createRng(seed: number, label = ''): Rng {
  let state = (seed ^ hashString(label)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    range: (a, b) => a + (b - a) * next(),
    int: (n) => Math.floor(next() * n),
    normal,
    binomial(n, p) {
      if (n <= 0 || p <= 0) return 0;
      if (p >= 1) return n;
      if (n <= 40) {
        let k = 0;
        for (let i = 0; i < n; i++) if (next() < p) k++;
        return k;
      }
      const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal());
      return Math.min(n, Math.max(0, k));
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
}

/**
 * Split `total` into counts with expected proportions `shares` (need not sum to 1) by
 * sequential binomial draws; the counts always add up to `total` exactly.
 */
export function multinomial(rng: Rng, total: number, shares: readonly number[]): number[] {
  let remainingShare = shares.reduce((a, b) => a + b, 0);
  let remaining = total;
  const out: number[] = [];
  for (let i = 0; i < shares.length; i++) {
    if (i === shares.length - 1) {
      out.push(remaining);
      break;
    }
    const p = remainingShare > 0 ? shares[i] / remainingShare : 0;
    const k = rng.binomial(remaining, p);
    out.push(k);
    remaining -= k;
    remainingShare -= shares[i];
  }
  return out;
}
