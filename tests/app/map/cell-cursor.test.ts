import { describe, expect, it } from 'vitest';
import { cursorAt, cursorFootprint, footprintBounds, moveCursor } from '../../../src/app/map/cell-cursor';
import type { GridSpec } from '../../../src/core/model/grid-spec';

const grid: GridSpec = { originX: 1000, originY: 2000, cellSize: 250, cols: 10, rows: 8 };

describe('cursorAt', () => {
  it('is the cell containing the point, clamped into the grid', () => {
    // x 1600 → col floor(600 / 250) = 2; y 2260 → row floor(260 / 250) = 1.
    expect(cursorAt(grid, 1600, 2260)).toEqual([2, 1]);
    // Far outside: clamped to col 9 (cols − 1) and row 0.
    expect(cursorAt(grid, 99_999, 0)).toEqual([9, 0]);
  });
});

describe('moveCursor', () => {
  it('moves north with ArrowUp (rows grow northwards), east with ArrowRight', () => {
    expect(moveCursor([2, 1], 'ArrowUp', grid)).toEqual([2, 2]);
    expect(moveCursor([2, 1], 'ArrowDown', grid)).toEqual([2, 0]);
    expect(moveCursor([2, 1], 'ArrowLeft', grid)).toEqual([1, 1]);
    expect(moveCursor([2, 1], 'ArrowRight', grid)).toEqual([3, 1]);
  });
  it('moves 5 cells with Shift and stops at the grid edge', () => {
    // 2 + 5 = 7 east; 1 + 5 = 6 north; 7 north of row 6 is clamped to row 7 (rows − 1).
    expect(moveCursor([2, 1], 'ArrowRight', grid, true)).toEqual([7, 1]);
    expect(moveCursor([2, 6], 'ArrowUp', grid, true)).toEqual([2, 7]);
    expect(moveCursor([0, 0], 'ArrowLeft', grid)).toEqual([0, 0]);
  });
  it('ignores other keys', () => {
    expect(moveCursor([2, 1], 'Enter', grid)).toBeNull();
  });
});

describe('cursorFootprint', () => {
  it('is one cell for the cell tool and the brush square for the brush', () => {
    expect(cursorFootprint([2, 1], 'cell', 5, grid)).toEqual([[2, 1]]);
    // Brush 3 at (0, 0): offsets −1…1, cells with a negative index dropped → 2 × 2 = 4 cells.
    expect(cursorFootprint([0, 0], 'brush', 3, grid)).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);
  });
});

describe('footprintBounds', () => {
  it('is the metre rectangle of the block', () => {
    // Cols 0–1, rows 0–1: x 1000…1500, y 2000…2500.
    expect(footprintBounds([[0, 0], [1, 0], [0, 1], [1, 1]], grid)).toEqual([1000, 2000, 1500, 2500]);
    expect(footprintBounds([], grid)).toBeNull();
  });
});
