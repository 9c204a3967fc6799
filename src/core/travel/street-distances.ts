/**
 * Trip lengths on the street network for one set of school locations (a network's schools in a
 * year). The rule (docs/travel.md): unit connector + shortest path on the graph + school
 * connector; a straight line from the unit's point to the school's location when either is
 * off the network or the two lie in parts of the graph that do not connect.
 */
import type { Position } from '../model/geometry-types';
import type { Snap } from './edge-index';
import type { SchoolReach, StreetNetwork } from './street-network';
import { straightDistance, type TravelDistances, type TripFallback } from './travel-distances';

export class StreetDistances implements TravelDistances {
  readonly straightLine = false;
  readonly unitCount: number;
  readonly schoolCount: number;
  readonly reaches: SchoolReach[];
  private readonly schoolComponent: Int32Array;
  readonly net: StreetNetwork;
  readonly schools: Position[];
  private cachedNearest: { school: Int32Array; distance: Float64Array } | null = null;
  /** Pairs beyond a school's search limit, computed on demand and kept: per school, unit → metres. */
  private readonly extra: Map<number, number>[];
  /** With driving speeds by class: the driving seconds of those pairs. */
  private readonly extraSeconds: Map<number, number>[];

  /** Runs (or takes from the network's cache) each school's search. */
  constructor(net: StreetNetwork, schools: Position[], onProgress?: (done: number, total: number) => void) {
    this.net = net;
    this.schools = schools;
    this.unitCount = net.unitCount;
    this.schoolCount = schools.length;
    this.reaches = schools.map((p, i) => {
      const r = net.reach(p);
      onProgress?.(i + 1, schools.length);
      return r;
    });
    this.extra = schools.map(() => new Map());
    this.extraSeconds = schools.map(() => new Map());
    this.schoolComponent = Int32Array.from(this.reaches, (r) => (r.snap ? net.componentOf(r.snap.edge) : -1));
    net.prepareLandmarks();
    if (net.edgeSeconds) this.driveHours = (school, unit) => this.classDriveHours(school, unit);
  }

  fallback(school: number, unit: number): TripFallback {
    const c = this.net.unitComponent[unit];
    if (c < 0) return 'unit-off-network';
    if (this.schoolComponent[school] < 0) return 'school-off-network';
    return c === this.schoolComponent[school] ? 'none' : 'unreachable';
  }

  distance(school: number, unit: number): number {
    if (this.fallback(school, unit) !== 'none') return straightDistance(this.net.unitPoints, unit, this.schools[school]);
    const r = this.reaches[school];
    const i = indexOf(r.units, unit);
    if (i >= 0) return r.distances[i];
    let d = this.extra[school].get(unit);
    if (d === undefined) {
      this.prefetch(school, [unit]);
      d = this.extra[school].get(unit) as number;
    }
    return d;
  }

  /**
   * With driving speeds by road class only (otherwise undefined: the trip length at driveKmh):
   * one-way driving time of a transported pupil's trip, hours, along the trip's route, each link
   * at its class's speed (`travel.driveKmhByClass`), the connectors and straight-line fallbacks
   * at `driveKmh`.
   */
  readonly driveHours?: (school: number, unit: number) => number;

  private classDriveHours(school: number, unit: number): number {
    if (this.fallback(school, unit) !== 'none') return this.distance(school, unit) / 1000 / this.net.settings.driveKmh;
    const r = this.reaches[school];
    const i = indexOf(r.units, unit);
    if (i >= 0) return (r.driveSeconds as Float64Array)[i] / 3600;
    if (!this.extraSeconds[school].has(unit)) this.distance(school, unit);
    return (this.extraSeconds[school].get(unit) as number) / 3600;
  }

  tryDistance(school: number, unit: number): number {
    const c = this.net.unitComponent[unit];
    if (c < 0 || c !== this.schoolComponent[school]) return straightDistance(this.net.unitPoints, unit, this.schools[school]);
    const r = this.reaches[school];
    const i = this.fingerIndexOf(school, r.units, unit);
    if (i >= 0) return r.distances[i];
    return this.extra[school].get(unit) ?? NaN;
  }

  /** Where the last tryDistance looked: an edit's units come in ascending order, mostly for one school. */
  private finger = { school: -1, at: 0 };

  /** indexOf, starting from the last lookup's place when it was for the same school and a smaller unit (galloping forward). */
  private fingerIndexOf(school: number, sorted: Int32Array, unit: number): number {
    const f = this.finger;
    let lo = 0;
    let hi = sorted.length - 1;
    if (f.school === school && f.at <= hi && sorted[f.at] <= unit) {
      lo = f.at;
      let step = 1;
      while (lo + step <= hi && sorted[lo + step] <= unit) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(hi, lo + step);
    }
    f.school = school;
    const i = lowerBound(sorted, unit, lo, hi + 1);
    f.at = Math.max(0, sorted[i] === unit ? i : i - 1);
    return i <= hi && sorted[i] === unit ? i : -1;
  }

  known(school: number, unit: number): boolean {
    return this.fallback(school, unit) !== 'none' || indexOf(this.reaches[school].units, unit) >= 0 || this.extra[school].has(unit);
  }

  /** Computes in one search the pairs of `units` beyond the school's search limit (kept for later). */
  prefetch(school: number, units: number[]): void {
    const r = this.reaches[school];
    const missing = units.filter((u) => this.fallback(school, u) === 'none' && indexOf(r.units, u) < 0 && !this.extra[school].has(u));
    if (!missing.length) return;
    const seconds = this.net.edgeSeconds ? new Float64Array(missing.length) : undefined;
    const d = this.net.distancesTo(r.snap as Snap, missing, seconds);
    missing.forEach((u, i) => {
      this.extra[school].set(u, d[i]);
      if (seconds) this.extraSeconds[school].set(u, seconds[i]);
    });
  }

  nearest(): { school: Int32Array; distance: Float64Array } {
    if (!this.cachedNearest) this.cachedNearest = this.computeNearest();
    return this.cachedNearest;
  }

  private computeNearest(): { school: Int32Array; distance: Float64Array } {
    const n = this.unitCount;
    const school = new Int32Array(n).fill(-1);
    const distance = new Float64Array(n).fill(Infinity);
    const offer = (u: number, s: number, d: number) => {
      if (d < distance[u] || (d === distance[u] && s < school[u])) {
        distance[u] = d;
        school[u] = s;
      }
    };
    // Reached within the search limit by some school: then no school beyond the limit can be
    // nearer. (A reach also holds units beyond the limit, near in a straight line: those may
    // still have a nearer school that did not keep them.)
    const reached = new Uint8Array(n);
    const limit = this.net.settings.searchLimitM;
    this.reaches.forEach((r, s) => {
      for (let i = 0; i < r.units.length; i++) {
        offer(r.units[i], s, r.distances[i]);
        if (r.distances[i] <= limit) reached[r.units[i]] = 1;
      }
    });
    const schoolsIn = new Map<number, number[]>();
    this.schoolComponent.forEach((c, s) => schoolsIn.set(c, [...(schoolsIn.get(c) ?? []), s]));
    const foreignOf = new Map<number, number[]>();
    const foreign = (c: number) => {
      let list = foreignOf.get(c);
      if (!list) foreignOf.set(c, (list = [...Array(this.schoolCount).keys()].filter((s) => c < 0 || this.schoolComponent[s] !== c)));
      return list;
    };
    let beyond: { dist: Float64Array; label: Int32Array; schools: number[] } | null = null;
    for (let u = 0; u < n; u++) {
      const e = this.net.unitEdge[u];
      const c = e < 0 ? -1 : this.net.componentOf(e);
      for (const s of foreign(c)) offer(u, s, straightDistance(this.net.unitPoints, u, this.schools[s]));
      if (c < 0 || !schoolsIn.has(c) || reached[u]) continue;
      beyond ??= this.nearestRun();
      this.nearestBeyondLimit(u, beyond, offer);
    }
    return { school, distance };
  }

  /** One search from every school on the network at once: each node's nearest school and its distance. */
  private nearestRun(): { dist: Float64Array; label: Int32Array; schools: number[] } {
    const schools = [...this.reaches.keys()].filter((s) => this.reaches[s].snap);
    const run = this.net.nearestOf(schools.map((s) => this.reaches[s].snap as Snap));
    return { ...run, schools };
  }

  /** A unit no school of its component reaches within the search limit: its nearest school from the all-schools search. */
  private nearestBeyondLimit(u: number, run: { dist: Float64Array; label: Int32Array; schools: number[] }, offer: (u: number, s: number, d: number) => void): void {
    const g = this.net.graph;
    const snap = this.net.unitSnap(u) as Snap;
    const len = g.edgeLength[snap.edge];
    const a = g.edgeA[snap.edge], b = g.edgeB[snap.edge];
    if (run.dist[a] < Infinity) offer(u, run.schools[run.label[a]], snap.distance + run.dist[a] + snap.t * len);
    if (run.dist[b] < Infinity) offer(u, run.schools[run.label[b]], snap.distance + run.dist[b] + (1 - snap.t) * len);
    for (const s of run.schools) {
      const ss = this.reaches[s].snap as Snap;
      if (ss.edge === snap.edge) offer(u, s, ss.distance + snap.distance + Math.abs(ss.t - snap.t) * len);
    }
  }
}

/** Index of `value` in the sorted array, −1 when absent. */
function indexOf(sorted: Int32Array, value: number): number {
  const i = lowerBound(sorted, value, 0, sorted.length);
  return i < sorted.length && sorted[i] === value ? i : -1;
}

/** The first index in [lo, end) whose value is ≥ `value` (end when there is none). */
function lowerBound(sorted: Int32Array, value: number, lo: number, end: number): number {
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
