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
import { QUANTILE_TOLERANCE, TripSlots } from './trip-slots';
import type { TravelDistances } from './travel-distances';

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
  private scratch = new Int32Array(1024);
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
    this.update(overlay, Int32Array.from({ length: n }, (_, u) => u));
  }

  /** Re-reads the given units from the live overlay (after an edit, undo or redo). */
  update(overlay: NetworkOverlay, units: ArrayLike<number>): void {
    if (this.distances.prefetch) this.prefetch(overlay, units);
    for (let i = 0; i < units.length; i++) this.refresh(overlay, units[i]);
  }

  /** Lets the distances batch the pairs the refresh will ask for (one search per school). */
  private prefetch(overlay: NetworkOverlay, units: ArrayLike<number>): void {
    const bySchool = new Map<number, number[]>();
    const d = this.distances;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (this.children[u] > 0)
        overlay.forEach(u, (s) => {
          if (!d.known || !d.known(s, u)) (bySchool.get(s) ?? bySchool.set(s, []).get(s)!).push(u);
        });
    }
    for (const [s, list] of bySchool) d.prefetch!(s, list);
  }

  private dailyHours(d: number): number {
    return (2 * d) / 1000 / this.options.driveKmh + this.options.transportWaitMinutes / 60;
  }

  private contribute(u: number, s: number, d: number, wc: number, sign: number): void {
    const over5 = d > LEGAL_TRIP_LIMIT_M ? wc : 0;
    const overLimit = this.options.youngestLimitM !== null && d > this.options.youngestLimitM ? wc : 0;
    const overDaily = d > LEGAL_TRIP_LIMIT_M && this.dailyHours(d) > this.options.dailyLimitHours ? wc : 0;
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

  private refresh(overlay: NetworkOverlay, u: number): void {
    const sl = this.slots;
    sl.clearUnit(u, (k) => this.contribute(u, sl.school[k], sl.d[k], sl.w[k], -1));
    const c = this.children[u];
    if (!(c > 0)) return;
    overlay.forEach(u, (s, w) => {
      if (!(w > 0)) return;
      const d = this.distances.distance(s, u);
      sl.add(u, s, d, w * c);
      this.contribute(u, s, d, w * c, 1);
    });
  }

  /** Figures of school `s` (full precision; apply privacy before showing). */
  school(s: number): TravelFigures {
    const hit = this.cached[s];
    if (hit) return hit;
    const sl = this.slots;
    let n = 0;
    sl.forSchool(s, () => void n++);
    if (this.scratch.length < n) this.scratch = new Int32Array(2 * n);
    let i = 0;
    sl.forSchool(s, (k) => void (this.scratch[i++] = k));
    const ids = this.scratch.subarray(0, n).sort((a, b) => sl.d[a] - sl.d[b]);
    const total = this.sums.wc[s];
    const quantile = (q: number) => {
      const target = (q - QUANTILE_TOLERANCE) * total;
      let acc = 0;
      for (const k of ids) {
        acc += sl.w[k];
        if (acc >= target) return sl.d[k];
      }
      return ids.length ? sl.d[ids[ids.length - 1]] : null;
    };
    const maxM = ids.length ? sl.d[ids[ids.length - 1]] : null;
    const m = this.sums;
    const figures: TravelFigures = {
      ...this.common(m.wc[s], m.wcd[s], { over5: m.over5[s], overLimit: m.overLimit[s], overDaily: m.overDaily[s] }),
      medianM: ids.length ? quantile(0.5) : null,
      p90M: ids.length ? quantile(0.9) : null,
      maxM,
      maxDailyHours: this.maxDaily(maxM),
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
      maxDailyHours: this.maxDaily(maxM),
      nearestSchoolShare: wc > 1e-12 ? Math.min(1, Math.max(0, this.nearestWeight / wc)) : null,
    };
  }

  private maxDaily(maxM: number | null): number | null {
    return maxM !== null && maxM > LEGAL_TRIP_LIMIT_M ? this.dailyHours(maxM) : null;
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
