import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twoGroupIndices } from '../../../src/core/indicators/two-group-indices';

/** Binary entropy in nats, written out independently of the code under test. */
const ent = (p: number) => -(p > 0 ? p * Math.log(p) : 0) - (p < 1 ? (1 - p) * Math.log(1 - p) : 0);

describe('twoGroupIndices: two schools (10 of 20, 0 of 20)', () => {
  // T = 40, X = 10, P = 0.25, p = [0.5, 0], P(1 − P) = 0.1875.
  const r = twoGroupIndices([10, 0], [20, 20]);

  it('dissimilarity', () => {
    // D = (20·|0.5 − 0.25| + 20·|0 − 0.25|) / (2·40·0.1875) = (5 + 5) / 15 = 2/3
    expect(r.D).toBeCloseTo(2 / 3, 12);
  });
  it('gini', () => {
    // ordered pairs (1,2) and (2,1): 2·20·20·0.5 = 400; 2·T²·P(1 − P) = 2·1600·0.1875 = 600 → 2/3
    expect(r.gini).toBeCloseTo(2 / 3, 12);
  });
  it('Theil H', () => {
    // E = 0.25 ln 4 + 0.75 ln(4/3) = 0.5623351; E_1 = ln 2, E_2 = 0
    // H = [20(E − ln 2) + 20E] / (40E) = 1 − ln 2 / (2E) = 1 − 0.6931472/1.1246703 = 0.3836885
    expect(r.H).toBeCloseTo(1 - Math.LN2 / (2 * ent(0.25)), 12);
    expect(r.H).toBeCloseTo(0.3836885, 6);
  });
  it('isolation and exposure', () => {
    // xPx = (10/10)(10/20) + (0/10)(0/20) = 0.5; xPy = (10/10)(10/20) = 0.5
    expect(r.isolation).toBeCloseTo(0.5, 12);
    expect(r.exposure).toBeCloseTo(0.5, 12);
  });
  it('Atkinson b = 0.5', () => {
    // Σ t_j √(p_j(1 − p_j)) = 20·√0.25 + 0 = 10; /(P·T = 10) = 1; squared 1
    // A = 1 − (0.25/0.75)·1 = 2/3
    expect(r.atkinson_0_5).toBeCloseTo(2 / 3, 12);
  });
  it('eta²', () => {
    // (xPx − P)/(1 − P) = (0.5 − 0.25)/0.75 = 1/3
    expect(r.eta2).toBeCloseTo(1 / 3, 12);
  });
});

describe('twoGroupIndices: three schools (2 of 10, 6 of 10, 2 of 20)', () => {
  // T = 40, X = 10, P = 0.25, p = [0.2, 0.6, 0.1]
  const r = twoGroupIndices([2, 6, 2], [10, 10, 20]);

  it('dissimilarity', () => {
    // Σ t|p − P| = 10·0.05 + 10·0.35 + 20·0.15 = 0.5 + 3.5 + 3 = 7; 2TP(1 − P) = 15 → 7/15
    expect(r.D).toBeCloseTo(7 / 15, 12);
  });
  it('gini differs from D with three schools', () => {
    // pairs i<j: 10·10·0.4 = 40; 10·20·0.1 = 20; 10·20·0.5 = 100 → 160, doubled 320
    // 2T²P(1 − P) = 600 → 320/600 = 8/15
    expect(r.gini).toBeCloseTo(8 / 15, 12);
  });
  it('Theil H', () => {
    // E = 0.5623351; E(0.2) = 0.5004024, E(0.6) = 0.6730117, E(0.1) = 0.3250830
    // Σ t_j E_j / T = (5.004024 + 6.730117 + 6.501659)/40 = 0.4558950
    // H = (0.5623351 − 0.4558950)/0.5623351 = 0.1892824
    const E = ent(0.25);
    const within = (10 * ent(0.2) + 10 * ent(0.6) + 20 * ent(0.1)) / 40;
    expect(r.H).toBeCloseTo((E - within) / E, 12);
    expect(r.H).toBeCloseTo(0.1892824, 6);
  });
  it('isolation and exposure', () => {
    // xPx = 0.2·0.2 + 0.6·0.6 + 0.2·0.1 = 0.04 + 0.36 + 0.02 = 0.42
    // xPy = 0.2·0.8 + 0.6·0.4 + 0.2·0.9 = 0.16 + 0.24 + 0.18 = 0.58
    expect(r.isolation).toBeCloseTo(0.42, 12);
    expect(r.exposure).toBeCloseTo(0.58, 12);
  });
  it('Atkinson b = 0.5', () => {
    // Σ t√(p(1 − p)) = 10·0.4 + 10·√0.24 + 20·0.3 = 10 + 10√0.24; /(PT = 10) = 1 + √0.24
    // squared = 1.24 + 2√0.24; A = 1 − (1.24 + 2√0.24)/3 = (1.76 − 2√0.24)/3 = 0.2600680
    expect(r.atkinson_0_5).toBeCloseTo((1.76 - 2 * Math.sqrt(0.24)) / 3, 12);
    expect(r.atkinson_0_5).toBeCloseTo(0.260068, 6);
  });
  it('eta²', () => {
    // (0.42 − 0.25)/0.75 = 17/75
    expect(r.eta2).toBeCloseTo(17 / 75, 12);
  });
});

describe('twoGroupIndices: limiting cases', () => {
  it('complete segregation gives D = H = Gini = A = eta² = 1, isolation 1, exposure 0', () => {
    const r = twoGroupIndices([10, 0, 0], [10, 30, 5]);
    for (const v of [r.D, r.H, r.gini, r.atkinson_0_5, r.eta2, r.isolation]) expect(v).toBeCloseTo(1, 12);
    expect(r.exposure).toBeCloseTo(0, 12);
  });
  it('identical composition gives D = H = Gini = A = eta² = 0 and isolation = P', () => {
    // p = 0.2 everywhere → P = 0.2
    const r = twoGroupIndices([2, 4, 1], [10, 20, 5]);
    for (const v of [r.D, r.H, r.gini, r.atkinson_0_5, r.eta2]) expect(v).toBeCloseTo(0, 12);
    expect(r.isolation).toBeCloseTo(0.2, 12);
    expect(r.exposure).toBeCloseTo(0.8, 12);
  });
  it('no children at all gives zeros', () => {
    const zero = { D: 0, gini: 0, H: 0, isolation: 0, exposure: 0, atkinson_0_5: 0, eta2: 0 };
    expect(twoGroupIndices([], [])).toEqual(zero);
    expect(twoGroupIndices([0, 0], [0, 0])).toEqual(zero);
  });
  it('P = 0 and P = 1 give the even-distribution values', () => {
    expect(twoGroupIndices([0, 0], [5, 7])).toEqual({ D: 0, gini: 0, H: 0, isolation: 0, exposure: 1, atkinson_0_5: 0, eta2: 0 });
    expect(twoGroupIndices([5, 7], [5, 7])).toEqual({ D: 0, gini: 0, H: 0, isolation: 1, exposure: 0, atkinson_0_5: 0, eta2: 0 });
  });
  it('one school: P = p_1, nothing to segregate', () => {
    // P = 3/12 = 0.25
    const r = twoGroupIndices([3], [12]);
    for (const v of [r.D, r.H, r.gini, r.atkinson_0_5, r.eta2]) expect(v).toBeCloseTo(0, 12);
    expect(r.isolation).toBeCloseTo(0.25, 12);
  });
  it('schools with zero total are ignored', () => {
    expect(twoGroupIndices([10, 0, 0], [20, 0, 20])).toEqual(twoGroupIndices([10, 0], [20, 20]));
  });
  it('accepts Float64Array and minority exceeding total by rounding only', () => {
    const r = twoGroupIndices(new Float64Array([20 * (1 + 1e-12), 0]), new Float64Array([20, 20]));
    // clamped to (20 of 20, 0 of 20): complete segregation
    expect(r.D).toBeCloseTo(1, 12);
  });
  it('treats rounding residue below zero (> −1e-9) as 0', () => {
    // school 2 emptied by subtraction: total −1e-14 → 0 → ignored, leaving one school: D = 0
    expect(twoGroupIndices([10, -1e-15], [20, -1e-14]).D).toBe(0);
    // (10 of 20, 0 of 20) → D = 2/3 (worked out above)
    expect(twoGroupIndices([10, -1e-15, 0], [20, -1e-14, 20]).D).toBeCloseTo(2 / 3, 12);
  });
  it('throws on bugs: length mismatch, negative, NaN, minority clearly above total', () => {
    expect(() => twoGroupIndices([1], [1, 2])).toThrow(RangeError);
    expect(() => twoGroupIndices([-1], [2])).toThrow(RangeError);
    expect(() => twoGroupIndices([Number.NaN], [2])).toThrow(RangeError);
    expect(() => twoGroupIndices([3], [2])).toThrow(RangeError);
  });
});

/** Random networks of minLength–maxLength schools, integer counts with minority ≤ total. */
const networkOf = (minLength: number, maxLength: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })), { minLength, maxLength })
    .map((rows) => ({ x: rows.map(([a, b]) => Math.min(a, b)), t: rows.map(([a, b]) => Math.max(a, b)) }));
const network = networkOf(1, 8);

describe('twoGroupIndices: properties', () => {
  it('every index lies in [0, 1], never NaN, and isolation + exposure = 1 when the group exists', () => {
    fc.assert(
      fc.property(network, ({ x, t }) => {
        const r = twoGroupIndices(x, t);
        for (const v of Object.values(r)) expect(v >= 0 && v <= 1).toBe(true);
        if (x.some((v) => v > 0)) expect(r.isolation + r.exposure).toBeCloseTo(1, 12);
      }),
    );
  });
  it('scaling every count by a constant changes nothing', () => {
    fc.assert(
      fc.property(network, fc.double({ min: 0.01, max: 1000, noNaN: true }), ({ x, t }, c) => {
        const a = twoGroupIndices(x, t);
        const b = twoGroupIndices(
          x.map((v) => v * c),
          t.map((v) => v * c),
        );
        for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key]).toBeCloseTo(a[key], 9);
      }),
    );
  });
  it('Gini is never below D (twice the area under the segregation curve ≥ its largest gap)', () => {
    fc.assert(
      fc.property(network, ({ x, t }) => {
        const r = twoGroupIndices(x, t);
        expect(r.gini).toBeGreaterThanOrEqual(r.D - 1e-12);
      }),
    );
  });
  it('with two schools Gini equals D', () => {
    // two units: p_1 − P = t_2(p_1 − p_2)/T, so D = t_1 t_2 |Δp| / (T² P(1 − P)) = Gini
    fc.assert(
      fc.property(networkOf(2, 2), ({ x, t }) => {
        const r = twoGroupIndices(x, t);
        expect(r.gini).toBeCloseTo(r.D, 12);
      }),
    );
  });
});

describe('gini: the sorted O(n log n) sum equals the double sum of its definition', () => {
  /** Gini by its definition, Σ_i Σ_j t_i t_j |p_i − p_j| / (2 T² P (1 − P)), written independently. */
  function giniByDefinition(x: number[], t: number[]): number {
    const keep = t.map((_, i) => i).filter((i) => t[i] > 0);
    const T = keep.reduce((a, i) => a + t[i], 0);
    const P = keep.reduce((a, i) => a + x[i], 0) / T;
    let sum = 0;
    for (const i of keep) for (const j of keep) sum += t[i] * t[j] * Math.abs(x[i] / t[i] - x[j] / t[j]);
    return sum / (2 * T * T * P * (1 - P));
  }

  it('on random networks of up to 400 schools (ties and empty schools included), to 1e-12 relative', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20 })), { minLength: 2, maxLength: 400 }), (rows) => {
        const t = rows.map(([a]) => a);
        const x = rows.map(([a, k]) => (a * k) / 20); // shares in steps of 5 %: many ties
        const X = x.reduce((a, b) => a + b, 0);
        const T = t.reduce((a, b) => a + b, 0);
        fc.pre(X > 0 && X < T);
        const want = giniByDefinition(x, t);
        expect(Math.abs(twoGroupIndices(x, t).gini - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, want));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
