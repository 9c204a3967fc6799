import { describe, expect, it } from 'vitest';
import { indexChange, indexChanges } from '../../../src/core/indicators/index-change';
import type { MultigroupIndices, TwoGroupIndices } from '../../../src/core/indicators/indicator-types';

const base: TwoGroupIndices = { D: 0.5, gini: 0.6, H: 0.2, isolation: 0.3, exposure: 0.7, atkinson_0_5: 0.25, eta2: 0.1 };
const now: TwoGroupIndices = { D: 0.4, gini: 0.6, H: 0.25, isolation: 0.35, exposure: 0.65, atkinson_0_5: 0.5, eta2: 0 };

describe('indexChange', () => {
  it('gives current − baseline for every two-group index', () => {
    const d = indexChange(now, base);
    // 0.4 − 0.5 = −0.1; 0.6 − 0.6 = 0; 0.25 − 0.2 = 0.05; 0.35 − 0.3 = 0.05; 0.65 − 0.7 = −0.05; 0.5 − 0.25 = 0.25; 0 − 0.1 = −0.1
    const expected = { D: -0.1, gini: 0, H: 0.05, isolation: 0.05, exposure: -0.05, atkinson_0_5: 0.25, eta2: -0.1 };
    expect(Object.keys(d).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected) as (keyof TwoGroupIndices)[]) expect(d[key]).toBeCloseTo(expected[key], 12);
  });
  it('works for multigroup indices', () => {
    const a: MultigroupIndices = { D: 0.3, M: 0.2, H: 0.15, normalized_exposure: 0.1 };
    const b: MultigroupIndices = { D: 0.2, M: 0.25, H: 0.15, normalized_exposure: 0.05 };
    const d = indexChange(a, b);
    // 0.3 − 0.2 = 0.1; 0.2 − 0.25 = −0.05; 0; 0.1 − 0.05 = 0.05
    expect(d.D).toBeCloseTo(0.1, 12);
    expect(d.M).toBeCloseTo(-0.05, 12);
    expect(d.H).toBeCloseTo(0, 12);
    expect(d.normalized_exposure).toBeCloseTo(0.05, 12);
  });
  it('indexChanges keeps only ids present on both sides', () => {
    const d = indexChanges({ fl: now, edu: now }, { fl: base, other: base });
    expect(Object.keys(d)).toEqual(['fl']);
    expect(d.fl.D).toBeCloseTo(-0.1, 12);
  });
});
