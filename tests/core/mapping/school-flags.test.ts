/** Names cut short by a fixed field width, and points outside the planning area (worked by hand). */
import { describe, expect, it } from 'vitest';
import { pointsOutside, truncatedNames } from '../../../src/core/mapping/school-flags';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';

describe('truncatedNames', () => {
  it('names at the longest width (30, shared by 3 names) not ending in a complete word are flagged', () => {
    const names = [
      'Hertton.rannan ala-asteen koul', // 30 characters, cut: flagged
      'Kalevanharjun ala-asteen koulu', // 30 characters, complete ("koulu"): not flagged
      'Tammelan ala-asteen koulun esi', // 30 characters, cut: flagged
      'Aarnivalkean koulu', // shorter: not flagged
      'Pikku koulu…', // ends in an ellipsis: flagged
    ];
    expect(names.map((n) => n.length)).toEqual([30, 30, 30, 18, 12]);
    expect(truncatedNames(names)).toEqual([true, false, true, false, true]);
  });

  it('one long name alone is not a field width: nothing flagged', () => {
    expect(truncatedNames(['Helsingin Suomalainen Yhteiskoulu ja lukio', 'A koulu', 'B skola'])).toEqual([false, false, false]);
  });
});

describe('pointsOutside', () => {
  // An L-shaped area: the square 0–200 × 0–200 without its north-east quarter 100–200 × 100–200.
  const area: MultiPolygon = [[[[0, 0], [200, 0], [200, 100], [100, 100], [100, 200], [0, 200], [0, 0]]]];
  it('inside, in the cut-out corner, beyond the box, on the edge', () => {
    expect(pointsOutside([[50, 50], [150, 150], [300, 50], [0, 50]], area)).toEqual([false, true, true, false]);
  });
});
