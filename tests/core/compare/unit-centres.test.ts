import { describe, expect, it } from 'vitest';
import { unitCentres } from '../../../src/core/compare/unit-centres';
import { multiPolygonCentroid } from '../../../src/core/geometry/centroid';
import type { PolygonUnits } from '../../../src/core/model/units';

describe('multiPolygonCentroid', () => {
  it('square: its middle', () => {
    expect(multiPolygonCentroid([[[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]]])).toEqual([2, 1]);
  });

  it('L shape: area-weighted mean of its two rectangles', () => {
    // [0,2]×[0,1] (area 2, centre (1, 0.5)) + [0,1]×[1,2] (area 1, centre (0.5, 1.5)):
    // x = (2·1 + 1·0.5)/3 = 5/6, y = (2·0.5 + 1·1.5)/3 = 5/6.
    const [x, y] = multiPolygonCentroid([[[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]]]);
    expect(x).toBeCloseTo(5 / 6, 12);
    expect(y).toBeCloseTo(5 / 6, 12);
  });

  it('square with a hole, in projected coordinates far from the origin', () => {
    // 4×4 square at (385 000, 6 672 000) minus the 1×1 hole [385 000, 385 001]×[6 672 000, 6 672 001] (clockwise):
    // x = (16·2 − 1·0.5)/15 = 31.5/15 = 2.1 → 385 002.1; same for y.
    const [x, y] = multiPolygonCentroid([[
      [[385_000, 6_672_000], [385_004, 6_672_000], [385_004, 6_672_004], [385_000, 6_672_004], [385_000, 6_672_000]],
      [[385_000, 6_672_000], [385_000, 6_672_001], [385_001, 6_672_001], [385_001, 6_672_000], [385_000, 6_672_000]],
    ]]);
    expect(x).toBeCloseTo(385_002.1, 9);
    expect(y).toBeCloseTo(6_672_002.1, 9);
  });

  it('unitCentres of polygon units', () => {
    const units = { kind: 'polygons', count: 1, ids: ['p'], attributes: { names: [], columns: {} }, geometries: [[[[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]]]], bboxes: [[0, 0, 4, 2]], areas: new Float64Array([8]) } as PolygonUnits;
    expect([...unitCentres(units)]).toEqual([2, 1]);
  });
});
