import { describe, expect, it } from 'vitest';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { pointInMultiPolygon } from '../../../src/core/geometry/point-in-polygon';
import type { Partition } from '../../../src/core/model/school';
import { dissolveSlivers, fillGaps } from '../../../src/core/validate/repair-partition';
import { snapPartition } from '../../../src/core/validate/snap-partition';
import { splitOverlaps } from '../../../src/core/validate/split-overlaps';
import { validatePartition } from '../../../src/core/validate/validate-partition';
import { onePersonPerM2, rect, ring } from './fixtures';

const ids = ['A', 'B', 'C'];
const partition = (...catchments: Partition['catchments']): Partition => ({ networkId: 'n', catchments });
const pop = onePersonPerM2(30, 30);

describe('fillGaps', () => {
  it('gives a 2 × 2 m notch of A to A, which shares 6 m of its border against 2 m for B', () => {
    const a = ring([0, 0], [10, 0], [10, 4], [8, 4], [8, 6], [10, 6], [10, 10], [0, 10]);
    const b = rect(10, 0, 20, 10);
    const r = fillGaps(partition(a, b), ids, { population: pop });
    expect(multiPolygonArea(r.partition.catchments[0])).toBeCloseTo(100, 9);
    expect(r.partition.catchments[1]).toBe(b);
    expect(r.changes.schools).toHaveLength(1);
    expect(r.changes.schools[0]).toMatchObject({ schoolId: 'A' });
    expect(r.changes.schools[0].areaGained).toBeCloseTo(4, 9);
    expect(r.changes.schools[0].areaLost).toBeCloseTo(0, 9);
    expect(r.changes.populationGained).toBeCloseTo(4, 9);
    expect(validatePartition(r.partition, ids).problems).toEqual([]);
  });

  it('leaves a gap touching only the outline unresolved', () => {
    const r = fillGaps(partition(rect(0, 0, 10, 10)), ids, { outline: rect(0, 0, 10, 10).concat(rect(20, 0, 25, 5)) });
    expect(r.unresolved).toHaveLength(1);
    expect(r.unresolved[0].areaM2).toBeCloseTo(25, 9);
  });
});

describe('dissolveSlivers', () => {
  it('moves A\'s 8 × 0.2 m strip on top of B into B (8 m shared) rather than C (6 m shared)', () => {
    const a = [rect(0, 0, 10, 10)[0], rect(12, 10, 20, 10.2)[0]];
    const b = rect(10, 0, 20, 10);
    const c = rect(14, 10.2, 20, 20);
    const r = dissolveSlivers(partition(a, b, c), ids, { population: pop });
    expect(multiPolygonArea(r.partition.catchments[0])).toBeCloseTo(100, 9);
    expect(multiPolygonArea(r.partition.catchments[1])).toBeCloseTo(101.6, 9);
    expect(r.partition.catchments[2]).toBe(c);
    const [ca, cb] = r.changes.schools;
    expect(ca).toMatchObject({ schoolId: 'A' });
    expect(ca.areaLost).toBeCloseTo(1.6, 9);
    expect(cb.areaGained).toBeCloseTo(1.6, 9);
    expect(cb.populationGained).toBeCloseTo(1.6, 9);
    expect(r.unresolved).toEqual([]);
  });

  it('never empties a school and reports a lone island it cannot give away', () => {
    const a = [rect(0, 0, 10, 10)[0], rect(100, 100, 101, 101)[0]];
    const r = dissolveSlivers(partition(a, rect(10, 0, 20, 10)), ids);
    expect(r.unresolved).toHaveLength(1);
    expect(multiPolygonArea(r.partition.catchments[0])).toBeCloseTo(101, 9);
  });
});

describe('splitOverlaps', () => {
  // A = [0, 10] × [0, 10] (100 m²), B = [8, 14] × [0, 10] (60 m²): overlap [8, 10] × [0, 10] = 20 m².
  const p = partition(rect(0, 0, 10, 10), rect(8, 0, 14, 10));
  const areas = (r: { partition: Partition }) => r.partition.catchments.map((c) => Number(multiPolygonArea(c).toFixed(6)));

  it('to the larger: B loses 20 m² and 20 people', () => {
    const r = splitOverlaps(p, ids, 'larger', { population: pop });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(areas(r.value)).toEqual([100, 40]);
    expect(r.value.changes.areaLost).toBeCloseTo(20, 9);
    expect(r.value.changes.areaGained).toBeCloseTo(0, 9);
    expect(r.value.changes.populationLost).toBeCloseTo(20, 9);
    expect(r.value.partition.catchments[0]).toBe(p.catchments[0]);
  });

  it('to the smaller: A loses it', () => {
    const r = splitOverlaps(p, ids, 'smaller');
    expect(r.ok && areas(r.value)).toEqual([80, 60]);
  });

  it('to the nearer school: centroid (9, 5) is 8 m from A at (1, 5) and 4 m from B at (13, 5) → B', () => {
    const r = splitOverlaps(p, ids, 'nearer', { locations: [[1, 5], [13, 5]] });
    expect(r.ok && areas(r.value)).toEqual([80, 60]);
  });

  it('along the middle: schools at x = 6 and 12 → bisector x = 9, each keeps its side (A 90, B 50)', () => {
    const r = splitOverlaps(p, ids, 'middle', { locations: [[6, 5], [12, 5]] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(areas(r.value)).toEqual([90, 50]);
    expect(pointInMultiPolygon([8.5, 5], r.value.partition.catchments[0])).toBe(true);
    expect(pointInMultiPolygon([9.5, 5], r.value.partition.catchments[1])).toBe(true);
    // B is now 50 m², below the default sliver area (100 m²): check with a 1 m² threshold.
    expect(validatePartition(r.value.partition, ids, { sliverArea: 1 }).problems).toEqual([]);
  });

  it('needs school points for "nearer"', () => {
    const r = splitOverlaps(p, ids, 'nearer');
    expect(!r.ok && r.problems[0].code).toBe('missing-school-points');
  });
});

describe('snapPartition', () => {
  it('moves B\'s left corners 0.3 and 0.2 m onto A\'s: B goes from a 97.5 m² trapezoid to 100 m²', () => {
    // Trapezoid: widths 20 − 10.3 = 9.7 at y = 0 and 20 − 10.2 = 9.8 at y = 10 → (9.7 + 9.8) / 2 · 10 = 97.5 m².
    const a = rect(0, 0, 10, 10);
    const b = ring([10.3, 0], [20, 0], [20, 10], [10.2, 10]);
    expect(multiPolygonArea(b)).toBeCloseTo(97.5, 9);
    const r = snapPartition(partition(a, b), ids, 0.5, { population: pop });
    expect(r.partition.catchments[0]).toBe(a);
    expect(multiPolygonArea(r.partition.catchments[1])).toBeCloseTo(100, 9);
    expect(r.changes.schools).toHaveLength(1);
    expect(r.changes.schools[0].areaGained).toBeCloseTo(2.5, 9);
    expect(validatePartition(r.partition, ids).problems).toEqual([]);
  });

  it('inserts a neighbour\'s vertex lying on the shared border (T-junction at (10, 5))', () => {
    const a = ring([0, 0], [10, 0], [10, 5], [10, 10], [0, 10]);
    const b = ring([10.1, 0], [20, 0], [20, 10], [10.1, 10]);
    const r = snapPartition(partition(a, b), ids, 0.5);
    const vertices = r.partition.catchments[1].flat(2).map((p) => `${p[0]},${p[1]}`);
    expect(vertices).toContain('10,5');
    expect(multiPolygonArea(r.partition.catchments[1])).toBeCloseTo(100, 9);
  });

  it('leaves catchments farther apart than the tolerance alone', () => {
    const b = rect(11, 0, 20, 10);
    const r = snapPartition(partition(rect(0, 0, 10, 10), b), ids, 0.5);
    expect(r.partition.catchments[1]).toBe(b);
    expect(r.changes.schools).toEqual([]);
  });
});
