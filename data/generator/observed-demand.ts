/**
 * Children per 250 m cell as a planner sees them in the published grid, the way the core
 * engine's statfi-grid preset estimates them (src/core/pupil-base/impute.ts): the published
 * count where the cell has 10 or more inhabitants; for a suppressed cell (−1) its inhabitants ×
 * (Σ children / Σ inhabitants) over the published cells whose centres lie within 1 km, or over
 * the whole city when none does. Schools are sized on these figures, so the utilisation the
 * tool shows is the one the generator planned. Cells are EPSG:3067, lower-left corners.
 */
import { CELL, type Cell } from './population';

/** Radius of the surrounding area, metres (statfi-grid preset: suppression.imputeRadiusMetres). */
export const IMPUTE_RADIUS = 1000;

/**
 * @param published the published count of a cell (−1 when suppressed), e.g. he_7_12
 * @returns children per cell, parallel to `cells`
 */
export function observedDemand(cells: Cell[], published: (c: Cell, i: number) => number): Float64Array {
  const n = cells.length;
  const value = new Float64Array(n);
  const known = new Uint8Array(n);
  const index = new Map<number, number>();
  const key = (col: number, row: number) => row * 1e6 + col;
  let totalC = 0;
  let totalP = 0;
  cells.forEach((c, i) => {
    index.set(key(c.x0 / CELL, c.y0 / CELL), i);
    const v = published(c, i);
    if (v >= 0) {
      value[i] = v;
      known[i] = 1;
      totalC += v;
      totalP += c.pop;
    }
  });
  const k = Math.floor(IMPUTE_RADIUS / CELL);
  cells.forEach((c, i) => {
    if (known[i]) return;
    const col = c.x0 / CELL;
    const row = c.y0 / CELL;
    let sumC = 0;
    let sumP = 0;
    for (let dy = -k; dy <= k; dy++) {
      const half = Math.floor(Math.sqrt(k * k - dy * dy) + 1e-9);
      for (let dx = -half; dx <= half; dx++) {
        const j = index.get(key(col + dx, row + dy));
        if (j === undefined || !known[j]) continue;
        sumC += value[j];
        sumP += cells[j].pop;
      }
    }
    value[i] = c.pop * (sumP > 0 ? sumC / sumP : totalP > 0 ? totalC / totalP : 0);
  });
  return value;
}
