/**
 * (col, row) → unit index for grid units, which store only populated cells.
 * Dense Int32Array when the grid has ≤ 16M cells (the national 250 m grid of a
 * region fits), else a Map keyed by row·cols + col.
 */
import type { GridUnits } from '../model/units';

export const DENSE_LOOKUP_LIMIT = 16_000_000;

export interface UnitLookup {
  /** Unit index of cell (col, row), or −1 when the cell holds no unit or lies outside the grid. */
  get(col: number, row: number): number;
}

export function buildUnitLookup(units: GridUnits): UnitLookup {
  const { cols, rows } = units.grid;
  if (cols * rows <= DENSE_LOOKUP_LIMIT) {
    const dense = new Int32Array(cols * rows).fill(-1);
    for (let u = 0; u < units.count; u++) {
      const c = units.col[u];
      const r = units.row[u];
      if (c >= 0 && c < cols && r >= 0 && r < rows) dense[r * cols + c] = u;
    }
    return {
      get: (col, row) => (col >= 0 && col < cols && row >= 0 && row < rows ? dense[row * cols + col] : -1),
    };
  }
  const map = new Map<number, number>();
  for (let u = 0; u < units.count; u++) map.set(units.row[u] * cols + units.col[u], u);
  return {
    get: (col, row) => (col >= 0 && col < cols && row >= 0 && row < rows ? (map.get(row * cols + col) ?? -1) : -1),
  };
}
