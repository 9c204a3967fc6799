/**
 * The optimiser's per-school terms sum to the indices of core/indicators (hand-worked D on
 * two schools, and the multigroup D and H of random counts), and the measure text parses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multigroupIndices } from '../../../src/core/indicators/multigroup-indices';
import { buildMeasure, measureText, parseMeasure } from '../../../src/core/optimiser/optimiser-measure';
import type { UnitValueLayout } from '../../../src/core/pupil-base/unit-values';

const layout: UnitValueLayout = {
  width: 6, children: 0, childrenImputed: 1, population: 5,
  shares: [{ id: 'fl', base: 0, with: 2 }],
  multigroup: [{ id: 'edu', base: 0, categories: [{ id: 'a', column: 2 }, { id: 'b', column: 3 }, { id: 'c', column: 4 }] }],
  names: ['children', 'imputed', 'a', 'b', 'c', 'population'],
};

describe('optimiser measure', () => {
  it('D of a share: two schools worked by hand', () => {
    // School 1: 100 children, 10 with; school 2: 100 children, 50 with. T = 200, P = 0.3.
    // D = (|10 − 30| + |50 − 30|) / (2 · 200 · 0.3 · 0.7) = 40 / 84.
    const m = buildMeasure({ terms: [{ kind: 'share', id: 'fl', weight: 1 }] }, layout, [200, 0, 60, 0, 0, 0]);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value.columns).toEqual([0, 2]);
    const rows = Float64Array.from([100, 10, 100, 50]);
    expect(m.value.total(rows, 2)).toBeCloseTo(40 / 84, 12);
    expect(m.value.linear).toBe(true);
  });

  it('multigroup D and H terms sum to multigroupIndices', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)), { minLength: 2, maxLength: 6 }), (counts) => {
      const totals = [0, 0, 0, 0, 0, 0];
      for (const c of counts) c.forEach((x, m) => (totals[2 + m] += x));
      const want = multigroupIndices(counts);
      const rows = Float64Array.from(counts.flat());
      for (const kind of ['mgd', 'mgh'] as const) {
        const m = buildMeasure({ terms: [{ kind, id: 'edu', weight: 1 }] }, layout, totals);
        if (!m.ok) return false;
        expect(m.value.total(rows, counts.length)).toBeCloseTo(kind === 'mgd' ? want.D : want.H, 9);
      }
      return true;
    }), { numRuns: 60 });
  });

  it('parses weighted sums and names unknown ids', () => {
    const p = parseMeasure('0.5*share:fl+0.5*mgh:edu');
    expect(p.ok && p.value.terms).toEqual([{ kind: 'share', id: 'fl', weight: 0.5 }, { kind: 'mgh', id: 'edu', weight: 0.5 }]);
    expect(p.ok && measureText(p.value)).toBe('0.5*share:fl+0.5*mgh:edu');
    expect(parseMeasure('gini:fl').ok).toBe(false);
    const m = buildMeasure({ terms: [{ kind: 'share', id: 'nope', weight: 1 }] }, layout, [0, 0, 0, 0, 0, 0]);
    expect(!m.ok && m.problems[0].code).toBe('optimiser-unknown-measure');
  });
});
