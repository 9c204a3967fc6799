import { describe, expect, it } from 'vitest';
import { lassoToRegion, thinScreenPath } from '../../../src/app/map/lasso-region';
import type { Position } from '../../../src/core/model/geometry-types';

// Screen y grows downwards; map y grows northwards. A simple affine "map": 1 px = 10 m,
// origin (0,0) px ↔ (380000, 6680000) m: x = 380000 + 10 px, y = 6680000 − 10 py.
const unproject = ([px, py]: Position): Position => [380000 + 10 * px, 6680000 - 10 * py];

describe('lassoToRegion', () => {
  it('returns a closed counter-clockwise ring in EPSG:3067', () => {
    // Screen path (0,0)→(100,0)→(100,100)→(0,100) is, in map metres,
    // (380000,6680000)→(381000,6680000)→(381000,6679000)→(380000,6679000): east, south, west =
    // clockwise, so the ring is reversed to counter-clockwise and closed.
    const region = lassoToRegion([[0, 0], [100, 0], [100, 100], [0, 100]], unproject);
    expect(region).toEqual([
      [
        [
          [380000, 6679000],
          [381000, 6679000],
          [381000, 6680000],
          [380000, 6680000],
          [380000, 6679000],
        ],
      ],
    ]);
  });

  it('drops a duplicated closing point and points closer than 3 px', () => {
    // (1,1) is within 3 px of (0,0); the last point repeats the first.
    const region = lassoToRegion([[0, 0], [1, 1], [0, 100], [100, 100], [100, 0], [0, 0]], unproject)!;
    const ring = region[0][0];
    expect(ring.length).toBe(5);
    expect(ring[0]).toEqual(ring[4]);
  });

  it('rejects clicks and straight strokes', () => {
    expect(lassoToRegion([[5, 5]], unproject)).toBeNull();
    expect(lassoToRegion([[0, 0], [10, 0], [20, 0]], unproject)).toBeNull();
  });
});

describe('thinScreenPath', () => {
  it('keeps points at least 3 px apart', () => {
    expect(thinScreenPath([[0, 0], [2, 0], [3, 0], [4, 0], [7, 0]])).toEqual([[0, 0], [3, 0], [7, 0]]);
  });
});
