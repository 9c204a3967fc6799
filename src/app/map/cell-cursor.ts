/**
 * The keyboard cell cursor: with the map focused and the brush or cell tool active, the arrow
 * keys move a highlighted cell (Shift: 5 cells at a time) and Enter or Space assigns the cells
 * under it — the brush footprint — to the selected school. Pure: grid cells as [col, row]
 * (rows grow northwards, EPSG:3067), no DOM.
 */
import type { GridSpec } from '../../core/model/grid-spec';
import { cellOf } from '../../core/model/grid-spec';
import { brushFootprint } from './brush-footprint';

export type Cell = [number, number];

/** Cells moved per arrow press, without and with Shift. */
export const CURSOR_STEP = 1;
export const CURSOR_FAST_STEP = 5;

/** The cell containing a point (EPSG:3067 metres), clamped into the grid. */
export function cursorAt(grid: GridSpec, x: number, y: number): Cell {
  const [c, r] = cellOf(grid, x, y);
  return [clamp(c, grid.cols), clamp(r, grid.rows)];
}

function clamp(v: number, n: number): number {
  return Math.min(n - 1, Math.max(0, v));
}

/**
 * The cursor after an arrow key: ArrowUp is north (row + step), ArrowDown south, ArrowLeft
 * west (col − step), ArrowRight east; clamped to the grid. Other keys: null (not a move).
 */
export function moveCursor(cursor: Cell, key: string, grid: GridSpec, fast = false): Cell | null {
  const step = fast ? CURSOR_FAST_STEP : CURSOR_STEP;
  const [c, r] = cursor;
  switch (key) {
    case 'ArrowUp':
      return [c, clamp(r + step, grid.rows)];
    case 'ArrowDown':
      return [c, clamp(r - step, grid.rows)];
    case 'ArrowLeft':
      return [clamp(c - step, grid.cols), r];
    case 'ArrowRight':
      return [clamp(c + step, grid.cols), r];
    default:
      return null;
  }
}

/** Cells an Enter/Space press assigns: the brush footprint for the brush tool, else the one cell. */
export function cursorFootprint(cursor: Cell, tool: 'brush' | 'cell', brushSize: number, grid: GridSpec): Cell[] {
  return brushFootprint(cursor[0], cursor[1], tool === 'brush' ? brushSize : 1, grid.cols, grid.rows);
}

/**
 * Outline of a block of cells as one EPSG:3067 rectangle [minX, minY, maxX, maxY] (metres), or
 * null for no cells. The footprint is always a rectangle, so its bbox is its outline.
 */
export function footprintBounds(cells: readonly Cell[], grid: GridSpec): [number, number, number, number] | null {
  if (cells.length === 0) return null;
  let c0 = Infinity;
  let r0 = Infinity;
  let c1 = -Infinity;
  let r1 = -Infinity;
  for (const [c, r] of cells) {
    c0 = Math.min(c0, c);
    r0 = Math.min(r0, r);
    c1 = Math.max(c1, c);
    r1 = Math.max(r1, r);
  }
  const s = grid.cellSize;
  return [grid.originX + c0 * s, grid.originY + r0 * s, grid.originX + (c1 + 1) * s, grid.originY + (r1 + 1) * s];
}
