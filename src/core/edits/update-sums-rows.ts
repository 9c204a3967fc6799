/**
 * Incremental sums update of an edit on a compact block of sums rows (one row of
 * `width` values per changed school). Same arithmetic as applyUnitChange in
 * school-sums.ts — for every changed unit and every school whose weight changed,
 * rows[school] += (new − old weight) · matrix[unit] — without closures or
 * allocation: entries come as blocks (move-weights.ts) and the school → row map
 * is a reusable Int32Array.
 */
import type { EntryBlock } from './move-weights';

/**
 * Updates `rows` (schools.length × width, row i for schools[i]) in place. `rowOf`
 * has one slot per school and must be all −1; it is left so. Throws (a bug) when a
 * unit's weight changes for a school outside `schools`.
 */
export function updateSumsRows(rows: Float64Array, matrix: Float64Array, width: number, units: Int32Array,
  before: EntryBlock, after: EntryBlock, schools: number[], rowOf: Int32Array): void {
  schools.forEach((s, i) => (rowOf[s] = i));
  try {
    for (let i = 0; i < units.length; i++) {
      const row = units[i] * width;
      const b0 = before.start[i];
      const b1 = before.start[i + 1];
      const a0 = after.start[i];
      const a1 = after.start[i + 1];
      for (let k = b0; k < b1; k++) {
        const s = before.schools[k];
        let w = 0;
        for (let j = a0; j < a1; j++) if (after.schools[j] === s) w = after.weights[j];
        add(rows, matrix, width, row, rowOf, s, w - before.weights[k]);
      }
      for (let j = a0; j < a1; j++) {
        const s = after.schools[j];
        let found = false;
        for (let k = b0; k < b1; k++) if (before.schools[k] === s) found = true;
        if (!found) add(rows, matrix, width, row, rowOf, s, after.weights[j]);
      }
    }
  } finally {
    for (const s of schools) rowOf[s] = -1;
  }
}

function add(rows: Float64Array, matrix: Float64Array, width: number, row: number, rowOf: Int32Array, school: number, dw: number): void {
  if (dw === 0) return;
  const r = rowOf[school];
  if (r < 0) throw new Error(`updateSumsRows: no sums row for school ${school}`);
  const base = r * width;
  for (let k = 0; k < width; k++) rows[base + k] += dw * matrix[row + k];
}
