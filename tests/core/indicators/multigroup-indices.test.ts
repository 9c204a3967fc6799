import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multigroupIndices } from '../../../src/core/indicators/multigroup-indices';
import { twoGroupIndices } from '../../../src/core/indicators/two-group-indices';

describe('multigroupIndices: two schools, three groups ([10, 0, 10] and [0, 10, 10])', () => {
  // T = 40; P = [10/40, 10/40, 20/40] = [0.25, 0.25, 0.5]
  // p_1 = [0.5, 0, 0.5], p_2 = [0, 0.5, 0.5]
  const r = multigroupIndices([
    [10, 0, 10],
    [0, 10, 10],
  ]);

  it('dissimilarity', () => {
    // I = 0.25·0.75 + 0.25·0.75 + 0.5·0.5 = 0.625
    // Σ_j t_j Σ_m |p_jm − P_m| = 20(0.25 + 0.25 + 0) + 20(0.25 + 0.25 + 0) = 20
    // D = 20 / (2·40·0.625) = 20/50 = 0.4
    expect(r.D).toBeCloseTo(0.4, 12);
  });
  it('mutual information M', () => {
    // school 1: 0.5 ln(0.5/0.25) + 0 + 0.5 ln(0.5/0.5) = 0.5 ln 2; school 2 the same
    // M = (20/40)(0.5 ln 2) + (20/40)(0.5 ln 2) = 0.5 ln 2 = 0.3465736
    expect(r.M).toBeCloseTo(0.5 * Math.LN2, 12);
  });
  it('Theil H = M / E', () => {
    // E = 2·0.25 ln 4 + 0.5 ln 2 = ln 2 + 0.5 ln 2 = 1.5 ln 2; H = 0.5 ln 2 / (1.5 ln 2) = 1/3
    expect(r.H).toBeCloseTo(1 / 3, 12);
  });
  it('normalised exposure', () => {
    // group 1: (20·0.25² + 20·0.25²)/0.75 = 2.5/0.75 = 10/3; group 2 the same; group 3: 0
    // (10/3 + 10/3 + 0)/40 = (20/3)/40 = 1/6
    expect(r.normalized_exposure).toBeCloseTo(1 / 6, 12);
  });
});

describe('multigroupIndices: two groups reduce to the two-group indices', () => {
  // Same network as the two-group three-school case: (2 of 10, 6 of 10, 2 of 20), P = 0.25.
  const counts = [
    [2, 8],
    [6, 4],
    [2, 18],
  ];
  const r = multigroupIndices(counts);

  it('D = 7/15 (two-group D)', () => {
    // I = 2·0.25·0.75 = 0.375; Σ = 2·7 = 14 (both groups deviate equally); 14/(2·40·0.375) = 14/30 = 7/15
    expect(r.D).toBeCloseTo(7 / 15, 12);
  });
  it('M = E − Σ t_j E_j / T and H = 0.1892824', () => {
    // from the two-group case: E = 0.5623351, within-school entropy 0.4558950 → M = 0.1064401
    expect(r.M).toBeCloseTo(0.1064401, 6);
    expect(r.H).toBeCloseTo(0.1892824, 6);
  });
  it('normalised exposure equals eta² = 17/75', () => {
    // Σ_j t_j (p_j − P)² / T · (1/(1 − P) + 1/P): Σ t(p − P)² = 10·0.0025 + 10·0.1225 + 20·0.0225 = 1.7
    // 1.7/40 · (4/3 + 4) = 0.0425 · 16/3 = 0.2266667 = 17/75
    expect(r.normalized_exposure).toBeCloseTo(17 / 75, 12);
  });
});

describe('multigroupIndices: limiting cases', () => {
  it('complete segregation gives D = H = normalised exposure = 1 and M = E', () => {
    // P = [5, 7, 3]/15; M = Σ_j (t_j/T) ln(1/P_m(j)) = E
    const r = multigroupIndices([
      [5, 0, 0],
      [0, 7, 0],
      [0, 0, 3],
    ]);
    const E = -[5, 7, 3].reduce((s, n) => s + (n / 15) * Math.log(n / 15), 0);
    expect(r.D).toBeCloseTo(1, 12);
    expect(r.H).toBeCloseTo(1, 12);
    expect(r.M).toBeCloseTo(E, 12);
    expect(r.normalized_exposure).toBeCloseTo(1, 12);
  });
  it('identical composition gives D = M = H = normalised exposure = 0', () => {
    const r = multigroupIndices([
      [1, 2, 3],
      [2, 4, 6],
      [10, 20, 30],
    ]);
    for (const v of Object.values(r)) expect(v).toBeCloseTo(0, 12);
  });
  it('degenerate inputs give zeros, never NaN', () => {
    const zero = { D: 0, M: 0, H: 0, normalized_exposure: 0 };
    expect(multigroupIndices([])).toEqual(zero);
    expect(multigroupIndices([[0, 0], [0, 0]])).toEqual(zero);
    expect(multigroupIndices([[3], [4]])).toEqual(zero); // one group
    expect(multigroupIndices([[3, 0], [4, 0]])).toEqual(zero); // everyone in group 1
  });
  it('empty schools and empty groups change nothing', () => {
    const base = multigroupIndices([
      [10, 0, 10],
      [0, 10, 10],
    ]);
    const padded = multigroupIndices([
      [10, 0, 0, 10],
      [0, 0, 0, 0],
      [0, 10, 0, 10],
    ]);
    for (const key of Object.keys(base) as (keyof typeof base)[]) expect(padded[key]).toBeCloseTo(base[key], 12);
  });
  it('throws on bugs: ragged rows, negative or NaN counts', () => {
    expect(() => multigroupIndices([[1, 2], [1]])).toThrow(RangeError);
    expect(() => multigroupIndices([[1, -2]])).toThrow(RangeError);
    expect(multigroupIndices([[1, -1e-14], [0, 1]]).D).toBeCloseTo(1, 12); // residue → 0: complete segregation
    expect(() => multigroupIndices([[1, Number.NaN]])).toThrow(RangeError);
  });
});

const table = (groups: number) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: groups, maxLength: groups }), { minLength: 1, maxLength: 7 });

describe('multigroupIndices: properties', () => {
  it('D, H and normalised exposure lie in [0, 1]; 0 ≤ M ≤ ln K', () => {
    fc.assert(
      fc.property(table(4), (counts) => {
        const r = multigroupIndices(counts);
        for (const v of [r.D, r.H, r.normalized_exposure]) expect(v >= 0 && v <= 1).toBe(true);
        expect(r.M >= 0 && r.M <= Math.log(4) + 1e-12).toBe(true);
      }),
    );
  });
  it('scaling every count by a constant changes nothing', () => {
    fc.assert(
      fc.property(table(3), fc.double({ min: 0.01, max: 1000, noNaN: true }), (counts, c) => {
        const a = multigroupIndices(counts);
        const b = multigroupIndices(counts.map((row) => row.map((v) => v * c)));
        for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key]).toBeCloseTo(a[key], 9);
      }),
    );
  });
  it('with two groups D, H and normalised exposure equal the two-group D, H and eta²', () => {
    fc.assert(
      fc.property(table(2), (counts) => {
        const m = multigroupIndices(counts);
        const t = twoGroupIndices(
          counts.map((row) => row[0]),
          counts.map((row) => row[0] + row[1]),
        );
        expect(m.D).toBeCloseTo(t.D, 12);
        expect(m.H).toBeCloseTo(t.H, 12);
        expect(m.normalized_exposure).toBeCloseTo(t.eta2, 12);
      }),
    );
  });
});
