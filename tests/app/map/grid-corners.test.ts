import { describe, expect, it } from 'vitest';
import { toLonLat } from '../../../src/app/map/display-projection';
import { gridCornersLonLat } from '../../../src/app/map/grid-corners';
import { gridOutlines } from '../../../src/app/map/unit-geometry';

describe('gridCornersLonLat', () => {
  it('gives every cell ring the lon/lat of projecting its own five points (shared corners projected once)', () => {
    const grid = { originX: 380_000, originY: 6_670_000, cellSize: 250, cols: 20, rows: 20 };
    // An L-shaped block with a hole and an isolated cell: corners shared by 1, 2 and 4 cells.
    const cells: [number, number][] = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2], [2, 2], [7, 9]];
    const col = Int32Array.from(cells.map((c) => c[0]));
    const row = Int32Array.from(cells.map((c) => c[1]));
    const direct = gridOutlines(grid, col, row).positions;
    const got = gridCornersLonLat(grid, col, row);
    expect(got.length).toBe(direct.length);
    for (let i = 0; i < direct.length; i += 2) {
      const [lon, lat] = toLonLat(direct[i], direct[i + 1]);
      expect(Math.abs(got[i] - lon)).toBeLessThan(1e-12);
      expect(Math.abs(got[i + 1] - lat)).toBeLessThan(1e-12);
    }
  });
});
