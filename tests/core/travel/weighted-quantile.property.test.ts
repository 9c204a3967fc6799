/**
 * Property: the weighted selection returns what an ascending scan returns (the smallest value
 * whose running weight reaches the target), for random values with many ties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedSelect } from '../../../src/core/travel/weighted-quantile';

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

  it('hand example: trips 100, 200, 300 m with 1, 2, 1 children', () => {
    // total 4; median target 2 → 100 (1) < 2, 100+200 (3) ≥ 2 → 200 m; p90 target 3.6 → 300 m.
    expect(weightedSelect(Float64Array.of(300, 100, 200), Float64Array.of(1, 1, 2), 3, 2)).toBe(200);
    expect(weightedSelect(Float64Array.of(300, 100, 200), Float64Array.of(1, 1, 2), 3, 3.6)).toBe(300);
    expect(weightedSelect(new Float64Array(0), new Float64Array(0), 0, 1)).toBeNull();
  });
});
