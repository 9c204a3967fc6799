/**
 * Travel figures of one network, kept up to date from the overlay weights: per school and for
 * the network, the children's mean, median, 90th percentile and longest trip, the children with
 * trips over 5 km and over the municipal limit for the youngest, the estimated daily travel
 * time of transported pupils against the legal limit, and the share of children whose catchment
 * school is also their nearest school. Split units count by their weights (children × weight).
 *
 * `update(changedUnits)` costs O(changed units); per-school percentiles are recomputed lazily,
 * for the schools an update touched only, when figures are read.
 */
import { LEGAL_TRIP_LIMIT_M } from '../config/travel-settings';
import type { NetworkOverlay } from '../overlay/network-overlay';
import { growTo, PACKED, QUANTILE_TOLERANCE, TripSlots } from './trip-slots';
import type { TravelDistances } from './travel-distances';
import { quantileScratch, weightedQuantilesPacked } from './weighted-quantile';

/** Two trip lengths closer than this count as equal (nearest-school ties), metres. */
const EQUAL_M = 1e-6;

export interface TravelFigures {
  /** Children with a trip (Σ children × weight). */
  children: number;
  meanM: number | null;
  medianM: number | null;
  p90M: number | null;
  maxM: number | null;
  /** Children whose trip is strictly over 5 000 m (the right to free transport). */
  over5kmChildren: number;
  /** Children over the municipal limit for the youngest; null when the limit is off or the network is not grades 1–6. */
  overLimitChildren: number | null;
  /** Longest estimated daily travel time of a transported pupil (hours), null when nobody is transported. */
  maxDailyHours: number | null;
  /** Transported children whose estimated daily travel time is over the legal limit (2.5 h; 3 h from age 13). */
  overDailyLimitChildren: number;
}

export interface NetworkTravelFigures extends TravelFigures {
  /** Share of children whose catchment school is also their nearest school; null without children. */
  nearestSchoolShare: number | null;
}

export interface TravelTrackerOptions {
  /** Children per unit (NaN counts as 0). */
  children: ArrayLike<number>;
  /** Municipal limit for the youngest, metres; null = off. */
  youngestLimitM: number | null;
  /** Driving speed of school transport, km/h, and waiting per day, minutes. */
  driveKmh: number;
  transportWaitMinutes: number;
  /** Legal daily limit in hours: 2.5 for grades 1–6, 3 for grades 7–9 (pupils aged 13 and over). */
  dailyLimitHours: number;
}

/** Per-school sums, one entry per school. */
interface Sums {
  wc: Float64Array;
  wcd: Float64Array;
  over5: Float64Array;
  overLimit: Float64Array;
  overDaily: Float64Array;
}

export class TravelTracker {
  readonly distances: TravelDistances;
  private readonly options: TravelTrackerOptions;
  private readonly children: Float64Array;
  private readonly nearestDistance: Float64Array;
  private readonly slots: TripSlots;
  private readonly sums: Sums;
  private readonly cached: (TravelFigures | null)[];
  private readonly scratch = quantileScratch();
  private tripD: Float64Array = new Float64Array(4096);
  private readonly entrySchools: Int32Array;
  private readonly entryWeights: Float64Array;
  private nearestWeight = 0;
  private totalWcd = 0;
  private totals = { over5: 0, overLimit: 0, overDaily: 0 };

  constructor(overlay: NetworkOverlay, distances: TravelDistances, options: TravelTrackerOptions) {
    this.distances = distances;
    this.options = options;
    const n = overlay.unitCount;
    const S = overlay.schoolCount;
    this.children = Float64Array.from({ length: n }, (_, u) => (Number.isNaN(options.children[u]) ? 0 : options.children[u]));
    this.nearestDistance = distances.nearest().distance;
    this.slots = new TripSlots(n, S);
    this.sums = { wc: new Float64Array(S), wcd: new Float64Array(S), over5: new Float64Array(S), overLimit: new Float64Array(S), overDaily: new Float64Array(S) };
    this.cached = new Array(S).fill(null);
    this.entrySchools = new Int32Array(S + 1);
    this.entryWeights = new Float64Array(S + 1);
    this.update(overlay, Int32Array.from({ length: n }, (_, u) => u));
  }

  /**
   * Re-reads the given units from the live overlay (after an edit, undo or redo). Looks every
   * trip up once, lets the distances batch the pairs that need a search (one per school), then
   * moves the units' slots; allocation-free unless a pair needs a search.
   */
  update(overlay: NetworkOverlay, units: ArrayLike<number>): void {
    const d = this.distances;
    const ES = this.entrySchools;
    const EW = this.entryWeights;
    let pos = 0;
    let missing: Map<number, number[]> | null = null;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (!(this.children[u] > 0)) continue;
      const n = overlay.copyEntries(u, ES, EW, 0);
      if (pos + n > this.tripD.length) this.tripD = growTo(this.tripD, 2 * (pos + n));
      for (let j = 0; j < n; j++) {
        if (!(EW[j] > 0)) continue;
        const x = d.tryDistance ? d.tryDistance(ES[j], u) : d.distance(ES[j], u);
        this.tripD[pos++] = x;
        if (Number.isNaN(x)) missing = noteMissing(missing, ES[j], u);
      }
    }
    if (missing) prefetchMissing(d, missing);
    pos = 0;
    const sl = this.slots;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      // A slot's extra value is its pupil's daily travel time when transported (NaN when not).
      for (let k = sl.unitHead[u]; k >= 0; k = sl.nextSlotOfUnit(k)) this.contribute(u, sl.school(k), sl.d(k), sl.w(k), -1, sl.extra(k));
      sl.clearUnit(u);
      const c = this.children[u];
      if (!(c > 0)) continue;
      const n = overlay.copyEntries(u, ES, EW, 0);
      for (let j = 0; j < n; j++) {
        const w = EW[j];
        if (!(w > 0)) continue;
        let x = this.tripD[pos++];
        if (Number.isNaN(x)) x = searchedDistance(d, ES[j], u);
        const daily = x > LEGAL_TRIP_LIMIT_M ? this.dailyHours(ES[j], u, x) : NaN;
        sl.add(u, ES[j], x, w * c, daily);
        this.contribute(u, ES[j], x, w * c, 1, daily);
      }
    }
  }

  /**
   * New children per unit (another school year, a housing project): re-reads only the units
   * whose children changed. Returns how many did.
   */
  setChildren(overlay: NetworkOverlay, children: ArrayLike<number>): number {
    const changed: number[] = [];
    for (let u = 0; u < this.children.length; u++) {
      const c = Number.isNaN(children[u]) ? 0 : children[u];
      if (c !== this.children[u]) {
        this.children[u] = c;
        changed.push(u);
      }
    }
    if (changed.length) this.update(overlay, changed);
    return changed.length;
  }

  /** Estimated daily travel time of a transported pupil (trip d > 5 km) of unit u to school s: there and back by car, plus the waiting, hours. */
  private dailyHours(s: number, u: number, d: number): number {
    const oneWay = this.distances.driveHours ? this.distances.driveHours(s, u) : d / 1000 / this.options.driveKmh;
    return 2 * oneWay + this.options.transportWaitMinutes / 60;
  }

  /** daily: the slot's daily travel time when transported (NaN when not). */
  private contribute(u: number, s: number, d: number, wc: number, sign: number, daily: number): void {
    const over5 = d > LEGAL_TRIP_LIMIT_M ? wc : 0;
    const overLimit = this.options.youngestLimitM !== null && d > this.options.youngestLimitM ? wc : 0;
    const overDaily = d > LEGAL_TRIP_LIMIT_M && daily > this.options.dailyLimitHours ? wc : 0;
    const m = this.sums;
    m.wc[s] += sign * wc;
    m.wcd[s] += sign * wc * d;
    m.over5[s] += sign * over5;
    m.overLimit[s] += sign * overLimit;
    m.overDaily[s] += sign * overDaily;
    this.cached[s] = null;
    this.totalWcd += sign * wc * d;
    this.totals.over5 += sign * over5;
    this.totals.overLimit += sign * overLimit;
    this.totals.overDaily += sign * overDaily;
    if (d <= this.nearestDistance[u] + EQUAL_M) this.nearestWeight += sign * wc;
  }

  /** Figures of school `s` (full precision; apply privacy before showing). Percentiles by bucketed selection, O(the school's trips). */
  school(s: number): TravelFigures {
    const hit = this.cached[s];
    if (hit) return hit;
    const sl = this.slots;
    const n = sl.schoolSize(s);
    let minM = Infinity;
    let maxM = -Infinity;
    let maxDaily = -Infinity;
    const P = sl.schoolTrips(s);
    for (let p = 0; p < n * PACKED; p += PACKED) {
      const d = P[p];
      if (d > maxM) maxM = d;
      if (d < minM) minM = d;
      const daily = P[p + 2];
      if (daily > maxDaily) maxDaily = daily;
    }
    const total = this.sums.wc[s];
    const m = this.sums;
    const [medianM, p90M] = weightedQuantilesPacked(P, PACKED, n, minM, maxM, (0.5 - QUANTILE_TOLERANCE) * total, (0.9 - QUANTILE_TOLERANCE) * total, this.scratch);
    const figures: TravelFigures = {
      ...this.common(m.wc[s], m.wcd[s], { over5: m.over5[s], overLimit: m.overLimit[s], overDaily: m.overDaily[s] }),
      medianM,
      p90M,
      maxM: n ? maxM : null,
      maxDailyHours: maxDaily > -Infinity ? maxDaily : null,
    };
    this.cached[s] = figures;
    return figures;
  }

  /** Figures of the whole network. */
  network(): NetworkTravelFigures {
    const sl = this.slots;
    const wc = sl.totalWeight;
    const maxM = sl.max();
    return {
      ...this.common(wc, this.totalWcd, this.totals),
      medianM: sl.quantile(0.5),
      p90M: sl.quantile(0.9),
      maxM,
      maxDailyHours: this.networkMaxDaily(maxM),
      nearestSchoolShare: wc > 1e-12 ? Math.min(1, Math.max(0, this.nearestWeight / wc)) : null,
    };
  }

  /** The network's longest daily travel time: of its longest trip at one driving speed; with speeds by class, the largest of its schools' (whose figures are cached until an update touches them). */
  private networkMaxDaily(maxM: number | null): number | null {
    if (maxM === null || !(maxM > LEGAL_TRIP_LIMIT_M)) return null;
    if (!this.distances.driveHours) return (2 * maxM) / 1000 / this.options.driveKmh + this.options.transportWaitMinutes / 60;
    let best: number | null = null;
    for (let s = 0; s < this.cached.length; s++) {
      const h = this.school(s).maxDailyHours;
      if (h !== null && (best === null || h > best)) best = h;
    }
    return best;
  }

  private common(wc: number, wcd: number, t: { over5: number; overLimit: number; overDaily: number }) {
    const clean = (x: number) => (Math.abs(x) < 1e-9 ? 0 : x);
    return {
      children: clean(wc),
      meanM: wc > 1e-12 ? wcd / wc : null,
      over5kmChildren: clean(t.over5),
      overLimitChildren: this.options.youngestLimitM === null ? null : clean(t.overLimit),
      overDailyLimitChildren: clean(t.overDaily),
    };
  }
}

// The rare paths of `update` (pairs beyond a school's search limit) live outside it, so that
// meeting one for the first time does not throw away its optimised code.

function noteMissing(missing: Map<number, number[]> | null, school: number, unit: number): Map<number, number[]> {
  const m = missing ?? new Map<number, number[]>();
  const list = m.get(school);
  if (list) list.push(unit);
  else m.set(school, [unit]);
  return m;
}

function prefetchMissing(d: TravelDistances, missing: Map<number, number[]>): void {
  if (d.prefetch) for (const [s, list] of missing) d.prefetch(s, list);
}

function searchedDistance(d: TravelDistances, school: number, unit: number): number {
  return d.distance(school, unit);
}
