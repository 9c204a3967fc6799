import type { BBox } from './geometry-types';

/**
 * A regular square grid in projected metres. Cell (col, row) covers
 * [originX + col*cellSize, originX + (col+1)*cellSize) × [originY + row*cellSize, originY + (row+1)*cellSize).
 * Rows grow northwards. Statistics Finland's and HSY's 250 m grids are aligned to multiples of 250 m in EPSG:3067.
 */
export interface GridSpec {
  originX: number;
  originY: number;
  /** Cell side in metres (250 for the national grid). */
  cellSize: number;
  cols: number;
  rows: number;
}

export function cellBBox(grid: GridSpec, col: number, row: number): BBox {
  const x0 = grid.originX + col * grid.cellSize;
  const y0 = grid.originY + row * grid.cellSize;
  return [x0, y0, x0 + grid.cellSize, y0 + grid.cellSize];
}

/** Column and row of the cell containing (x, y); may be outside [0, cols) × [0, rows). */
export function cellOf(grid: GridSpec, x: number, y: number): [number, number] {
  return [Math.floor((x - grid.originX) / grid.cellSize), Math.floor((y - grid.originY) / grid.cellSize)];
}

/** Smallest grid aligned to `cellSize` multiples that covers `bbox`. */
export function gridCovering(bbox: BBox, cellSize: number): GridSpec {
  const originX = Math.floor(bbox[0] / cellSize) * cellSize;
  const originY = Math.floor(bbox[1] / cellSize) * cellSize;
  return {
    originX,
    originY,
    cellSize,
    cols: Math.max(1, Math.ceil((bbox[2] - originX) / cellSize)),
    rows: Math.max(1, Math.ceil((bbox[3] - originY) / cellSize)),
  };
}
