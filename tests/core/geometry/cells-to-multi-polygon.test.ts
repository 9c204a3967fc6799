import { describe, expect, it } from 'vitest';
import { cellsToMultiPolygon } from '../../../src/core/geometry/cells-to-multi-polygon';
import { multiPolygonArea, ringSignedArea } from '../../../src/core/geometry/area';
import type { GridSpec } from '../../../src/core/model/grid-spec';

const grid: GridSpec = { originX: 1000, originY: 2000, cellSize: 10, cols: 100, rows: 100 };

describe('cellsToMultiPolygon', () => {
  it('one cell is its square, counter-clockwise (the tracer starts at the end of the bottom edge)', () => {
    // Cell (2,3): x 1000+20..1000+30, y 2000+30..2000+40.
    expect(cellsToMultiPolygon(grid, [[2, 3]])).toEqual([[[[1030, 2030], [1030, 2040], [1020, 2040], [1020, 2030], [1030, 2030]]]]);
  });

  it('an L of three cells is one hexagon of area 300 m²', () => {
    const mp = cellsToMultiPolygon(grid, [[0, 0], [1, 0], [0, 1]]);
    expect(mp).toHaveLength(1);
    expect(mp[0]).toHaveLength(1);
    expect(mp[0][0]).toHaveLength(7); // 6 corners + closing position
    expect(multiPolygonArea(mp)).toBe(300);
  });

  it('a 3×3 block without its centre has a clockwise hole', () => {
    const cells: [number, number][] = [];
    for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) if (c !== 1 || r !== 1) cells.push([c, r]);
    const mp = cellsToMultiPolygon(grid, cells);
    expect(mp).toHaveLength(1);
    expect(mp[0]).toHaveLength(2);
    expect(ringSignedArea(mp[0][0])).toBe(900); // 30×30, CCW
    expect(ringSignedArea(mp[0][1])).toBe(-100); // the 10×10 hole, CW
    expect(multiPolygonArea(mp)).toBe(800);
  });

  it('cells touching at a corner become separate parts', () => {
    const mp = cellsToMultiPolygon(grid, [[0, 0], [1, 1]]);
    expect(mp).toHaveLength(2);
    expect(multiPolygonArea(mp)).toBe(200);
  });

  it('is deterministic: order and duplicates do not matter', () => {
    const cells: [number, number][] = [[5, 5], [6, 5], [6, 6], [8, 8], [5, 7], [6, 7], [7, 7], [7, 6]];
    const a = cellsToMultiPolygon(grid, cells);
    const b = cellsToMultiPolygon(grid, [...cells].reverse().concat([[6, 5], [8, 8]]));
    expect(b).toEqual(a);
    expect(multiPolygonArea(a)).toBe(800);
  });
});
