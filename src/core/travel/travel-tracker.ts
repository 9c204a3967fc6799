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
import { sortedQuantiles, TripHistogram } from './trip-histogram';
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

interface SchoolSums {
  wc: number;
  wcd: number;
  over5: number;
  overLimit: number;
  overDaily: number;
  members: Map<number, [number, number]>;
  cached: TravelFigures | null;
}

export class TravelTracker {
  readonly distances: TravelDistances;
  private readonly options: TravelTrackerOptions;
  private readonly children: Float64Array;
  private readonly nearestDistance: Float64Array;
  private readonly schools: SchoolSums[];
  private readonly histogram = new TripHistogram();
  /** Per unit: the schools it currently contributes to (parallel lists). */
  private readonly unitSchools: number[][];
  private nearestWeight = 0;
  private totalWcd = 0;
  private totals = { over5: 0, overLimit: 0, overDaily: 0 };

  constructor(overlay: NetworkOverlay, distances: TravelDistances, options: TravelTrackerOptions) {
    this.distances = distances;
    this.options = options;
    const n = overlay.unitCount;
    this.children = Float64Array.from({ length: n }, (_, u) => (Number.isNaN(options.children[u]) ? 0 : options.children[u]));
    this.nearestDistance = distances.nearest().distance;
    this.schools = Array.from({ length: overlay.schoolCount }, () => ({ wc: 0, wcd: 0, over5: 0, overLimit: 0, overDaily: 0, members: new Map(), cached: null }));
    this.unitSchools = Array.from({ length: n }, () => []);
    for (let u = 0; u < n; u++) this.refresh(overlay, u);
  }

  /** Re-reads the given units from the live overlay (after an edit, undo or redo). */
  update(overlay: NetworkOverlay, units: ArrayLike<number>): void {
    for (let i = 0; i < units.length; i++) this.refresh(overlay, units[i]);
  }

  private dailyHours(d: number): number {
    return (2 * d) / 1000 / this.options.driveKmh + this.options.transportWaitMinutes / 60;
  }

  private contribute(u: number, s: number, d: number, wc: number, sign: number): void {
    const sums = this.schools[s];
    const over5 = d > LEGAL_TRIP_LIMIT_M ? wc : 0;
    const overLimit = this.options.youngestLimitM !== null && d > this.options.youngestLimitM ? wc : 0;
    const overDaily = d > LEGAL_TRIP_LIMIT_M && this.dailyHours(d) > this.options.dailyLimitHours ? wc : 0;
    sums.wc += sign * wc;
    sums.wcd += sign * wc * d;
    sums.over5 += sign * over5;
    sums.overLimit += sign * overLimit;
    sums.overDaily += sign * overDaily;
    sums.cached = null;
    this.totalWcd += sign * wc * d;
    this.totals.over5 += sign * over5;
    this.totals.overLimit += sign * overLimit;
    this.totals.overDaily += sign * overDaily;
    if (d <= this.nearestDistance[u] + EQUAL_M) this.nearestWeight += sign * wc;
    const key = u * this.schools.length + s;
    if (sign > 0) {
      sums.members.set(u, [d, wc]);
      this.histogram.add(key, d, wc);
    } else {
      sums.members.delete(u);
      this.histogram.remove(key, d);
    }
  }

  private refresh(overlay: NetworkOverlay, u: number): void {
    const c = this.children[u];
    for (const s of this.unitSchools[u]) {
      const old = this.schools[s].members.get(u);
      if (old) this.contribute(u, s, old[0], old[1], -1);
    }
    const list: number[] = [];
    if (c > 0)
      overlay.forEach(u, (s, w) => {
        if (!(w > 0)) return;
        this.contribute(u, s, this.distances.distance(s, u), w * c, 1);
        list.push(s);
      });
    this.unitSchools[u] = list;
  }

  /** Figures of school `s` (full precision; apply privacy before showing). */
  school(s: number): TravelFigures {
    const sums = this.schools[s];
    if (sums.cached) return sums.cached;
    const entries = [...sums.members.values()];
    const [medianM, p90M] = sortedQuantiles(entries, [0.5, 0.9]);
    const maxM = entries.length ? entries[entries.length - 1][0] : null;
    sums.cached = { ...this.common(sums.wc, sums.wcd, sums), medianM, p90M, maxM, maxDailyHours: this.maxDaily(maxM) };
    return sums.cached;
  }

  /** Figures of the whole network. */
  network(): NetworkTravelFigures {
    const h = this.histogram;
    const wc = h.weight;
    const maxM = h.max();
    return {
      ...this.common(wc, this.totalWcd, this.totals),
      medianM: h.quantile(0.5),
      p90M: h.quantile(0.9),
      maxM,
      maxDailyHours: this.maxDaily(maxM),
      nearestSchoolShare: wc > 0 ? Math.min(1, Math.max(0, this.nearestWeight / wc)) : null,
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
