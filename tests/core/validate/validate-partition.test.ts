import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { findSelfIntersections } from '../../../src/core/validate/self-intersections';
import { sharedBorderLength } from '../../../src/core/validate/shared-border';
import { validatePartition } from '../../../src/core/validate/validate-partition';
import { onePersonPerM2, rect, ring } from './fixtures';

const ids = ['A', 'B', 'C'];

describe('validatePartition', () => {
  it('a clean partition has no problems', () => {
    const r = validatePartition({ networkId: 'n', catchments: [rect(0, 0, 10, 10), rect(10, 0, 20, 10)] }, ids, { sliverArea: 1 });
    expect(r.problems).toEqual([]);
    expect(r.outlineArea).toBe(200);
  });

  it('a gap inside the outline: [10, 10.5] × [0, 10] = 5 m², 5 people, between A and B', () => {
    const r = validatePartition({ networkId: 'n', catchments: [rect(0, 0, 10, 10), rect(10.5, 0, 20, 10)] }, ids, {
      outline: rect(0, 0, 20, 10),
      population: onePersonPerM2(20, 10),
      sliverArea: 1,
    });
    expect(r.counts.gap).toBe(1);
    const gap = r.problems[0];
    expect(gap).toMatchObject({ kind: 'gap', code: 'catchment-gap', schools: ['A', 'B'] });
    expect(gap.areaM2).toBeCloseTo(5, 9);
    expect(gap.population).toBeCloseTo(5, 9);
    expect(gap.geometry).toHaveLength(1);
  });

  it('without an outline, only holes enclosed by the catchments are gaps (a notch of 2 × 2 m)', () => {
    const a = ring([0, 0], [10, 0], [10, 4], [8, 4], [8, 6], [10, 6], [10, 10], [0, 10]);
    const r = validatePartition({ networkId: 'n', catchments: [a, rect(10, 0, 20, 10)] }, ids, { sliverArea: 1 });
    expect(r.counts.gap).toBe(1);
    expect(r.problems[0].areaM2).toBeCloseTo(4, 9);
  });

  it('an overlap of [8, 10] × [0, 10] = 20 m² with 20 people, naming both schools', () => {
    const r = validatePartition({ networkId: 'n', catchments: [rect(0, 0, 10, 10), rect(8, 0, 18, 10)] }, ids, { population: onePersonPerM2(20, 10), sliverArea: 1 });
    expect(r.counts).toMatchObject({ overlap: 1, gap: 0 });
    expect(r.problems[0]).toMatchObject({ kind: 'overlap', schools: ['A', 'B'] });
    expect(r.problems[0].areaM2).toBeCloseTo(20, 9);
    expect(r.problems[0].population).toBeCloseTo(20, 9);
  });

  it('slivers, islands and big extra parts', () => {
    const main = rect(0, 0, 300, 300)[0];
    const sliver = rect(400, 0, 500, 0.5)[0]; // 50 m², mean width 2·50/201 ≈ 0.50 m < 2 m
    const island = rect(400, 100, 460, 160)[0]; // 3 600 m² < 10 000 m², width 2·3600/240 = 30 m
    const big = rect(600, 0, 800, 200)[0]; // 40 000 m²
    const r = validatePartition({ networkId: 'n', catchments: [[main, sliver, island, big]] }, ids);
    expect(r.counts).toMatchObject({ sliver: 1, island: 1, multipart: 1, gap: 0, overlap: 0 });
    const byKind = Object.fromEntries(r.problems.map((p) => [p.kind, p]));
    expect(byKind.sliver.areaM2).toBeCloseTo(50, 9);
    expect(byKind.island.areaM2).toBeCloseTo(3600, 9);
    expect(byKind.multipart.areaM2).toBeCloseTo(40_000, 9);
  });

  it('a bow tie crosses itself at its centre', () => {
    const bowTie: MultiPolygon = ring([0, 0], [10, 10], [10, 0], [0, 10]);
    expect(findSelfIntersections(bowTie)).toEqual([[5, 5]]);
    const r = validatePartition({ networkId: 'n', catchments: [bowTie] }, ids);
    const p = r.problems.find((q) => q.kind === 'self-intersection')!;
    expect(p.points).toEqual([[5, 5]]);
    expect(findSelfIntersections(rect(0, 0, 1, 1))).toEqual([]);
  });

  it('parts outside the outline', () => {
    const r = validatePartition({ networkId: 'n', catchments: [rect(0, 0, 12, 10)] }, ids, { outline: rect(0, 0, 10, 10), sliverArea: 1 });
    expect(r.counts['outside-outline']).toBe(1);
    expect(r.problems[0].areaM2).toBeCloseTo(20, 9);
  });
});

describe('sharedBorderLength', () => {
  it('counts the collinear part of the border only once', () => {
    // The square [10, 12] × [2, 5] shares x = 10 from y = 2 to 5 (3 m) with [0, 10] × [0, 10].
    expect(sharedBorderLength(rect(10, 2, 12, 5)[0], rect(0, 0, 10, 10))).toBeCloseTo(3, 12);
    expect(sharedBorderLength(rect(11, 2, 12, 5)[0], rect(0, 0, 10, 10))).toBe(0);
  });
});
