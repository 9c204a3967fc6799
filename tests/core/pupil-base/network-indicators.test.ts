import { describe, expect, it } from 'vitest';
import { networkIndicators } from '../../../src/core/pupil-base/network-indicators';
import { buildUnitValues } from '../../../src/core/pupil-base/unit-values';
import { exampleConfig, exampleNetwork, exampleSchools, exampleUnits, exampleWeights, schoolSums } from './ecological-example';

describe('networkIndicators on the worked example', () => {
  const v = buildUnitValues(exampleUnits, exampleConfig, exampleConfig.ageBands.lower);
  const sums = schoolSums(v, exampleWeights);
  const ind = networkIndicators(sums, v.layout, exampleNetwork, exampleSchools, exampleConfig, { gapChildren: 4, overlapChildren: 0 });

  it('feeds with_k and base_k to the two-group indices', () => {
    // X = 66 + 40 = 106 renting, Y = 94 + 50 = 144 others;
    // D = ½(|66/106 − 94/144| + |40/106 − 50/144|) = (66·144 − 94·106)/(106·144) in magnitude = 460/15264
    expect(ind.indices.rental.D).toBeCloseTo(460 / 15264, 12);
  });

  it('feeds the category counts to the multigroup indices', () => {
    // tenure = rented vs not rented: A 300/700, B 600/200, C 100/400 of households, so "rented"
    // gives the same counts as the rental share and the two-group D: 460/15264
    expect(ind.multigroup.tenure.D).toBeCloseTo(460 / 15264, 12);
  });

  it('totals the children and passes gaps and overlaps through', () => {
    // 160 + 90 = 250 = 120 + 80 + 50: the catchments cover the units exactly once
    expect(ind.totals).toEqual({ children: 250, childrenImputed: 0, gapChildren: 4, overlapChildren: 0 });
    expect(ind.network).toBe('fi-lower');
    expect(ind.estimated).toBe(false);
    expect(ind.schools.map((s) => s.id)).toEqual(['north', 'south']);
  });
});
