import { describe, expect, it } from 'vitest';
import { buildUnitValues } from '../../../src/core/pupil-base/unit-values';
import { schoolFigures } from '../../../src/core/pupil-base/school-figures';
import { exampleConfig, exampleNetwork, exampleSchools, exampleUnits, exampleWeights, schoolSums } from './ecological-example';

describe('schoolFigures on the worked example of docs/pupil-base.md', () => {
  const v = buildUnitValues(exampleUnits, exampleConfig, exampleConfig.ageBands.lower);
  const figures = schoolFigures(schoolSums(v, exampleWeights), v.layout, exampleNetwork, exampleSchools, exampleConfig);

  it('sums children and expected renting children over each catchment', () => {
    // North: 120 + 0.5·80 = 160 children; 36 + 0.5·60 = 66 renting → 66/160 = 0.4125
    // South: 0.5·80 + 50 = 90 children;  0.5·60 + 10 = 40 renting → 40/90 = 0.444…
    expect(figures.map((f) => f.id)).toEqual(['north', 'south']);
    expect(figures[0]).toMatchObject({ name: 'North School', children: 160, childrenImputed: 0, capacity: 200 });
    expect(figures[0].shares.rental).toBeCloseTo(0.4125, 12);
    expect(figures[0].shareBase.rental).toBe(160);
    expect(figures[1].children).toBe(90);
    expect(figures[1].shares.rental).toBeCloseTo(40 / 90, 12);
  });

  it('computes utilisation from capacity', () => {
    // 160 / 200 = 0.8; 90 / 100 = 0.9
    expect(figures[0].utilisation).toBeCloseTo(0.8, 12);
    expect(figures[1].utilisation).toBeCloseTo(0.9, 12);
  });

  it('gives the composite as z-scores: two schools sit one SD either side of the mean', () => {
    // mean = (0.4125 + 0.4444)/2, population SD = half the difference → z = −1 and +1
    expect(figures[0].composite).toBeCloseTo(-1, 12);
    expect(figures[1].composite).toBeCloseTo(1, 12);
  });

  it('gives null share and utilisation where undefined', () => {
    const sums = new Float64Array(2 * v.width); // empty catchments
    const schools = exampleSchools.map((s) => ({ ...s, capacity: s.id === 'north' ? null : 0 }));
    const empty = schoolFigures(sums, v.layout, exampleNetwork, schools, exampleConfig);
    expect(empty.map((f) => [f.children, f.shares.rental, f.utilisation, f.composite])).toEqual([
      [0, null, null, null],
      [0, null, null, null],
    ]);
  });

  it('throws (a bug) on sums of the wrong size', () => {
    expect(() => schoolFigures(new Float64Array(3), v.layout, exampleNetwork, exampleSchools, exampleConfig)).toThrow(/sums/);
  });
});
