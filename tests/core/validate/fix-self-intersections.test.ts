/**
 * The self-intersection repair on bow ties whose lobes are worked out by hand:
 * - symmetric (0,0)→(10,6)→(10,0)→(0,6): the diagonals cross at (5,3); each lobe is a triangle
 *   of base 6 and height 5, 15 m² each, 30 m² in all (the signed shoelace area is 0);
 * - asymmetric (0,0)→(10,10)→(10,0)→(0,5): y = x meets y = 5 − x/2 at (10/3, 10/3); the left
 *   lobe has base 5 (on x = 0) and height 10/3, 25/3 m²; the right lobe base 10 (on x = 10) and
 *   height 20/3, 100/3 m²; 125/3 m² in all (shoelace: 100/3 − 25/3 = 25).
 */
import { describe, expect, it } from 'vitest';
import { multiPolygonArea, polygonArea } from '../../../src/core/geometry/area';
import { unionAll } from '../../../src/core/geometry/boolean-ops';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import type { Partition } from '../../../src/core/model/school';
import { fixSelfIntersections } from '../../../src/core/validate/fix-self-intersections';
import { findSelfIntersections } from '../../../src/core/validate/self-intersections';
import { validatePartition } from '../../../src/core/validate/validate-partition';
import { rect, ring } from './fixtures';

const partition = (...catchments: Partition['catchments']): Partition => ({ networkId: 'n', catchments });
const lobeAreas = (mp: ReturnType<typeof unionAll>) => mp.map((p) => polygonArea(p)).sort((a, b) => a - b);

describe('fixSelfIntersections', () => {
  it('keeps both lobes of a symmetric bow tie (15 + 15 m²), whose signed area is 0', () => {
    const bow = ring([0, 0], [10, 6], [10, 0], [0, 6]);
    expect(unionAll(bow).length, 'the union of a bow tie is its two lobes').toBe(2);
    const r = fixSelfIntersections(partition(bow), ['A']);
    const fixed = r.partition.catchments[0];
    expect(lobeAreas(fixed)[0]).toBeCloseTo(15, 9);
    expect(lobeAreas(fixed)[1]).toBeCloseTo(15, 9);
    expect(findSelfIntersections(fixed)).toEqual([]);
    expect(r.unresolved).toEqual([]);
  });

  it('keeps both lobes of an asymmetric bow tie (25/3 + 100/3 m²); a valid neighbour is untouched', () => {
    const bow = ring([0, 0], [10, 10], [10, 0], [0, 5]);
    const b = rect(10, 0, 20, 10);
    const before = partition(bow, b);
    expect(validatePartition(before, ['A', 'B']).counts['self-intersection']).toBe(1);
    const r = fixSelfIntersections(before, ['A', 'B']);
    expect(multiPolygonArea(r.partition.catchments[0])).toBeCloseTo(125 / 3, 9);
    expect(lobeAreas(r.partition.catchments[0])[0]).toBeCloseTo(25 / 3, 9);
    expect(r.partition.catchments[1]).toBe(b);
    expect(validatePartition(r.partition, ['A', 'B']).counts['self-intersection']).toBe(0);
  });

  it('merges two overlapping parts of one catchment into one (4 × 4 + 4 × 4 − 2 × 2 = 28 m²)', () => {
    const twoParts = [...rect(0, 0, 4, 4), ...rect(2, 2, 6, 6)];
    const r = fixSelfIntersections(partition(twoParts), ['A']);
    expect(r.partition.catchments[0]).toHaveLength(1);
    expect(multiPolygonArea(r.partition.catchments[0])).toBeCloseTo(28, 9);
  });

  it('changes nothing in a valid partition', () => {
    const p = partition(rect(0, 0, 10, 10), rect(10, 0, 20, 10));
    const r = fixSelfIntersections(p, ['A', 'B']);
    expect(r.partition.catchments[0]).toBe(p.catchments[0]);
    expect(r.partition.catchments[1]).toBe(p.catchments[1]);
    expect(r.changes.schools).toEqual([]);
  });

  it('finds and repairs a ring that passes one vertex twice (an inverted hole); a hole touching its outer ring is valid', () => {
    // 3 × 3 square whose ring dips in to (2, 1) twice, cutting out the pocket (1..2, 1..2) that
    // opens only at the corner (2, 1): the ring goes round 3 × 3 − the lower right unit square
    // (8 m²) and back round the pocket (−1 m²): 7 m² in all, touching itself at (2, 1).
    const inverted = ring([0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [2, 2], [2, 1], [3, 1], [3, 3], [0, 3]);
    expect(findSelfIntersections(inverted)).toEqual([[2, 1]]);
    expect(validatePartition(partition(inverted), ['A']).counts['self-intersection']).toBe(1);
    const fixed = fixSelfIntersections(partition(inverted), ['A']).partition.catchments[0];
    expect(multiPolygonArea(fixed)).toBeCloseTo(7, 9);
    expect(findSelfIntersections(fixed)).toEqual([]);
    // The same area as an outer ring and a hole touching it at (2, 1): nothing to report.
    const withHole: MultiPolygon = [[[[0, 0], [2, 0], [2, 1], [3, 1], [3, 3], [0, 3], [0, 0]], [[2, 1], [1, 1], [1, 2], [2, 2], [2, 1]]]];
    expect(findSelfIntersections(withHole)).toEqual([]);
  });
});
