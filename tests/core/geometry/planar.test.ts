import { describe, expect, it } from 'vitest';
import { multiPolygonArea, polygonArea, ringSignedArea } from '../../../src/core/geometry/area';
import { isNormalised, normaliseOrientation } from '../../../src/core/geometry/orientation';
import { pointInPolygon } from '../../../src/core/geometry/point-in-polygon';
import { removeSlivers, splitSlivers } from '../../../src/core/geometry/remove-slivers';
import { checkMultiPolygon } from '../../../src/core/geometry/validity';
import { intersect, subtract, unionAll } from '../../../src/core/geometry/boolean-ops';
import type { Ring } from '../../../src/core/model/geometry-types';

const sq = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('planar helpers', () => {
  it('areas and orientation', () => {
    expect(ringSignedArea(sq(0, 0, 4, 3))).toBe(12); // CCW 4×3
    expect(ringSignedArea(sq(0, 0, 4, 3).reverse())).toBe(-12);
    expect(polygonArea([sq(0, 0, 4, 4), sq(1, 1, 2, 2)])).toBe(15); // 16 − 1, orientation ignored
    const n = normaliseOrientation([[sq(0, 0, 4, 4).reverse(), sq(1, 1, 2, 2)]]);
    expect(isNormalised(n)).toBe(true);
    expect(ringSignedArea(n[0][1])).toBe(-1);
  });

  it('point in polygon with a hole', () => {
    const p = [sq(0, 0, 4, 4), sq(1, 1, 2, 2)];
    expect(pointInPolygon([3, 3], p)).toBe(true);
    expect(pointInPolygon([1.5, 1.5], p)).toBe(false);
    expect(pointInPolygon([5, 1], p)).toBe(false);
  });

  it('slivers: tiny or thin parts are dropped, holes are kept', () => {
    const mp = [[sq(0, 0, 100, 100), sq(10, 10, 10.5, 10.5)], [sq(200, 0, 200.5, 1)], [sq(300, 0, 400, 0.4)]];
    // Part 2: area 0.5 m² < 1 → sliver. Part 3: area 40 m², perimeter 200.8 m → width 2·40/200.8 ≈ 0.4 m < 0.5 → sliver.
    const { kept, slivers } = splitSlivers(mp);
    expect(kept).toEqual([mp[0]]);
    expect(slivers).toHaveLength(2);
    expect(removeSlivers([mp[0]])).toEqual([mp[0]]);
  });

  it('validity reports open rings and non-finite coordinates', () => {
    expect(checkMultiPolygon([[sq(0, 0, 1, 1)]])).toEqual([]);
    expect(checkMultiPolygon([[[[0, 0], [1, 0], [1, 1]]]])[0].code).toBe('invalid-geometry');
    expect(checkMultiPolygon([[[[0, 0], [NaN, 0], [1, 1], [0, 0]]]])).toHaveLength(1);
  });

  it('boolean operations on squares', () => {
    const a = [[sq(0, 0, 2, 2)]];
    const b = [[sq(1, 1, 3, 3)]];
    expect(multiPolygonArea(intersect(a, b))).toBe(1); // overlap 1×1
    expect(multiPolygonArea(unionAll(a, b))).toBe(7); // 4 + 4 − 1
    expect(multiPolygonArea(subtract(a, b))).toBe(3); // 4 − 1
    expect(intersect([], b)).toEqual([]);
    expect(unionAll([], [])).toEqual([]);
    expect(isNormalised(unionAll(a, b))).toBe(true);
  });
});
