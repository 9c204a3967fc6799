/**
 * A serpentine brush stroke over a block of grid cells, in EPSG:3067 metres, for the browser
 * benchmark. The cell count is found the way src/app/map/tool-controller.ts paints: the
 * footprint of the brush at points every half cell along the path.
 */
import { brushFootprint } from '../../../src/app/map/brush-footprint';
import { cellOf, type GridSpec } from '../../../src/core/model/grid-spec';

export interface BrushPlan {
  /** Pointer positions, EPSG:3067 metres (cell centres at the turns). */
  points: [number, number][];
  /** Distinct cells the stroke paints. */
  cells: number;
  /** Block size in cells along x (passes) and the number of passes. */
  passLength: number;
  passes: number;
}

/**
 * Passes run west→east, east→west, … one brush width apart, starting at the cell `start`
 * (south-west of the block) and moving north, sized so about `target` cells get painted.
 */
export function planBrushStroke(grid: GridSpec, start: [number, number], brushSize: number, target: number): BrushPlan {
  const n = Math.max(1, Math.round(brushSize));
  const side = Math.sqrt(target);
  const passes = Math.max(1, Math.round(side / n));
  const passLength = Math.max(1, Math.round(target / (passes * n)) - (n - 1));
  const centre = (c: number, r: number): [number, number] => [
    grid.originX + (c + 0.5) * grid.cellSize,
    grid.originY + (r + 0.5) * grid.cellSize,
  ];
  const points: [number, number][] = [];
  for (let p = 0; p < passes; p++) {
    const row = start[1] + p * n;
    const west = centre(start[0], row);
    const east = centre(start[0] + passLength - 1, row);
    points.push(...(p % 2 === 0 ? [west, east] : [east, west]));
  }
  return { points, cells: countPainted(grid, points, n), passLength, passes };
}

/** Distinct cells painted by a brush of `size` cells moved along `points` (footprint every ≤ half cell). */
export function countPainted(grid: GridSpec, points: readonly [number, number][], size: number): number {
  const seen = new Set<string>();
  const stamp = (x: number, y: number) => {
    const [c, r] = cellOf(grid, x, y);
    for (const [fc, fr] of brushFootprint(c, r, size, grid.cols, grid.rows)) seen.add(`${fc},${fr}`);
  };
  if (points.length) stamp(points[0][0], points[0][1]);
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / (grid.cellSize / 2)));
    for (let s = 1; s <= steps; s++) stamp(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps);
  }
  return seen.size;
}
