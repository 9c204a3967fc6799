/**
 * Property: the weighted selection returns what an ascending scan returns (the smallest value
 * whose running weight reaches the target), for random values with many ties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileScratch, weightedQuantilesPacked, weightedSelect, weightedSelectTwo } from '../../../src/core/travel/weighted-quantile';

function scan(d: number[], w: number[], target: number): number | null {
  if (!d.length) return null;
  const order = d.map((_, i) => i).sort((a, b) => d[a] - d[b]);
  let acc = 0;
  for (const i of order) {
    acc += w[i];
    if (acc >= target) return d[i];
  }
  return d[order[order.length - 1]];
}

describe('weightedSelect', () => {
  it('equals the ascending scan (integer weights: sums exact in any order)', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), (pairs, q) => {
        const d = pairs.map((p) => p[0] * 12.5);
        const w = pairs.map((p) => p[1]);
        const total = w.reduce((a, b) => a + b, 0);
        const target = q * total;
        expect(weightedSelect(Float64Array.from(d), Float64Array.from(w), d.length, target)).toBe(scan(d, w, target));
      }),
      { numRuns: 300 },
    );
  });

  it('two quantiles in one call equal two ascending scans', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      // Long arrays (the partitioning path, not only the final sort) and second targets close to the first (both in one run of ties).
      fc.property(fc.array(pair, { maxLength: 1500 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1e-6, 0.005)), (pairs, q1, q2) => {
        const d = pairs.map((p) => p[0] * 12.5);
        const w = pairs.map((p) => p[1]);
        const total = w.reduce((a, b) => a + b, 0);
        const [lo, hi] = q2 < 0.01 ? [q1 * total, Math.min(1, q1 + q2) * total] : [Math.min(q1, q2) * total, Math.max(q1, q2) * total];
        expect(weightedSelectTwo(Float64Array.from(d), Float64Array.from(w), d.length, lo, hi)).toEqual(d.length ? [scan(d, w, lo), scan(d, w, hi)] : [null, null]);
      }),
      { numRuns: 300 },
    );
  });

  it('hand example: trips 100, 200, 300 m with 1, 2, 1 children', () => {
    // total 4; median target 2 → 100 (1) < 2, 100+200 (3) ≥ 2 → 200 m; p90 target 3.6 → 300 m.
    expect(weightedSelect(Float64Array.of(300, 100, 200), Float64Array.of(1, 1, 2), 3, 2)).toBe(200);
    expect(weightedSelect(Float64Array.of(300, 100, 200), Float64Array.of(1, 1, 2), 3, 3.6)).toBe(300);
    expect(weightedSelect(new Float64Array(0), new Float64Array(0), 0, 1)).toBeNull();
    expect(weightedSelectTwo(Float64Array.of(300, 100, 200), Float64Array.of(1, 1, 2), 3, 2, 3.6)).toEqual([200, 300]);
    // 60 trips of 10 m, 60 of 20 m and 60 of 30 m, interleaved, weight 1: the 10th and the 50th are both 10 m, the 61st 20 m.
    const d = Float64Array.from({ length: 180 }, (_, i) => 10 * (1 + (i % 3)));
    expect(weightedSelectTwo(d, new Float64Array(180).fill(1), 180, 10, 50)).toEqual([10, 10]);
    expect(weightedSelectTwo(Float64Array.from({ length: 180 }, (_, i) => 10 * (1 + (i % 3))), new Float64Array(180).fill(1), 180, 10, 61)).toEqual([10, 20]);
  });
});

describe('weightedQuantilesPacked', () => {
  /** Values strided as in a school's packed trips (length, weight, two other words). */
  const packed = (d: number[], w: number[]) => Float64Array.from(d.flatMap((x, i) => [x, w[i], -1, i]));

  it('equals two ascending scans, for any spread of values (ties, one value, a value far from the rest)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 40 }).map((k) => k * 12.5), fc.constantFrom(0, 5000.25, 1e6), fc.double({ min: 0, max: 20_000, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.integer({ min: 1, max: 9 })), { maxLength: 1500 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (pairs, q1, q2) => {
        const d = pairs.map((p) => p[0]);
        const w = pairs.map((p) => p[1]);
        const total = w.reduce((a, b) => a + b, 0);
        const [lo, hi] = [Math.min(q1, q2) * total, Math.max(q1, q2) * total];
        const min = d.length ? Math.min(...d) : 0;
        const max = d.length ? Math.max(...d) : 0;
        const P = packed(d, w);
        const before = P.slice();
        expect(weightedQuantilesPacked(P, 4, d.length, min, max, lo, hi, quantileScratch())).toEqual(d.length ? [scan(d, w, lo), scan(d, w, hi)] : [null, null]);
        expect(P).toEqual(before); // the packed trips are read, not reordered
      }),
      { numRuns: 300 },
    );
  });

  it('hand example: trips 100, 200, 300 m with 1, 2, 1 children', () => {
    // total 4; median target 2 → 200 m; p90 target 3.6 → 300 m (as weightedSelectTwo above).
    expect(weightedQuantilesPacked(packed([300, 100, 200], [1, 1, 2]), 4, 3, 100, 300, 2, 3.6, quantileScratch())).toEqual([200, 300]);
  });
});
