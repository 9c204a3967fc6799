/**
 * Incremental sums update of an edit on a compact block of sums rows (one row of
 * `width` values per changed school). Same arithmetic as applyUnitChange in
 * school-sums.ts — for every changed unit and every school whose weight changed,
 * rows[school] += (new − old weight) · value row of the unit — without closures or
 * allocation: entries come as blocks (move-weights.ts) and the school → row map
 * is a reusable Int32Array.
 *
 * The value rows come from a matrix (the network's unit values) or from a SumsLayer that
 * computes each unit's row on demand (the projected years, projection/year-rows.ts).
 */
import type { EntryBlock } from './move-weights';

/** Further per-school sums kept with the catchments: sums[s] = Σ_u weight(u, s) · row(u). */
export interface SumsLayer {
  readonly width: number;
  /** schoolCount × width; the layer may reallocate it when schools are added (read it each time). */
  readonly sums: Float64Array;
  /** Writes unit `u`'s value row into `out` (length ≥ width). */
  row(u: number, out: Float64Array): void;
  /** Sets the number of school rows (EditableNetwork.addSlot/removeSlot): new rows zero, trailing rows dropped. */
  resize(schoolCount: number): void;
}

/**
 * Updates `rows` (schools.length × width, row i for schools[i]) in place. `rowOf`
 * has one slot per school and must be all −1; it is left so. Throws (a bug) when a
 * unit's weight changes for a school outside `schools`.
 */
export function updateSumsRows(rows: Float64Array, matrix: Float64Array, width: number, units: Int32Array,
  before: EntryBlock, after: EntryBlock, schools: number[], rowOf: Int32Array): void {
  schools.forEach((s, i) => (rowOf[s] = i));
  try {
    for (let i = 0; i < units.length; i++) updateUnit(rows, matrix, units[i] * width, width, i, before, after, rowOf);
  } finally {
    for (const s of schools) rowOf[s] = -1;
  }
}

/** The same update for a layer whose unit rows are computed on demand (`scratch`: length ≥ layer.width). */
export function updateLayerRows(rows: Float64Array, layer: SumsLayer, scratch: Float64Array, units: Int32Array,
  before: EntryBlock, after: EntryBlock, schools: number[], rowOf: Int32Array): void {
  schools.forEach((s, i) => (rowOf[s] = i));
  try {
    for (let i = 0; i < units.length; i++) {
      layer.row(units[i], scratch);
      updateUnit(rows, scratch, 0, layer.width, i, before, after, rowOf);
    }
  } finally {
    for (const s of schools) rowOf[s] = -1;
  }
}

/** Entry i of the blocks: every school whose weight changed gets (new − old weight) · values[at…]. */
function updateUnit(rows: Float64Array, values: Float64Array, at: number, width: number, i: number,
  before: EntryBlock, after: EntryBlock, rowOf: Int32Array): void {
  const b0 = before.start[i];
  const b1 = before.start[i + 1];
  const a0 = after.start[i];
  const a1 = after.start[i + 1];
  for (let k = b0; k < b1; k++) {
    const s = before.schools[k];
    let w = 0;
    for (let j = a0; j < a1; j++) if (after.schools[j] === s) w = after.weights[j];
    add(rows, values, width, at, rowOf, s, w - before.weights[k]);
  }
  for (let j = a0; j < a1; j++) {
    const s = after.schools[j];
    let found = false;
    for (let k = b0; k < b1; k++) if (before.schools[k] === s) found = true;
    if (!found) add(rows, values, width, at, rowOf, s, after.weights[j]);
  }
}

function add(rows: Float64Array, values: Float64Array, width: number, at: number, rowOf: Int32Array, school: number, dw: number): void {
  if (dw === 0) return;
  const r = rowOf[school];
  if (r < 0) throw new Error(`updateSumsRows: no sums row for school ${school}`);
  const base = r * width;
  for (let k = 0; k < width; k++) rows[base + k] += dw * values[at + k];
}
