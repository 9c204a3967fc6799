/**
 * Unit weight changes of an assign edit. Each transferred area is turned into
 * unit coverage (raster kernel for grids), and that weight moves from the losing
 * school to the target, unit by unit: the target gains exactly what the loser
 * loses, so Σ_s weight(u, s) — and hence the network's totals — is conserved.
 * A loser's weight that would fall below 1e-12 (rounding) is moved whole.
 */
import type { NetworkOverlay } from '../overlay/network-overlay';
import { COVERAGE_EPSILON } from '../overlay/coverage-raster';
import type { Transfer } from './plan-assign';

/** Entries of one unit: parallel school indices and weights (no zero weights). */
export interface UnitEntryList {
  schools: number[];
  weights: number[];
}

export interface WeightMove {
  /** Changed units, ascending. */
  units: Int32Array;
  /** Entries before and after, parallel to `units`. */
  before: UnitEntryList[];
  after: UnitEntryList[];
}

/** Computes (does not apply) the unit entries after moving each transfer's coverage to `target`. */
export function moveWeights(overlay: NetworkOverlay, target: number, transfers: Transfer[]): WeightMove {
  const work = new Map<number, { before: UnitEntryList; after: UnitEntryList }>();
  for (const t of transfers) {
    const cov = overlay.coverage(t.area);
    for (let i = 0; i < cov.count; i++) {
      const u = cov.units[i];
      let e = work.get(u);
      if (!e) {
        const before = overlay.entries(u);
        e = { before, after: { schools: before.schools.slice(), weights: before.weights.slice() } };
        work.set(u, e);
      }
      move(e.after, t.from, target, cov.fractions[i]);
    }
  }
  const units = Int32Array.from(work.keys()).sort();
  const before: UnitEntryList[] = [];
  const after: UnitEntryList[] = [];
  for (const u of units) {
    const e = work.get(u)!;
    before.push(e.before);
    after.push(dropZeros(e.after));
  }
  return { units, before, after };
}

function move(e: UnitEntryList, from: number, to: number, fraction: number): void {
  const i = e.schools.indexOf(from);
  if (i < 0) return; // the loser holds nothing here (rounding at its border): nothing to move
  const w = e.weights[i];
  let lost = fraction;
  let left = w - fraction;
  if (left <= COVERAGE_EPSILON) {
    lost = w;
    left = 0;
  }
  e.weights[i] = left;
  const j = e.schools.indexOf(to);
  if (j >= 0) e.weights[j] += lost;
  else {
    e.schools.push(to);
    e.weights.push(lost);
  }
}

function dropZeros(e: UnitEntryList): UnitEntryList {
  if (e.weights.every((w) => w !== 0)) return e;
  const out: UnitEntryList = { schools: [], weights: [] };
  e.weights.forEach((w, i) => {
    if (w !== 0) {
      out.schools.push(e.schools[i]);
      out.weights.push(w);
    }
  });
  return out;
}
