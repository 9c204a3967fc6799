/**
 * What the housing projects add to one network in one year: per unit children and the
 * per-school sums of their value rows, over the projects' units only (O(project units × width)).
 *
 * A project's children in year Y: dwellings × yield[level][type][tenure][Y − completion]
 * (none before completion; the last value repeats). They are spread over the project's units
 * by share. Their value row: children 1, base of every share and partition 1, "with" of share
 * k the tenure's composition[k] where the config gives it, else the unit's own with/base ratio
 * (the network's average where the unit has none); partition categories the unit's ratios.
 */
import { COVER_TOLERANCE } from '../overlay/network-overlay';
import type { NetworkOverlay } from '../overlay/network-overlay';
import type { GapOverlap } from '../pupil-base/network-indicators';
import type { UnitValueLayout } from '../pupil-base/unit-values';
import type { HousingProjectRecord } from '../scenario/edit';
import type { HousingConfig, YieldLevel } from './housing-config';
import { yieldArray, yieldAt } from './housing-config';
import type { ProjectUnits } from './resolve-project';

export interface ActiveProject {
  record: HousingProjectRecord;
  where: ProjectUnits;
}

/** Children a project adds to a level's age band in `year`. */
export function projectChildren(record: HousingProjectRecord, config: HousingConfig | undefined, level: YieldLevel, year: number): number {
  return record.dwellings * yieldAt(yieldArray(config, level, record.buildingType, record.tenure), year - record.year);
}

/** Ratio of column k to its base column in unit u (network average when the unit has no base). */
function unitRatio(matrix: Float64Array, w: number, u: number, k: number, base: number, fallback: Float64Array): number {
  const b = matrix[u * w + base];
  return b > 0 ? matrix[u * w + k] / b : fallback[base] > 0 ? fallback[k] / fallback[base] : 0;
}

/** The value row per child of a project's children in unit u. */
export function housingRow(out: Float64Array, layout: UnitValueLayout, matrix: Float64Array, u: number, composition: Record<string, number> | undefined,
  fallback: Float64Array): Float64Array {
  const w = layout.width;
  out.fill(0);
  out[layout.children] = 1;
  for (const s of layout.shares) {
    out[s.base] = 1;
    const given = composition?.[s.id];
    out[s.with] = given !== undefined ? given : unitRatio(matrix, w, u, s.with, s.base, fallback);
  }
  for (const g of layout.multigroup) {
    out[g.base] = 1;
    for (const c of g.categories) out[c.column] = unitRatio(matrix, w, u, c.column, g.base, fallback);
  }
  return out;
}

/**
 * Adds the projects' contribution in `year` to `sums` (schoolCount × width), `unitChildren`
 * (per unit, when given) and the children in gaps and overlaps, all in place. Returns the children added.
 */
export function addHousing(projects: Iterable<ActiveProject>, year: number, level: YieldLevel, config: HousingConfig | undefined, overlay: NetworkOverlay,
  matrix: Float64Array, layout: UnitValueLayout, fallback: Float64Array, sums: Float64Array, unitChildren: Float64Array | null, gapOverlap: GapOverlap): number {
  const w = layout.width;
  const row = new Float64Array(w);
  let amount = 0;
  let total = 0;
  let covered = 0;
  const add = (s: number, weight: number): void => {
    covered += weight;
    const base = s * w;
    for (let k = 0; k < w; k++) sums[base + k] += weight * amount * row[k];
  };
  for (const p of projects) {
    const h = projectChildren(p.record, config, level, year);
    if (!(h > 0)) continue;
    const composition = config?.composition?.[p.record.tenure];
    for (let i = 0; i < p.where.units.length; i++) {
      const u = p.where.units[i];
      amount = h * p.where.shares[i];
      housingRow(row, layout, matrix, u, composition, fallback);
      covered = 0;
      overlay.forEach(u, add);
      if (covered < 1 - COVER_TOLERANCE) gapOverlap.gapChildren += (1 - covered) * amount;
      else if (covered > 1 + COVER_TOLERANCE) gapOverlap.overlapChildren += (covered - 1) * amount;
      if (unitChildren) unitChildren[u] += amount;
      total += amount;
    }
  }
  return total;
}
