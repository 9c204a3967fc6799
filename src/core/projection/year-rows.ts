/**
 * Per-school sums of every projected year (base + 1 … base + horizon), kept current under
 * boundary edits: S_t = Wᵀ V_t with V_t[u, k] = V_0[u, k] · c_t[u] / c_0[u] (the unit's
 * composition carries over to its projected children; the population column stays as in the
 * data; a unit with no children in the base year takes the network's average composition).
 *
 * Built once (one pass over the overlay per year); each year is then a SumsLayer of the
 * network's EditableNetwork, which updates it from the changed units on every edit
 * ((new − old weight) · V_t[u], O(changed units × years)) and copies the changed schools' rows
 * back on undo and redo, so undo is exact bit for bit, as for the base year's sums. A year
 * switch costs a copy of one year's rows.
 */
import type { GapOverlap } from '../pupil-base/network-indicators';
import type { NetworkOverlay } from '../overlay/network-overlay';
import type { UnitValueLayout } from '../pupil-base/unit-values';
import type { UnitProjection } from './unit-projection';
import type { SumsLayer } from '../edits/update-sums-rows';

/** Network-average value per child of each column (population column 0, children column 1). */
export function averageComposition(matrix: Float64Array, layout: UnitValueLayout): Float64Array {
  const w = layout.width;
  const totals = new Float64Array(w);
  const n = matrix.length / w;
  for (let u = 0; u < n; u++) {
    if (!(matrix[u * w + layout.children] > 0)) continue;
    for (let k = 0; k < w; k++) totals[k] += matrix[u * w + k];
  }
  const children = totals[layout.children];
  const out = new Float64Array(w);
  for (let k = 0; k < w; k++) out[k] = children > 0 ? totals[k] / children : 0;
  out[layout.children] = 1;
  out[layout.population] = 0;
  return out;
}

export class YearRows {
  /** rows[t − 1] = schoolCount × width sums of year base + t. */
  readonly rows: Float64Array[];
  private readonly projection: UnitProjection;
  private readonly matrix: Float64Array;
  private readonly layout: UnitValueLayout;
  private readonly fallback: Float64Array;
  private readonly row: Float64Array;

  private constructor(rows: Float64Array[], projection: UnitProjection, matrix: Float64Array, layout: UnitValueLayout, fallback: Float64Array) {
    this.rows = rows;
    this.projection = projection;
    this.matrix = matrix;
    this.layout = layout;
    this.fallback = fallback;
    this.row = new Float64Array(layout.width);
  }

  static build(overlay: NetworkOverlay, projection: UnitProjection, matrix: Float64Array, layout: UnitValueLayout, fallback: Float64Array): YearRows {
    const rows = Array.from({ length: projection.setup.horizon }, () => new Float64Array(overlay.schoolCount * layout.width));
    const out = new YearRows(rows, projection, matrix, layout, fallback);
    out.accumulate(overlay);
    return out;
  }

  /** A copy (the baseline keeps one). */
  clone(): YearRows {
    return new YearRows(this.rows.map((r) => r.slice()), this.projection, this.matrix, this.layout, this.fallback);
  }

  /** Sets the number of school rows of year `t` (1 = the year after the base year). */
  private resizeYear(t: number, schoolCount: number): void {
    const size = schoolCount * this.layout.width;
    const r = this.rows[t - 1];
    if (r.length === size) return;
    const next = new Float64Array(size);
    next.set(r.subarray(0, Math.min(size, r.length)));
    this.rows[t - 1] = next;
  }

  /** One SumsLayer per projected year, for EditableNetwork's `layers` (they write into `rows`). */
  layers(): SumsLayer[] {
    const base = this.projection.baseYear;
    return this.rows.map((_, i) => {
      const t = i + 1;
      const rows = this.rows;
      return {
        width: this.layout.width,
        get sums() {
          return rows[t - 1];
        },
        row: (u: number, out: Float64Array) => this.fill(u, this.projection.childrenAt(u, base + t), out),
        resize: (schoolCount: number) => this.resizeYear(t, schoolCount),
      };
    });
  }

  /** Sums of `year` (> base year; never modify). */
  sums(year: number): Float64Array {
    return this.rows[year - this.projection.baseYear - 1];
  }

  /** Adds every unit's V_t rows to its schools' sums of every year, unit-major (each unit's entries read once). */
  private accumulate(overlay: NetworkOverlay): void {
    const w = this.layout.width;
    const years = this.rows.length;
    const base = this.projection.baseYear;
    const schools: number[] = [];
    const weights: number[] = [];
    const collect = (s: number, weight: number): void => {
      schools.push(s);
      weights.push(weight);
    };
    for (let u = 0; u < overlay.unitCount; u++) {
      schools.length = 0;
      weights.length = 0;
      overlay.forEach(u, collect);
      if (schools.length === 0) continue;
      for (let t = 1; t <= years; t++) {
        this.fill(u, this.projection.childrenAt(u, base + t), this.row);
        const sums = this.rows[t - 1];
        for (let j = 0; j < schools.length; j++) {
          const at = schools[j] * w;
          const weight = weights[j];
          for (let k = 0; k < w; k++) sums[at + k] += weight * this.row[k];
        }
      }
    }
  }

  /** V_t[u] for the unit's children `ct` in year t, into `out`. */
  private fill(u: number, ct: number, out: Float64Array): void {
    const w = this.layout.width;
    const at = u * w;
    const c0 = this.matrix[at + this.layout.children];
    if (c0 > 0) {
      const f = ct / c0;
      for (let k = 0; k < w; k++) out[k] = this.matrix[at + k] * f;
    } else {
      for (let k = 0; k < w; k++) out[k] = this.fallback[k] * ct;
    }
    out[this.layout.population] = this.matrix[at + this.layout.population];
  }
}

/** Children in gaps and overlaps in `year`, over the units listed (ascending). */
export function gapOverlapIn(overlay: NetworkOverlay, units: Int32Array, children: (u: number) => number): GapOverlap {
  let gap = 0;
  let overlap = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    const c = overlay.covered(u);
    if (c < 1) gap += (1 - c) * children(u);
    else overlap += (c - 1) * children(u);
  }
  return { gapChildren: gap, overlapChildren: overlap };
}
