import { describe, expect, it } from 'vitest';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { pointInMultiPolygon } from '../../../src/core/geometry/point-in-polygon';
import { generateCatchments } from '../../../src/core/mapping/voronoi-catchments';
import type { MultiPolygon, Position } from '../../../src/core/model/geometry-types';
import type { Partition } from '../../../src/core/model/school';
import { validatePartition } from '../../../src/core/validate/validate-partition';

const X = 380_000;
const Y = 6_670_000;
const outline: MultiPolygon = [[[[X, Y], [X + 100, Y], [X + 100, Y + 100], [X, Y + 100], [X, Y]]]];
/** The partition, failing the test on a problem. */
function gen(...args: Parameters<typeof generateCatchments>): Partition {
  const r = generateCatchments(...args);
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.value;
}
const at = (x: number, y: number): { location: Position } => ({ location: [X + x, Y + y] });

describe('generateCatchments', () => {
  it('two schools split a 100 m square along the bisector x = 50: 5 000 m² each', () => {
    const p = gen([at(25, 50), at(75, 50)], outline, 'fi-lower');
    expect(p.networkId).toBe('fi-lower');
    expect(multiPolygonArea(p.catchments[0])).toBeCloseTo(5000, 6);
    expect(multiPolygonArea(p.catchments[1])).toBeCloseTo(5000, 6);
    expect(pointInMultiPolygon([X + 10, Y + 90], p.catchments[0])).toBe(true);
    expect(pointInMultiPolygon([X + 60, Y + 10], p.catchments[1])).toBe(true);
  });

  it('three schools at (25,25), (75,25), (50,75) tile the square with no gap or overlap', () => {
    const p = gen([at(25, 25), at(75, 25), at(50, 75)], outline);
    const total = p.catchments.reduce((a, c) => a + multiPolygonArea(c), 0);
    expect(total).toBeCloseTo(10_000, 6);
    // The lower two cells meet at x = 50; by symmetry they have equal areas.
    expect(multiPolygonArea(p.catchments[0])).toBeCloseTo(multiPolygonArea(p.catchments[1]), 6);
    const report = validatePartition(p, ['a', 'b', 'c'], { outline });
    expect(report.problems).toEqual([]);
  });

  it('a second school at the same point gets an empty catchment; a school outside still gets its share', () => {
    const p = gen([at(25, 50), at(75, 50), at(25, 50)], outline);
    expect(p.catchments[2]).toEqual([]);
    expect(multiPolygonArea(p.catchments[0]) + multiPolygonArea(p.catchments[1])).toBeCloseTo(10_000, 6);
    const q = gen([at(50, 50), at(150, 50)], outline);
    // The bisector x = 100 is the square's edge: the outside school gets nothing.
    expect(multiPolygonArea(q.catchments[0])).toBeCloseTo(10_000, 6);
    expect(q.catchments[1]).toEqual([]);
  });

  it('the diagram is bounded by the outline, not the schools: a school 2 500 km away cannot overflow the clipper', () => {
    // Before, the box spanned every school (3 × 2 500 km): "boolean operation spans more than 2147 km".
    const p = gen([at(25, 50), at(75, 50), at(2_500_000, 50)], outline);
    expect(multiPolygonArea(p.catchments[0]) + multiPolygonArea(p.catchments[1])).toBeCloseTo(10_000, 6);
    // The far school's bisector with (75, 50) lies 1 250 km away: nothing of the square is nearer to it.
    expect(p.catchments[2]).toEqual([]);
  });

  it('an outline wider than the clipper can hold is a named problem, not an exception', () => {
    const wide: MultiPolygon = [[[[X, Y], [X + 2_200_000, Y], [X + 2_200_000, Y + 100], [X, Y + 100], [X, Y]]]];
    const r = generateCatchments([at(25, 50)], wide);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].code).toBe('geometry-too-large');
    expect(r.problems[0].message).toContain('2244 km'); // 2 200 km + 2 × 1 % margin = 2 244 km
    expect(r.problems[0].fix).toContain('planning area');
  });
});
