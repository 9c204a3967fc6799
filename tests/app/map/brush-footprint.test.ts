import { describe, expect, it } from 'vitest';
import { BrushStroke, brushFootprint, clampBrushSize } from '../../../src/app/map/brush-footprint';

describe('brushFootprint', () => {
  it('size 3 is the 3×3 square centred on the cell, row-major from the south-west', () => {
    expect(brushFootprint(10, 20, 3, 100, 100)).toEqual([
      [9, 19], [10, 19], [11, 19],
      [9, 20], [10, 20], [11, 20],
      [9, 21], [10, 21], [11, 21],
    ]);
  });
  it('size 1 is the cell itself; size 2 extends east and north', () => {
    expect(brushFootprint(4, 4, 1, 10, 10)).toEqual([[4, 4]]);
    expect(brushFootprint(4, 4, 2, 10, 10)).toEqual([[4, 4], [5, 4], [4, 5], [5, 5]]);
  });
  it('drops cells outside the grid', () => {
    // At the south-west corner only (0,0),(1,0),(0,1),(1,1) of the 3×3 remain.
    expect(brushFootprint(0, 0, 3, 10, 10)).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);
  });
  it('clamps the size to 1–15 (size 15 → 225 cells)', () => {
    expect(clampBrushSize(0)).toBe(1);
    expect(clampBrushSize(99)).toBe(15);
    expect(brushFootprint(50, 50, 40, 100, 100).length).toBe(225);
  });
});

describe('BrushStroke', () => {
  it('collects cells once each and reports only new ones', () => {
    const s = new BrushStroke();
    expect(s.add([[1, 1], [2, 1]])).toEqual([[1, 1], [2, 1]]);
    expect(s.add([[2, 1], [3, 1]])).toEqual([[3, 1]]);
    expect(s.cells).toEqual([[1, 1], [2, 1], [3, 1]]);
  });
});
