import { describe, expect, it } from 'vitest';
import { traceRegions } from '../../../data/generator/trace-regions';

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

  it('ignores background pixels (-1)', () => {
    const [a] = traceRegions(frame(2, 1), Int32Array.from([-1, 0]), 1);
    expect(a).toEqual([[[[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]]]]);
  });
});
