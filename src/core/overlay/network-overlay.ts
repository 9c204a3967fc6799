/**
 * The overlay of one network's catchments on the statistical units: for every
 * unit, the fraction of its area inside each school's catchment (school index =
 * index in Network.schoolIds / Partition.catchments).
 *
 * Representation, tuned for the common case: most units lie inside one catchment,
 * so `primarySchool`/`primaryWeight` (typed arrays) hold that single school; units
 * split between schools are marked SPLIT and kept in an overflow Map. Weights are
 * fractions of the unit's area (0–1); covered(u) = Σ weights is 1 inside the
 * partition, < 1 in gaps, > 1 where catchments overlap.
 */
import type { BBox, MultiPolygon } from '../model/geometry-types';
import type { Partition } from '../model/school';
import type { Units } from '../model/units';
import { buildUnitLookup } from './unit-lookup';
import type { UnitLookup } from './unit-lookup';
import { polygonUnitAreas, unitCoverage } from './unit-coverage';
import type { UnitCoverage } from './unit-coverage';

const NONE = -1;
const SPLIT = -2;
/** Coverage tolerance: covered < 1 − TOL is a gap, > 1 + TOL an overlap. */
export const COVER_TOLERANCE = 1e-9;

interface Split {
  schools: number[];
  weights: number[];
}

export interface GapOverlapReport {
  /** Units with covered < 1 − 1e-9 (only populated units exist on the national grid). */
  gapUnits: number;
  /** Σ (1 − covered) × people over gap units. */
  gapPeople: number;
  /** Units with covered > 1 + 1e-9. */
  overlapUnits: number;
  /** Σ (covered − 1) × people over overlap units. */
  overlapPeople: number;
}

export class NetworkOverlay {
  readonly units: Units;
  /** (col,row) → unit for grid units; null for polygon units. Shared by clones (immutable). */
  readonly lookup: UnitLookup | null;
  /** Planar area of each polygon unit (m²); null for grid units. Shared by clones. */
  readonly unitAreas: Float64Array | null;
  /** Number of school slots (grows when a school opens: setSchoolCount). */
  schoolCount: number;
  private readonly primarySchool: Int32Array;
  private readonly primaryWeight: Float64Array;
  private readonly overflow: Map<number, Split>;

  private constructor(units: Units, schoolCount: number, lookup: UnitLookup | null, unitAreas: Float64Array | null,
    primarySchool: Int32Array, primaryWeight: Float64Array, overflow: Map<number, Split>) {
    this.units = units;
    this.schoolCount = schoolCount;
    this.lookup = lookup;
    this.unitAreas = unitAreas;
    this.primarySchool = primarySchool;
    this.primaryWeight = primaryWeight;
    this.overflow = overflow;
  }

  /** Overlay of every catchment of `partition` on `units` (raster kernel for grids, Clipper2 intersections for polygons). */
  static build(units: Units, partition: Partition): NetworkOverlay {
    const lookup = units.kind === 'grid' ? buildUnitLookup(units) : null;
    const areas = units.kind === 'polygons' ? polygonUnitAreas(units) : null;
    const ov = new NetworkOverlay(units, partition.catchments.length, lookup, areas,
      new Int32Array(units.count).fill(NONE), new Float64Array(units.count), new Map());
    partition.catchments.forEach((mp, s) => {
      const cov = ov.coverage(mp);
      for (let i = 0; i < cov.count; i++) ov.add(cov.units[i], s, cov.fractions[i]);
    });
    return ov;
  }

  /** Sets the number of school slots; entries never name a slot beyond it (an opened school's slot is empty until it gets area). */
  setSchoolCount(n: number): void {
    this.schoolCount = n;
  }

  get unitCount(): number {
    return this.units.count;
  }

  /** Fraction of each unit's area inside `mp` (same CRS as the units). */
  coverage(mp: MultiPolygon): UnitCoverage {
    return unitCoverage(this.units, mp, this.lookup, this.unitAreas);
  }

  /** Calls fn(school, weight) for every school holding part of `unit` (weights > 0, in stored order). */
  forEach(unit: number, fn: (school: number, weight: number) => void): void {
    const p = this.primarySchool[unit];
    if (p >= 0) fn(p, this.primaryWeight[unit]);
    else if (p === SPLIT) {
      const sp = this.overflow.get(unit)!;
      for (let i = 0; i < sp.schools.length; i++) fn(sp.schools[i], sp.weights[i]);
    }
  }

  /**
   * Units holding part of a school with flags[school] = 1, ascending. With `bboxes` (the flagged
   * schools' catchment bounding boxes) grid units are looked up inside those boxes only;
   * otherwise every unit is scanned.
   */
  unitsOfSchools(flags: Uint8Array, bboxes?: BBox[]): Int32Array {
    const holds = (u: number): boolean => {
      const p = this.primarySchool[u];
      if (p >= 0) return flags[p] === 1;
      return p === SPLIT && this.overflow.get(u)!.schools.some((x) => flags[x] === 1);
    };
    if (bboxes && this.lookup && this.units.kind === 'grid') {
      const g = this.units.grid;
      const found = new Set<number>();
      for (const b of bboxes) {
        if (!(b[2] >= b[0])) continue;
        const c0 = Math.max(0, Math.floor((b[0] - g.originX) / g.cellSize));
        const c1 = Math.min(g.cols - 1, Math.floor((b[2] - g.originX) / g.cellSize));
        const r0 = Math.max(0, Math.floor((b[1] - g.originY) / g.cellSize));
        const r1 = Math.min(g.rows - 1, Math.floor((b[3] - g.originY) / g.cellSize));
        for (let r = r0; r <= r1; r++) {
          for (let c = c0; c <= c1; c++) {
            const u = this.lookup.get(c, r);
            if (u >= 0 && holds(u)) found.add(u);
          }
        }
      }
      return Int32Array.from(found).sort();
    }
    const out: number[] = [];
    for (let u = 0; u < this.primarySchool.length; u++) if (holds(u)) out.push(u);
    return Int32Array.from(out);
  }

  /** Units in a gap or an overlap (covered outside 1 ± COVER_TOLERANCE), ascending. */
  uncoveredOrOverlapping(): Int32Array {
    const out: number[] = [];
    for (let u = 0; u < this.primarySchool.length; u++) {
      const p = this.primarySchool[u];
      const c = p >= 0 ? this.primaryWeight[u] : p === NONE ? 0 : this.covered(u);
      if (c < 1 - COVER_TOLERANCE || c > 1 + COVER_TOLERANCE) out.push(u);
    }
    return Int32Array.from(out);
  }

  /** School with the largest weight in `unit` (the first of equals), −1 when none. Allocation-free. */
  dominantSchool(unit: number): number {
    const p = this.primarySchool[unit];
    if (p >= 0 || p !== SPLIT) return p >= 0 ? p : -1;
    const sp = this.overflow.get(unit)!;
    let best = -1;
    let bestWeight = 0;
    for (let i = 0; i < sp.schools.length; i++) {
      if (sp.weights[i] > bestWeight) {
        best = sp.schools[i];
        bestWeight = sp.weights[i];
      }
    }
    return best;
  }

  /** Copy of the unit's entries, in stored order (used to record undo state). */
  entries(unit: number): { schools: number[]; weights: number[] } {
    const schools: number[] = [];
    const weights: number[] = [];
    this.forEach(unit, (s, w) => {
      schools.push(s);
      weights.push(w);
    });
    return { schools, weights };
  }

  /** Number of schools holding part of `unit`. */
  schoolsOf(unit: number): number {
    const p = this.primarySchool[unit];
    return p >= 0 ? 1 : p === SPLIT ? this.overflow.get(unit)!.schools.length : 0;
  }

  /** Weight of `school` in `unit` (0 when absent). */
  weight(unit: number, school: number): number {
    let w = 0;
    this.forEach(unit, (s, x) => {
      if (s === school) w += x;
    });
    return w;
  }

  /** Σ of the unit's weights: 1 when fully inside the partition. */
  covered(unit: number): number {
    const p = this.primarySchool[unit];
    if (p >= 0) return this.primaryWeight[unit];
    if (p === NONE) return 0;
    const sp = this.overflow.get(unit)!;
    let sum = 0;
    for (const w of sp.weights) sum += w;
    return sum;
  }

  /** Replaces the unit's entries (school indices distinct; zero weights are dropped). Order is kept. */
  setUnit(unit: number, schools: ArrayLike<number>, weights: ArrayLike<number>): void {
    const s: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < schools.length; i++) {
      if (weights[i] !== 0) {
        s.push(schools[i]);
        w.push(weights[i]);
      }
    }
    this.overflow.delete(unit);
    if (s.length === 0) {
      this.primarySchool[unit] = NONE;
      this.primaryWeight[unit] = 0;
    } else if (s.length === 1) {
      this.primarySchool[unit] = s[0];
      this.primaryWeight[unit] = w[0];
    } else {
      this.primarySchool[unit] = SPLIT;
      this.primaryWeight[unit] = 0;
      this.overflow.set(unit, { schools: s, weights: w });
    }
  }

  /**
   * Writes the unit's entries (stored order) into `schools`/`weights` from `offset`
   * and returns how many were written. Allocation-free read for the edit path.
   */
  copyEntries(unit: number, schools: Int32Array, weights: Float64Array, offset: number): number {
    const p = this.primarySchool[unit];
    if (p >= 0) {
      schools[offset] = p;
      weights[offset] = this.primaryWeight[unit];
      return 1;
    }
    if (p === NONE) return 0;
    const sp = this.overflow.get(unit)!;
    for (let i = 0; i < sp.schools.length; i++) {
      schools[offset + i] = sp.schools[i];
      weights[offset + i] = sp.weights[i];
    }
    return sp.schools.length;
  }

  /**
   * Same as setUnit with the entries schools[from..to) / weights[from..to) (school
   * indices distinct; zero weights dropped; order kept). Allocates only for split units.
   */
  setUnitRange(unit: number, schools: Int32Array, weights: Float64Array, from: number, to: number): void {
    let n = 0;
    let only = -1;
    for (let i = from; i < to; i++) {
      if (weights[i] !== 0) {
        n++;
        only = i;
      }
    }
    if (n === 1) {
      if (this.primarySchool[unit] === SPLIT) this.overflow.delete(unit);
      this.primarySchool[unit] = schools[only];
      this.primaryWeight[unit] = weights[only];
    } else {
      this.setUnit(unit, schools.subarray(from, to), weights.subarray(from, to));
    }
  }

  /** Adds weight to (unit, school), merging with an existing entry of the same school. */
  private add(unit: number, school: number, weight: number): void {
    const p = this.primarySchool[unit];
    if (p === NONE) {
      this.primarySchool[unit] = school;
      this.primaryWeight[unit] = weight;
    } else if (p === school) {
      this.primaryWeight[unit] += weight;
    } else if (p >= 0) {
      this.overflow.set(unit, { schools: [p, school], weights: [this.primaryWeight[unit], weight] });
      this.primarySchool[unit] = SPLIT;
      this.primaryWeight[unit] = 0;
    } else {
      const sp = this.overflow.get(unit)!;
      const i = sp.schools.indexOf(school);
      if (i >= 0) sp.weights[i] += weight;
      else {
        sp.schools.push(school);
        sp.weights.push(weight);
      }
    }
  }

  /** Independent copy (lookup and unit areas are shared: they never change). */
  clone(): NetworkOverlay {
    const overflow = new Map<number, Split>();
    for (const [u, sp] of this.overflow) overflow.set(u, { schools: sp.schools.slice(), weights: sp.weights.slice() });
    return new NetworkOverlay(this.units, this.schoolCount, this.lookup, this.unitAreas,
      this.primarySchool.slice(), this.primaryWeight.slice(), overflow);
  }

  /** Number of units split between two or more schools. */
  get splitUnitCount(): number {
    return this.overflow.size;
  }

  /**
   * People in gaps and overlaps. `people` is per unit (e.g. children of the age band; NaN counts as 0).
   * Gap = (1 − covered) × people where covered < 1 − 1e-9; overlap = (covered − 1) × people where covered > 1 + 1e-9.
   */
  gapOverlapReport(people: Float64Array): GapOverlapReport {
    const r: GapOverlapReport = { gapUnits: 0, gapPeople: 0, overlapUnits: 0, overlapPeople: 0 };
    for (let u = 0; u < this.units.count; u++) {
      const c = this.covered(u);
      const n = Number.isNaN(people[u]) ? 0 : people[u];
      if (c < 1 - COVER_TOLERANCE) {
        r.gapUnits++;
        r.gapPeople += (1 - c) * n;
      } else if (c > 1 + COVER_TOLERANCE) {
        r.overlapUnits++;
        r.overlapPeople += (c - 1) * n;
      }
    }
    return r;
  }
}
