import { describe, expect, it } from 'vitest';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { unionAll } from '../../../src/core/geometry/boolean-ops';
import { splitTouchingRings } from '../../../src/core/geometry/split-touching-rings';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { findSelfIntersections } from '../../../src/core/validate/self-intersections';

describe('splitTouchingRings', () => {
  // 3 × 3 square minus the lower right unit square (8 m²), with the pocket (1..2, 1..2) open
  // only at the corner (2, 1): 8 − 1 = 7 m². Clipper2 returns it as one ring through (2, 1) twice.
  const inverted: MultiPolygon = [[[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [2, 2], [2, 1], [3, 1], [3, 3], [0, 3], [0, 0]]]];

  it('turns an inverted hole into an outer ring and a hole touching it at one vertex (7 m² both ways)', () => {
    const out = splitTouchingRings(inverted);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(2);
    expect(multiPolygonArea(out)).toBeCloseTo(7, 12);
    expect(findSelfIntersections(inverted)).toEqual([[2, 1]]);
    expect(findSelfIntersections(out)).toEqual([]);
  });

  it('makes Clipper2 output of such a shape valid', () => {
    const union = unionAll(inverted);
    expect(multiPolygonArea(union)).toBeCloseTo(7, 12);
    const out = splitTouchingRings(union);
    expect(findSelfIntersections(out)).toEqual([]);
    expect(multiPolygonArea(out)).toBeCloseTo(7, 12);
  });

  it('splits two squares joined at a corner into two polygons and returns simple polygons as they are', () => {
    const eight: MultiPolygon = [[[[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]]]];
    const out = splitTouchingRings(eight);
    expect(out).toHaveLength(2);
    expect(out.map((p) => multiPolygonArea([p]))).toEqual([1, 1]);
    const simple: MultiPolygon = [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]];
    expect(splitTouchingRings(simple)[0]).toBe(simple[0]);
  });
});
