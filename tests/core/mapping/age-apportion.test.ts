import { describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { ageBandExpression, checkFractions, SCHOOL_AGES, uniformFractions, withApportionedAgeBands } from '../../../src/core/mapping/age-apportion';

describe('age-band apportioning', () => {
  it('7–12 takes 3 of the 10 one-year ages of 0–9 and 3 of 10–19; 13–15 takes 3 of 10–19', () => {
    // Ages 7, 8, 9 of 0…9 → 3/10; ages 10, 11, 12 of 10…19 → 3/10; ages 13, 14, 15 → 3/10.
    expect(uniformFractions(SCHOOL_AGES.lower)).toEqual([{ field: 'ika0_9', factor: 0.3 }, { field: 'ika10_19', factor: 0.3 }]);
    expect(uniformFractions(SCHOOL_AGES.upper)).toEqual([{ field: 'ika10_19', factor: 0.3 }]);
  });

  it('with 5-year bands, 7–12 takes 3/5 of 5–9 and 3/5 of 10–14', () => {
    const bands = [
      { field: 'a0_4', fromAge: 0, toAge: 4 },
      { field: 'a5_9', fromAge: 5, toAge: 9 },
      { field: 'a10_14', fromAge: 10, toAge: 14 },
    ];
    expect(uniformFractions({ fromAge: 7, toAge: 12 }, bands)).toEqual([{ field: 'a5_9', factor: 0.6 }, { field: 'a10_14', factor: 0.6 }]);
  });

  it('the default apportioned config reproduces the HSY preset and is labelled as estimates', () => {
    const c = withApportionedAgeBands({ ...presets.hsy, ageBands: { lower: 'x', upper: 'y' } });
    expect(c.ageBands.lower).toEqual(presets.hsy.ageBands.lower);
    expect(c.ageBands.upper).toEqual(presets.hsy.ageBands.upper);
    expect(c.ageBands.estimated).toBe(true);
  });

  it('takes chosen fractions, drops zero shares and checks the range', () => {
    const c = withApportionedAgeBands(presets.hsy, { lower: [{ field: 'IKA0_9', factor: 0.25 }, { field: 'ika10_19', factor: 0.35 }], upper: [{ field: 'ika10_19', factor: 0.3 }, { field: 'ika0_9', factor: 0 }] });
    expect(c.ageBands.lower).toEqual({ terms: [{ field: 'ika0_9', factor: 0.25 }, { field: 'ika10_19', factor: 0.35 }] });
    expect(c.ageBands.upper).toEqual({ terms: [{ field: 'ika10_19', factor: 0.3 }] });
    expect(ageBandExpression([{ field: 'a', factor: 1 }])).toEqual({ terms: [{ field: 'a', factor: 1 }] });
    expect(checkFractions([{ field: 'a', factor: 1.2 }]).map((p) => p.code)).toEqual(['invalid-age-fraction']);
    expect(checkFractions([{ field: 'a', factor: 0 }]).map((p) => p.code)).toEqual(['invalid-age-fraction']);
    expect(checkFractions([{ field: 'a', factor: 0.3 }])).toEqual([]);
  });
});
