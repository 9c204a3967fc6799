/**
 * A network's unit-value matrix in one school year, in the layout of the base-year matrix:
 * the rows the engine's per-school sums of that year are made of (year-rows.ts: a unit's
 * composition carries over to its projected children, the population column stays; a unit
 * without base-year children takes the network's average composition), plus the housing
 * projects' children in their units (housing-sums.ts). Σ_u weight × row = the year's sums.
 * Used by the optimiser to work in a selected year.
 */
import { housingRow, projectChildren } from '../housing/housing-sums';
import type { ActiveProject } from '../housing/housing-sums';
import type { HousingConfig } from '../housing/housing-config';
import type { NetworkState } from './network-state';

export function yearUnitValues(s: NetworkState, year: number, projects: readonly ActiveProject[], housing: HousingConfig | undefined): Float64Array {
  const { matrix, width: w } = s.editable;
  const layout = s.layout;
  const n = matrix.length / w;
  let out: Float64Array;
  if (year === s.projection.baseYear) out = matrix.slice();
  else {
    out = new Float64Array(matrix.length);
    for (let u = 0; u < n; u++) {
      const at = u * w;
      const c0 = matrix[at + layout.children];
      const ct = s.projection.childrenAt(u, year);
      if (c0 > 0) {
        const f = ct / c0;
        for (let k = 0; k < w; k++) out[at + k] = matrix[at + k] * f;
      } else {
        for (let k = 0; k < w; k++) out[at + k] = s.fallback[k] * ct;
      }
      out[at + layout.population] = matrix[at + layout.population];
    }
  }
  const row = new Float64Array(w);
  for (const p of projects) {
    const h = projectChildren(p.record, housing, s.network.level, year);
    if (!(h > 0)) continue;
    const composition = housing?.composition?.[p.record.tenure];
    for (let i = 0; i < p.where.units.length; i++) {
      const u = p.where.units[i];
      const amount = h * p.where.shares[i];
      housingRow(row, layout, matrix, u, composition, s.fallback);
      for (let k = 0; k < w; k++) out[u * w + k] += amount * row[k];
    }
  }
  return out;
}
