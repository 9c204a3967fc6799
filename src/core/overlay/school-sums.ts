/**
 * Per-school sums of a unit-value matrix. The indicator layer supplies a
 * row-major Float64Array `matrix` of unitCount × width (children, children with a
 * property, …), every column linear in the weights. The sums are
 * sums[s·width + k] = Σ_u weight(u, s) · matrix[u·width + k].
 * NaN entries of the matrix propagate: the indicator layer replaces them first.
 */
import type { NetworkOverlay } from './network-overlay';

/** Full recompute: Float64Array(schoolCount × width). O(units × width). */
export function aggregateSums(overlay: NetworkOverlay, matrix: Float64Array, width: number): Float64Array {
  const sums = new Float64Array(overlay.schoolCount * width);
  for (let u = 0; u < overlay.unitCount; u++) {
    const row = u * width;
    overlay.forEach(u, (s, w) => {
      const base = s * width;
      for (let k = 0; k < width; k++) sums[base + k] += w * matrix[row + k];
    });
  }
  return sums;
}

/** Entries of one unit: parallel arrays of schools and weights. */
export interface UnitEntries {
  schools: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/**
 * Incremental update for one changed unit: adds (new − old) weight × the unit's row
 * to the sums of every school whose weight changed. `sums` is modified in place.
 * `rowOf` maps a school to its row in `sums` (default: the school index itself), so a
 * compact block holding only some schools' rows can be updated.
 */
export function applyUnitChange(sums: Float64Array, matrix: Float64Array, width: number, unit: number,
  before: UnitEntries, after: UnitEntries, rowOf: (school: number) => number | undefined = (s) => s): void {
  const row = unit * width;
  const add = (school: number, dw: number) => {
    if (dw === 0) return;
    const r = rowOf(school);
    if (r === undefined) throw new Error(`applyUnitChange: no sums row for school ${school}`);
    const base = r * width;
    for (let k = 0; k < width; k++) sums[base + k] += dw * matrix[row + k];
  };
  for (let i = 0; i < before.schools.length; i++) {
    const s = before.schools[i];
    add(s, weightOf(after, s) - before.weights[i]);
  }
  for (let i = 0; i < after.schools.length; i++) {
    const s = after.schools[i];
    if (!contains(before, s)) add(s, after.weights[i]);
  }
}

function weightOf(e: UnitEntries, school: number): number {
  for (let i = 0; i < e.schools.length; i++) if (e.schools[i] === school) return e.weights[i];
  return 0;
}

function contains(e: UnitEntries, school: number): boolean {
  for (let i = 0; i < e.schools.length; i++) if (e.schools[i] === school) return true;
  return false;
}

/** Network totals per column: Σ_s sums[s, k]. */
export function columnTotals(sums: Float64Array, width: number): Float64Array {
  const t = new Float64Array(width);
  for (let i = 0; i < sums.length; i++) t[i % width] += sums[i];
  return t;
}
