/**
 * Per-school sums of a projected year: S_t = Wᵀ V_t with V_t[u, k] = V_0[u, k] · c_t[u] / c_0[u]
 * (the unit's composition carries over to its projected children; the population column stays
 * as in the data). A unit with no children in the base year but some in year t takes the
 * network's average composition per child (`fallback`). One pass over the overlay's entries:
 * O(units × width), no per-year storage.
 */
import type { GapOverlap } from '../pupil-base/network-indicators';
import { COVER_TOLERANCE } from '../overlay/network-overlay';
import type { NetworkOverlay } from '../overlay/network-overlay';
import type { UnitValueLayout } from '../pupil-base/unit-values';

/** Network-average value per child of each column (population column 0, children column 1). */
export function averageComposition(matrix: Float64Array, layout: UnitValueLayout): Float64Array {
  const w = layout.width;
  const totals = new Float64Array(w);
  const n = matrix.length / w;
  for (let u = 0; u < n; u++) {
    const c = matrix[u * w + layout.children];
    if (!(c > 0)) continue;
    for (let k = 0; k < w; k++) totals[k] += matrix[u * w + k];
  }
  const children = totals[layout.children];
  const out = new Float64Array(w);
  for (let k = 0; k < w; k++) out[k] = children > 0 ? totals[k] / children : 0;
  out[layout.children] = 1;
  out[layout.population] = 0;
  return out;
}

export interface YearSums {
  sums: Float64Array;
  gapOverlap: GapOverlap;
}

/** S_t over the overlay's entries; `children` = c_t per unit. */
export function yearSums(overlay: NetworkOverlay, matrix: Float64Array, layout: UnitValueLayout, children: Float64Array, fallback: Float64Array): YearSums {
  const w = layout.width;
  const pop = layout.population;
  const sums = new Float64Array(overlay.schoolCount * w);
  const row = new Float64Array(w);
  let gap = 0;
  let overlap = 0;
  let covered = 0;
  const add = (s: number, weight: number): void => {
    covered += weight;
    const base = s * w;
    for (let k = 0; k < w; k++) sums[base + k] += weight * row[k];
  };
  for (let u = 0; u < overlay.unitCount; u++) {
    const at = u * w;
    const c0 = matrix[at + layout.children];
    const ct = children[u];
    if (c0 > 0) {
      const f = ct / c0;
      for (let k = 0; k < w; k++) row[k] = matrix[at + k] * f;
    } else {
      for (let k = 0; k < w; k++) row[k] = fallback[k] * ct;
    }
    row[pop] = matrix[at + pop];
    covered = 0;
    overlay.forEach(u, add);
    if (covered < 1 - COVER_TOLERANCE) gap += (1 - covered) * ct;
    else if (covered > 1 + COVER_TOLERANCE) overlap += (covered - 1) * ct;
  }
  return { sums, gapOverlap: { gapChildren: gap, overlapChildren: overlap } };
}
