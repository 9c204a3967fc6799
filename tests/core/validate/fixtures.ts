/** Small hand-made partitions and a 1 m grid with one person per cell, for the validation tests. */
import type { MultiPolygon, Position } from '../../../src/core/model/geometry-types';
import type { GridUnits } from '../../../src/core/model/units';
import { populationContext, type PopulationContext } from '../../../src/core/validate/geometry-problem';

export const rect = (x0: number, y0: number, x1: number, y1: number): MultiPolygon => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]];
export const ring = (...pts: Position[]): MultiPolygon => [[[...pts, pts[0]]]];

/** A grid of 1 m cells over [0, cols) × [0, rows), one person in every cell: people in a polygon = its area in m². */
export function onePersonPerM2(cols: number, rows: number): PopulationContext {
  const n = cols * rows;
  const col = new Int32Array(n);
  const row = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    col[i] = i % cols;
    row[i] = Math.floor(i / cols);
  }
  const units: GridUnits = {
    kind: 'grid',
    count: n,
    ids: Array.from({ length: n }, (_, i) => String(i)),
    attributes: { names: ['pop'], columns: { pop: new Float64Array(n).fill(1) } },
    grid: { originX: 0, originY: 0, cellSize: 1, cols, rows },
    col,
    row,
  };
  return populationContext(units, units.attributes.columns.pop);
}
