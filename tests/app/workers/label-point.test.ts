import { describe, expect, it } from 'vitest';
import { catchmentArea, labelPoint, poleOfInaccessibility, polygonArea, signedDistance } from '../../../src/app/workers/label-point';
import type { Polygon } from '../../../src/core/model/geometry-types';

const rect = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]] as [number, number][];

describe('polygonArea', () => {
  it('subtracts holes', () => {
    // 100 × 40 = 4000 m², minus a 10 × 10 hole = 3900 m².
    expect(polygonArea([rect(0, 0, 100, 40), rect(10, 10, 20, 20)])).toBe(3900);
  });
  it('sums the parts of a catchment', () => {
    // 4000 + 25 (5 × 5) = 4025 m².
    expect(catchmentArea([[rect(0, 0, 100, 40)], [[...rect(200, 0, 205, 5)]]])).toBe(4025);
  });
});

describe('signedDistance', () => {
  it('is the distance to the nearest edge, positive inside', () => {
    // (50, 20) in 100 × 40: nearest edges y = 0 and y = 40, both 20 m away.
    expect(signedDistance(50, 20, [rect(0, 0, 100, 40)])).toBeCloseTo(20, 9);
    // (110, 20) lies 10 m east of the x = 100 edge, outside.
    expect(signedDistance(110, 20, [rect(0, 0, 100, 40)])).toBeCloseTo(-10, 9);
  });
});

describe('poleOfInaccessibility', () => {
  it('finds the middle line of a rectangle', () => {
    // Every point on y = 20, 20 ≤ x ≤ 80 is 20 m from the boundary (the maximum).
    const [x, y] = poleOfInaccessibility([rect(0, 0, 100, 40)], 0.5);
    expect(y).toBeCloseTo(20, 0);
    expect(x).toBeGreaterThanOrEqual(19.5);
    expect(x).toBeLessThanOrEqual(80.5);
  });
  it('lands in the wide part of an L, not at its (outside) centroid', () => {
    // L = 0..100 × 0..20 plus 0..20 × 20..100. The widest spots are 10 m from the boundary;
    // the bbox centre (50, 50) is outside the L.
    const l: Polygon = [[[0, 0], [100, 0], [100, 20], [20, 20], [20, 100], [0, 100], [0, 0]]];
    const p = poleOfInaccessibility(l, 0.5);
    expect(signedDistance(p[0], p[1], l)).toBeGreaterThanOrEqual(9.5);
  });
  it('stays out of a hole', () => {
    // 0..100 square with a 30..70 hole: best points are in the 30 m wide frame, 15 m from both
    // the outer edge and the hole.
    const framed: Polygon = [rect(0, 0, 100, 100), rect(30, 30, 70, 70)];
    const p = poleOfInaccessibility(framed, 0.5);
    expect(signedDistance(p[0], p[1], framed)).toBeGreaterThanOrEqual(14.5);
  });
});

describe('labelPoint', () => {
  it('uses the largest part and returns null for an empty catchment', () => {
    const p = labelPoint([[rect(0, 0, 10, 10)], [rect(100, 0, 200, 40)]], [0, 0])!;
    // Largest part 100..200 × 0..40: the label is on its middle line y = 20.
    expect(p[0]).toBeGreaterThan(100);
    expect(p[1]).toBeCloseTo(20, 0);
    expect(labelPoint([], [5, 5])).toBeNull();
  });
});
