/**
 * The changed region of polygon units, worked by hand: two schools split the square 0–200 × 0–100
 * at x = 100 (A west, B east); an edit gives A the strip x 100–130 (a "lasso" of 30 × 100 m).
 * The changed region is that strip, 3 000 m², not B's whole area (10 000 m²).
 */
import { describe, expect, it } from 'vitest';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { changedRegion } from '../../../src/core/edits/changed-region';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';

const rect = (x0: number, x1: number): MultiPolygon => [[[[x0, 0], [x1, 0], [x1, 100], [x0, 100], [x0, 0]]]];

describe('changedRegion', () => {
  it('is the strip that changed hands, 30 × 100 = 3 000 m²', () => {
    const baseline = [rect(0, 100), rect(100, 200)];
    const current = [rect(0, 130), rect(130, 200)];
    const region = changedRegion(current, baseline);
    expect(multiPolygonArea(region)).toBeCloseTo(3000, 6);
  });
  it('is empty when nothing changed (same arrays) or a school got back its own shape', () => {
    const baseline = [rect(0, 100), rect(100, 200)];
    expect(changedRegion(baseline, baseline)).toEqual([]);
    expect(changedRegion([rect(0, 100), rect(100, 200)], baseline)).toEqual([]);
  });
  it('a part left without a catchment (a gap) counts as changed: 20 × 100 = 2 000 m²', () => {
    const baseline = [rect(0, 100), rect(100, 200)];
    expect(multiPolygonArea(changedRegion([rect(0, 100), rect(120, 200)], baseline))).toBeCloseTo(2000, 6);
  });
});
