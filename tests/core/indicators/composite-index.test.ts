import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compositeIndex } from '../../../src/core/indicators/composite-index';

// a = [0.1, 0.2, 0.3]: mean 0.2, population SD √((0.01 + 0 + 0.01)/3) = √(0.02/3) = 0.0816497
//   z_a = [−0.1, 0, 0.1]/0.0816497 = [−√1.5, 0, √1.5] = [−1.2247449, 0, 1.2247449]
// b = [0.5, 0.5, 0.8]: mean 0.6, SD √((0.01 + 0.01 + 0.04)/3) = √0.02 = 0.1414214
//   z_b = [−0.1, −0.1, 0.2]/0.1414214 = [−0.7071068, −0.7071068, 1.4142136]
const shares = { a: [0.1, 0.2, 0.3], b: [0.5, 0.5, 0.8] };
const r15 = Math.sqrt(1.5);

describe('compositeIndex', () => {
  it('equal weights: mean of z-scores', () => {
    // (z_a + z_b)/2 = [−0.9659258, −0.3535534, 1.3194792]
    const c = compositeIndex(shares, { a: 1, b: 1 });
    const expected = [(-r15 - Math.SQRT1_2) / 2, -Math.SQRT1_2 / 2, (r15 + Math.SQRT2) / 2];
    expected.forEach((e, j) => expect(c[j]).toBeCloseTo(e, 12));
    expect(c[0]).toBeCloseTo(-0.9659258, 6);
  });
  it('signed weights divide by Σ|w|', () => {
    // (2 z_a − z_b)/3 = [(−2.4494897 + 0.7071068)/3, 0.7071068/3, (2.4494897 − 1.4142136)/3]
    //                 = [−0.5807943, 0.2357023, 0.3450920]
    const c = compositeIndex(shares, { a: 2, b: -1 });
    const expected = [(-2 * r15 + Math.SQRT1_2) / 3, Math.SQRT1_2 / 3, (2 * r15 - Math.SQRT2) / 3];
    expected.forEach((e, j) => expect(c[j]).toBeCloseTo(e, 12));
  });
  it('a school lacking a weighted share gets null; moments use the schools that have it', () => {
    // a defined at schools 1 and 3: mean 0.2, SD 0.1 → z_a = [−1, ·, 1]
    const c = compositeIndex({ a: [0.1, null, 0.3] }, { a: 1 });
    expect(c[0]).toBeCloseTo(-1, 12);
    expect(c[1]).toBeNull();
    expect(c[2]).toBeCloseTo(1, 12);
  });
  it('shares with zero weight and weights naming unknown shares are ignored', () => {
    // only a takes part: z_a = [−√1.5, 0, √1.5]
    const c = compositeIndex({ ...shares, z: [null, null, null] }, { a: 1, z: 0, missing: 3 });
    [-r15, 0, r15].forEach((e, j) => expect(c[j]).toBeCloseTo(e, 12));
  });
  it('no non-zero weight: all null; equal shares: z = 0', () => {
    expect(compositeIndex(shares, { a: 0 })).toEqual([null, null, null]);
    expect(compositeIndex(shares, {})).toEqual([null, null, null]);
    expect(compositeIndex({ a: [0.3, 0.3] }, { a: 1 })).toEqual([0, 0]);
    // the mean of six times 0.1 is not exactly 0.1 in floating point; still z = 0
    expect(compositeIndex({ a: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1] }, { a: 1 })).toEqual([0, 0, 0, 0, 0, 0]);
    expect(compositeIndex({}, { a: 1 })).toEqual([]);
  });
  it('school weights give a population-weighted mean and SD', () => {
    // a = [0.1, 0.4], weights [3, 1]: mean = (0.3 + 0.4)/4 = 0.175
    // var = (3·0.075² + 1·0.225²)/4 = (0.016875 + 0.050625)/4 = 0.016875, SD = 0.1299038
    // z = [−0.075, 0.225]/0.1299038 = [−1/√3, √3]
    const c = compositeIndex({ a: [0.1, 0.4] }, { a: 1 }, [3, 1]);
    expect(c[0]).toBeCloseTo(-1 / Math.sqrt(3), 12);
    expect(c[1]).toBeCloseTo(Math.sqrt(3), 12);
  });
  it('throws on arrays of different length', () => {
    expect(() => compositeIndex({ a: [0.1, 0.2], b: [0.3] }, { a: 1 })).toThrow(RangeError);
    expect(() => compositeIndex({ a: [0.1, 0.2] }, { a: 1 }, [1])).toThrow(RangeError);
  });
  it('with equal weights and every share defined, the composites sum to zero', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    const table = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.array(fc.array(share, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }),
    );
    fc.assert(
      fc.property(table, (columns) => {
        const s: Record<string, number[]> = {};
        const w: Record<string, number> = {};
        columns.forEach((col, i) => {
          s[`s${i}`] = col;
          w[`s${i}`] = 1;
        });
        const c = compositeIndex(s, w);
        // Σ_j z_jk = Σ_j (v_jk − mean_k)/sd_k = 0 for each k, so Σ_j c_j = 0
        const sum = c.reduce<number>((acc, v) => acc + (v as number), 0);
        expect(Math.abs(sum)).toBeLessThan(1e-9);
      }),
      { numRuns: 500 },
    );
  });
});
