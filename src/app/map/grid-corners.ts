import type { GridSpec } from '../../core/model/grid-spec';
import { toLonLat } from './display-projection';

/**
 * The grid cells' rings (as gridOutlines lays them out) in lon/lat, each lattice corner projected
 * once and shared by the up to four cells meeting there: a fifth of the projections of doing
 * every ring's five points (seconds at 250 000 cells on a slow machine).
 */
export function gridCornersLonLat(grid: GridSpec, col: Int32Array, row: Int32Array): Float64Array {
  const n = col.length;
  const out = new Float64Array(n * 10);
  if (n === 0) return out;
  let c0 = Infinity;
  let r0 = Infinity;
  let c1 = -Infinity;
  for (let i = 0; i < n; i++) {
    c0 = Math.min(c0, col[i]);
    r0 = Math.min(r0, row[i]);
    c1 = Math.max(c1, col[i]);
  }
  const width = c1 - c0 + 2;
  const corners = new Map<number, [number, number]>();
  const corner = (c: number, r: number): [number, number] => {
    const k = (r - r0) * width + (c - c0);
    let p = corners.get(k);
    if (!p) corners.set(k, (p = toLonLat(grid.originX + c * grid.cellSize, grid.originY + r * grid.cellSize)));
    return p;
  };
  for (let i = 0; i < n; i++) {
    const c = col[i];
    const r = row[i];
    const ring = [corner(c, r), corner(c + 1, r), corner(c + 1, r + 1), corner(c, r + 1), corner(c, r)];
    for (let k = 0; k < 5; k++) {
      out[i * 10 + 2 * k] = ring[k][0];
      out[i * 10 + 2 * k + 1] = ring[k][1];
    }
  }
  return out;
}

