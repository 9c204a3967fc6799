/**
 * Unit weight changes of an assign edit. Each transferred area is turned into
 * unit coverage (raster kernel for grids), and that weight moves from the losing
 * school to the target, unit by unit: the target gains exactly what the loser
 * loses, so Σ_s weight(u, s) — and hence the network's totals — is conserved.
 * A loser's weight that would fall below 1e-12 (rounding) is moved whole.
 *
 * Entries are kept in flat typed arrays (CSR layout) and units are found through a
 * dense unit → slot array reused between edits, so an edit allocates a handful of
 * arrays whatever the number of units it touches.
 */
import type { NetworkOverlay } from '../overlay/network-overlay';
import { COVERAGE_EPSILON } from '../overlay/coverage-raster';
import type { UnitCoverage } from '../overlay/unit-coverage';
import type { Transfer } from './plan-assign';

/** Entries of several units: unit i holds schools/weights[start[i] .. start[i+1]) (no zero weights). */
export interface EntryBlock {
  start: Int32Array;
  schools: Int32Array;
  weights: Float64Array;
}

export interface WeightMove {
  /** Changed units, ascending. */
  units: Int32Array;
  /** Entries before and after, parallel to `units`. */
  before: EntryBlock;
  after: EntryBlock;
}

/** Computes weight moves on one overlay; holds scratch buffers sized to it. Not re-entrant. */
export class WeightMover {
  /** Slot of each unit during a computation, −1 otherwise (always all −1 between calls). */
  private readonly slotOf: Int32Array;
  private seen = new Int32Array(1024);

  constructor(unitCount: number) {
    this.slotOf = new Int32Array(unitCount).fill(-1);
  }

  /** Computes (does not apply) the unit entries after moving each transfer's coverage to `target`. */
  compute(overlay: NetworkOverlay, target: number, transfers: Transfer[]): WeightMove {
    const covs = transfers.map((t) => overlay.coverage(t.area));
    const units = this.collectUnits(covs);
    const n = units.length;
    const slotOf = this.slotOf;
    // Before entries, and a work copy with room for the target in every unit.
    const beforeStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      slotOf[units[i]] = i;
      beforeStart[i + 1] = beforeStart[i] + overlay.schoolsOf(units[i]);
    }
    const before: EntryBlock = { start: beforeStart, schools: new Int32Array(beforeStart[n]), weights: new Float64Array(beforeStart[n]) };
    const workSchools = new Int32Array(beforeStart[n] + n);
    const workWeights = new Float64Array(beforeStart[n] + n);
    const workCount = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const b = beforeStart[i];
      const c = overlay.copyEntries(units[i], before.schools, before.weights, b);
      for (let k = b; k < b + c; k++) {
        workSchools[k + i] = before.schools[k];
        workWeights[k + i] = before.weights[k];
      }
      workCount[i] = c;
    }
    for (let k = 0; k < transfers.length; k++) {
      const cov = covs[k];
      const from = transfers[k].from;
      for (let j = 0; j < cov.count; j++) {
        const i = slotOf[cov.units[j]];
        const base = beforeStart[i] + i;
        workCount[i] = move(workSchools, workWeights, base, workCount[i], from, target, cov.fractions[j]);
      }
    }
    for (let i = 0; i < n; i++) slotOf[units[i]] = -1;
    return { units, before, after: compact(workSchools, workWeights, beforeStart, workCount) };
  }

  /** Distinct units of the coverages, ascending (slotOf is left all −1). */
  private collectUnits(covs: UnitCoverage[]): Int32Array {
    const slotOf = this.slotOf;
    let n = 0;
    for (const cov of covs) {
      for (let j = 0; j < cov.count; j++) {
        const u = cov.units[j];
        if (slotOf[u] >= 0) continue;
        slotOf[u] = 0;
        if (n === this.seen.length) {
          const grown = new Int32Array(n * 2);
          grown.set(this.seen);
          this.seen = grown;
        }
        this.seen[n++] = u;
      }
    }
    const units = this.seen.slice(0, n).sort();
    for (let i = 0; i < n; i++) slotOf[units[i]] = -1;
    return units;
  }
}

/**
 * Moves `fraction` of the unit from school `from` to `to` in the entries
 * schools/weights[base .. base+count); returns the new count. A loser's weight left
 * at zero stays in place until `compact` (a later move from it then moves nothing).
 */
function move(schools: Int32Array, weights: Float64Array, base: number, count: number, from: number, to: number, fraction: number): number {
  let i = -1;
  for (let k = base; k < base + count; k++) if (schools[k] === from) i = k;
  if (i < 0) return count; // the loser holds nothing here (rounding at its border): nothing to move
  const w = weights[i];
  let lost = fraction;
  let left = w - fraction;
  if (left <= COVERAGE_EPSILON) {
    lost = w;
    left = 0;
  }
  weights[i] = left;
  for (let k = base; k < base + count; k++) {
    if (schools[k] === to) {
      weights[k] += lost;
      return count;
    }
  }
  schools[base + count] = to;
  weights[base + count] = lost;
  return count + 1;
}

/** The work entries without zero weights, as a block. */
function compact(schools: Int32Array, weights: Float64Array, beforeStart: Int32Array, count: Int32Array): EntryBlock {
  const n = count.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const base = beforeStart[i] + i;
    let c = 0;
    for (let k = base; k < base + count[i]; k++) if (weights[k] !== 0) c++;
    start[i + 1] = start[i] + c;
  }
  const out: EntryBlock = { start, schools: new Int32Array(start[n]), weights: new Float64Array(start[n]) };
  for (let i = 0; i < n; i++) {
    const base = beforeStart[i] + i;
    let o = start[i];
    for (let k = base; k < base + count[i]; k++) {
      if (weights[k] === 0) continue;
      out.schools[o] = schools[k];
      out.weights[o++] = weights[k];
    }
  }
  return out;
}
