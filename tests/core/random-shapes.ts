/** Seeded random numbers and shapes for the property tests (same seed, same shapes on every run). */
import type { Ring } from '../../src/core/model/geometry-types';

/** A linear congruential generator: numbers in [0, 1) from a 32-bit seed. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A random star-shaped polygon (simple by construction) of `n` vertices around (cx, cy), radius 0.3r–r. */
export function randomStar(rand: () => number, cx: number, cy: number, r: number, n: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * (i + 0.8 * rand())) / n;
    const rr = r * (0.3 + 0.7 * rand());
    ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}
