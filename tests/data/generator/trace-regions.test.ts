import { describe, expect, it } from 'vitest';
import { ringArea, traceRegions } from '../../../data/generator/trace-regions';
import { splitAtRepeatedVertices } from '../../../src/core/geometry/split-touching-rings';

// Rasters are given row by row from the SOUTH (row 0 = lowest y); pixel 10 m, origin (0, 0).
const frame = (w: number, h: number) => ({ w, h, originX: 0, originY: 0, pixel: 10 });

describe('traceRegions', () => {
  it('traces an L-shaped pair of regions counter-clockwise along shared pixel edges', () => {
    // row 0: 0 0 1   row 1: 0 1 1
    const labels = Int32Array.from([0, 0, 1, 0, 1, 1]);
    const [a, b] = traceRegions(frame(3, 2), labels, 2);
    // Region 0 = pixels (0,0), (1,0), (0,1): start at the lower-left corner, go east 20 m,
    // north 10 m, west 10 m, north 10 m, west 10 m, south 20 m. Area 3 pixels = 300 m².
    expect(a).toEqual([[[[0, 0], [20, 0], [20, 10], [10, 10], [10, 20], [0, 20], [0, 0]]]]);
    // Region 1 = pixels (2,0), (1,1), (2,1): the same staircase walked the other way round.
    expect(b).toEqual([[[[20, 0], [30, 0], [30, 20], [10, 20], [10, 10], [20, 10], [20, 0]]]]);
  });

  it('splits pixels that touch only at a corner into separate polygons', () => {
    // row 0: 0 1   row 1: 1 0  -> region 0 is two unit squares meeting at (10, 10).
    const [a] = traceRegions(frame(2, 2), Int32Array.from([0, 1, 1, 0]), 2);
    expect(a).toEqual([
      [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]],
      [[[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]],
    ]);
  });

  it('returns an enclosed region as a clockwise hole of its surrounding region', () => {
    // 3 × 3 of label 0 with label 1 in the middle pixel (10..20, 10..20).
    const labels = Int32Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    const [outer, inner] = traceRegions(frame(3, 3), labels, 2);
    // The hole is found from the pixel above it (row 2), so it starts at (10, 20) going east.
    expect(outer).toEqual([
      [
        [[0, 0], [30, 0], [30, 30], [0, 30], [0, 0]],
        [[10, 20], [20, 20], [20, 10], [10, 10], [10, 20]],
      ],
    ]);
    expect(inner).toEqual([[[[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]]]);
  });

  it('gives a pocket that opens only at a corner as a hole touching the outer ring, never a ring through one vertex twice', () => {
    // row 2: 0 0 0   row 1: 0 1 0   row 0: 0 0 1
    // Label 0 is 4-connected round the middle pixel (10..20, 10..20) except at the corner
    // (20, 10), where pixels (1,0) and (2,1) touch only diagonally. Walked as one ring it would
    // pass (20, 10) twice (a ring self-intersection); split there, the middle pixel is a
    // clockwise hole touching the outline at (20, 10). Area: 9 − 2 pixels = 700 m² both ways.
    const labels = Int32Array.from([0, 0, 1, 0, 1, 0, 0, 0, 0]);
    const [a] = traceRegions(frame(3, 3), labels, 2);
    expect(a).toHaveLength(1);
    const [outer, hole] = a[0];
    expect(a[0]).toHaveLength(2);
    expect(ringArea(outer)).toBe(800); // 3 × 3 − the lower right pixel
    expect(ringArea(hole)).toBe(-100); // the middle pixel, clockwise
    expect(hole).toContainEqual([20, 10]);
    expect(outer).toContainEqual([20, 10]);
    for (const ring of a[0]) {
      const keys = ring.slice(0, -1).map((p) => p.join(','));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('splitAtRepeatedVertices cuts a figure-eight into its two loops, keeping their areas', () => {
    // A bow tie through (10, 10): lower-left square anticlockwise, upper-right square anticlockwise.
    const ring: [number, number][] = [[0, 0], [10, 0], [10, 10], [20, 10], [20, 20], [10, 20], [10, 10], [0, 10], [0, 0]];
    const parts = splitAtRepeatedVertices(ring);
    expect(parts).toEqual([
      [[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]],
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    ]);
    expect(parts.map(ringArea)).toEqual([100, 100]);
  });

  it('ignores background pixels (-1)', () => {
    const [a] = traceRegions(frame(2, 1), Int32Array.from([-1, 0]), 1);
    expect(a).toEqual([[[[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]]]]);
  });
});
