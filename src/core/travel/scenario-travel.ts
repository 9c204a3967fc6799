/**
 * Travel for a whole scenario: one TravelDistances and one TravelTracker per network, fed by the
 * engine's listener after every apply, undo and redo, with the baseline figures kept for the
 * change. Without a street network every trip is a straight line (labelled `straightLine`).
 */
import { resolveTravelSettings, type ResolvedTravelSettings } from '../config/travel-settings';
import { unitCentres } from '../compare/unit-centres';
import type { Position } from '../model/geometry-types';
import type { Problem } from '../model/result';
import { LEGAL_TRIP_LIMIT_M } from '../config/travel-settings';
import type { ScenarioEngine } from '../scenario/scenario-engine';
import { StreetDistances } from './street-distances';
import type { StreetNetwork } from './street-network';
import { StraightLineDistances, type TravelDistances } from './travel-distances';
import { UnitTrips } from './unit-trips';
import { schoolPieces, unitAdjacency, type UnitAt, type UnitGraph } from './catchment-pieces';
import { multiPolygonBBox } from '../geometry/bbox';
import { ringSignedArea } from '../geometry/area';
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import type { BBox } from '../model/geometry-types';
import type { Units } from '../model/units';
import { TravelTracker, type NetworkTravelFigures, type TravelFigures } from './travel-tracker';

export interface NetworkTravel {
  straightLine: boolean;
  schools: TravelFigures[];
  network: NetworkTravelFigures;
}

/** Units (indices) of a network whose trips fell back to a straight line. */
export interface FallbackUnits {
  /** Units in the network strictly farther than snapLimitM from every walkable link. */
  offNetwork: number[];
  /** Units on the network that cannot reach their own school on the graph (or whose school is off the network). */
  unreachable: number[];
}

interface NetworkState {
  networkId: string;
  schoolCount: number;
  children: Float64Array;
  /** Dominant school of each unit at the last change. */
  owner: Int32Array;
  distances: TravelDistances;
  tracker: TravelTracker;
  /** What the children and distances are for: the selected year, the housing projects, the school locations. */
  yearKey: string;
  housing: readonly unknown[];
  locationKey: string;
  /** Baseline figures (no records) per school year, computed when first read. */
  baselines: Map<number, NetworkTravel>;
  /** Trip lengths to the dataset's school locations (built when first asked for). */
  baseDistances?: TravelDistances;
  /** Separate pieces of each school's catchment, counted on its units (catchment-pieces.ts). */
  pieces: Int32Array;
  /** Pieces when the network was first tracked (the dataset's catchments, before any record); kept when the state is rebuilt. */
  basePieces: Int32Array;
  /** Per-unit trips and detached-piece flags for the map. */
  unitTrips: UnitTrips;
  /** What the last change did: pieces counts that changed, and units handed to a school more than 5 km away. */
  lastPieces: { school: number; before: number; after: number }[];
  lastFar: { unit: number; school: number; distance: number }[];
}

/** Problem codes of the edit checks (the app asks for confirmation, like an edit that empties a school). */
export const DETACHES_PIECE = 'edit-detaches-piece';
export const FAR_UNITS = 'edit-far-units';

export class ScenarioTravel {
  readonly engine: ScenarioEngine;
  readonly streets: StreetNetwork | null;
  readonly settings: ResolvedTravelSettings;
  private readonly states = new Map<string, NetworkState>();
  private readonly unitPoints: Float64Array;
  private adjacencyCache: UnitGraph | null = null;
  private unitAtCache: UnitAt | null | undefined;

  /**
   * A network is tracked when first asked for (the engine builds its own states the same way),
   * and every network before the engine's first record (ScenarioEngine.beforeFirstRecord), so its
   * pieces "before any record" are the dataset's.
   * @param streets the street network built on the engine's units (null: straight lines)
   */
  constructor(engine: ScenarioEngine, streets: StreetNetwork | null) {
    this.engine = engine;
    this.streets = streets;
    this.settings = streets?.settings ?? resolveTravelSettings(engine.config.travel);
    const points = streets?.unitPoints ?? unitCentres(engine.units);
    this.unitPoints = points;
    engine.beforeFirstRecord(() => {
      for (const id of engine.networkIds) this.state(id);
    });
    engine.addListener((networkId, outcome) => {
      let s = this.states.get(networkId);
      // Not tracked yet: only possible before the first record (a year switch), and it is tracked from the engine when first read.
      if (!s) return;
      if (engine.network(networkId).schoolIds.length !== s.schoolCount) {
        // A school opened (or an opening was undone): distances and trackers are per school, so the
        // network's travel state is rebuilt; its baselines are kept (they rest on the dataset's schools).
        const before = s;
        s = this.track(networkId, this.distancesFor(networkId));
        s.baselines = before.baselines;
        this.states.set(networkId, s);
        return;
      }
      s = this.sync(networkId);
      s.tracker.update(engine.overlay(networkId), outcome.changedUnits);
      const dominant = engine.unitSchool(networkId);
      const touched = outcome.changedSchools.length ? outcome.changedSchools : this.schoolsOfUnits(networkId, outcome.changedUnits);
      s.lastFar = [];
      for (const u of outcome.changedUnits) {
        const to = dominant[u];
        if (to >= 0 && to !== s.owner[u] && s.children[u] > 0) {
          const d = s.distances.distance(to, u);
          if (d > LEGAL_TRIP_LIMIT_M) s.lastFar.push({ unit: u, school: to, distance: d });
        }
        s.owner[u] = to;
      }
      s.lastPieces = [];
      for (let i = 0; i < outcome.changedUnits.length; i++) s.unitTrips.detached[outcome.changedUnits[i]] = 0;
      const members = this.members(networkId, touched);
      for (const school of touched) {
        const before = s.pieces[school];
        s.pieces[school] = this.countPieces(s, dominant, school, members.get(school) ?? []);
        if (before !== s.pieces[school]) s.lastPieces.push({ school, before, after: s.pieces[school] });
      }
      s.unitTrips.patchTrips(outcome.changedUnits, dominant, s.distances);
    });
    engine.addEditCheck((networkId) => this.objections(networkId));
  }

  /** Why the last applied edit needs confirmation: a new detached piece, or units handed to a school more than 5 km away. */
  private objections(networkId: string): Problem[] {
    const s = this.states.get(networkId);
    if (!s) return [];
    const ids = this.engine.network(networkId).schoolIds;
    const out: Problem[] = [];
    const split = s.lastPieces.filter((c) => c.after > c.before && c.before > 0);
    if (split.length)
      out.push({
        code: DETACHES_PIECE,
        message: `The edit leaves ${split.map((c) => `${ids[c.school]} in ${c.after} separate pieces (was ${c.before})`).join(', ')}.`,
        fix: 'Confirm to keep the detached piece (an exclave), or undo and draw the region so that it joins the catchment.',
        ids: split.map((c) => ids[c.school]),
      });
    if (s.lastFar.length) {
      const schools = [...new Set(s.lastFar.map((f) => ids[f.school]))];
      const longest = Math.max(...s.lastFar.map((f) => f.distance));
      out.push({
        code: FAR_UNITS,
        message: `The edit hands ${s.lastFar.length} unit(s) with children to ${schools.join(', ')} more than ${LEGAL_TRIP_LIMIT_M / 1000} km away (longest trip ${(longest / 1000).toFixed(1)} km${s.distances.straightLine ? ', straight line' : ''}).`,
        fix: 'Confirm if the trip is intended (those pupils have the right to free transport), or undo and choose a nearer school.',
        ids: schools,
      });
    }
    return out;
  }

  /** Number of separate pieces of each catchment (units joined through shared edges, or streets with piecesThroughStreets), parallel to the network's schools. */
  pieceCounts(networkId: string): Int32Array {
    return this.state(networkId).pieces;
  }

  /** Pieces of each catchment when the network was first tracked (before any record; schools opened later have none). */
  basePieceCounts(networkId: string): Int32Array {
    return this.state(networkId).basePieces;
  }

  /** Units of a school's detached pieces: those outside its largest piece (by units). */
  detachedUnits(networkId: string, school: number): number[] {
    return this.state(networkId).unitTrips.detachedOf(school, this.engine.unitSchool(networkId));
  }

  /** Per-unit trips to the own school and detached-piece flags (live; never mutate). */
  unitTrips(networkId: string): UnitTrips {
    return this.sync(networkId).unitTrips;
  }

  /** Schools holding any of `units` now or before the change (a year switch reports units only). */
  private schoolsOfUnits(networkId: string, units: ArrayLike<number>): number[] {
    const set = new Set<number>();
    const overlay = this.engine.overlay(networkId);
    for (let i = 0; i < units.length; i++) overlay.forEach(units[i], (x) => set.add(x));
    const s = this.state(networkId);
    for (let i = 0; i < units.length; i++) if (s.owner[units[i]] >= 0) set.add(s.owner[units[i]]);
    return [...set];
  }

  /** Locations of the network's schools in the selected year (opened schools and temporary premises included). */
  private schoolLocations(networkId: string): Position[] {
    return this.engine.schoolsInYear(networkId).map((s) => s.location);
  }

  private distancesFor(networkId: string): TravelDistances {
    const locations = this.schoolLocations(networkId);
    return this.streets ? new StreetDistances(this.streets, locations) : new StraightLineDistances(this.unitPoints, locations);
  }

  private track(networkId: string, distances: TravelDistances): NetworkState {
    const network = this.engine.network(networkId);
    const children = this.engine.unitChildren(networkId);
    const tracker = new TravelTracker(this.engine.overlay(networkId), distances, this.trackerOptions(networkId, children));
    const dominant = this.engine.unitSchool(networkId);
    const owner = dominant.slice();
    const unitTrips = new UnitTrips(distances, dominant);
    const S = network.schoolIds.length;
    const members: number[][] = Array.from({ length: S }, () => []);
    for (let u = 0; u < dominant.length; u++) if (dominant[u] >= 0 && dominant[u] < S) members[dominant[u]].push(u);
    const state: NetworkState = {
      networkId,
      schoolCount: S, children, distances, tracker, pieces: new Int32Array(S), basePieces: new Int32Array(0), unitTrips, owner, lastPieces: [], lastFar: [],
      yearKey: this.yearKey(), housing: this.engine.housingProjects(), locationKey: this.locationKey(networkId), baselines: new Map(),
    };
    for (let s = 0; s < S; s++) state.pieces[s] = this.countPieces(state, dominant, s, members[s]);
    state.basePieces = this.states.get(networkId)?.basePieces ?? state.pieces.slice();
    return state;
  }

  /** Pieces as polygons of the catchment; its units whose point lies outside the largest polygon are detached. */
  private areaPieces(s: NetworkState, school: number, members: number[]): number {
    const mp = this.engine.catchments(s.networkId)[school] ?? [];
    let largest = 0;
    const area = (i: number) => Math.abs(ringSignedArea(mp[i][0]));
    for (let i = 1; i < mp.length; i++) if (area(i) > area(largest)) largest = i;
    const main = [mp[largest]];
    for (const u of members) s.unitTrips.detached[u] = mp.length > 1 && !pointInMultiPolygon([this.unitPoints[2 * u], this.unitPoints[2 * u + 1]], main) ? 1 : 0;
    return mp.length;
  }

  /** Units whose dominant school is one of `schools`, by school (looked up in the schools' bounding boxes). */
  private members(networkId: string, schools: ArrayLike<number>): Map<number, number[]> {
    const catchments = this.engine.catchments(networkId);
    const flags = new Uint8Array(catchments.length);
    const boxes: BBox[] = [];
    for (let i = 0; i < schools.length; i++) {
      if (schools[i] >= catchments.length) continue;
      flags[schools[i]] = 1;
      boxes.push(multiPolygonBBox(catchments[schools[i]]));
    }
    const out = new Map<number, number[]>();
    if (!boxes.length) return out;
    const dominant = this.engine.unitSchool(networkId);
    for (const u of this.engine.overlay(networkId).unitsOfSchools(flags, boxes)) {
      const s = dominant[u];
      if (s >= 0 && flags[s]) (out.get(s) ?? out.set(s, []).get(s)!).push(u);
    }
    return out;
  }

  /** Pieces of a school's catchment on its units (catchment-pieces.ts); marks the units outside its largest piece as detached. */
  private countPieces(s: NetworkState, dominant: Int32Array, school: number, members: number[]): number {
    if (this.settings.pieces === 'area') return this.areaPieces(s, school, members);
    // Built on first use: the default "area" rule needs neither.
    this.adjacencyCache ??= unitAdjacency(this.engine.units);
    if (this.unitAtCache === undefined) this.unitAtCache = gridUnitAt(this.engine.units);
    const unitAt = this.unitAtCache;
    const streets = this.streets && this.settings.pieces === 'streets' && unitAt ? { net: this.streets, unitAt } : undefined;
    const { piece, count } = schoolPieces(this.adjacencyCache, dominant, school, members, streets);
    const size = new Int32Array(count);
    for (const p of piece.values()) size[p]++;
    let largest = 0;
    for (let p = 1; p < count; p++) if (size[p] > size[largest]) largest = p;
    for (const [u, p] of piece) s.unitTrips.detached[u] = count > 1 && p !== largest ? 1 : 0;
    return count;
  }

  private trackerOptions(networkId: string, children: Float64Array) {
    const lower = this.engine.network(networkId).level === 'lower';
    return {
      children,
      youngestLimitM: lower ? this.settings.youngestLimitM : null,
      driveKmh: this.settings.driveKmh,
      transportWaitMinutes: this.settings.transportWaitMinutes,
      dailyLimitHours: lower ? 2.5 : 3,
    };
  }

  private yearKey(): string {
    return String(this.engine.year);
  }

  private locationKey(networkId: string): string {
    return this.schoolLocations(networkId).map((p) => `${p[0]},${p[1]}`).join(';');
  }

  /**
   * Brings a network's travel state to the engine: new school locations (a relocation) rebuild
   * it; another school year or other housing projects re-read the units whose children changed.
   */
  private sync(networkId: string): NetworkState {
    let s = this.state(networkId);
    const locationKey = this.locationKey(networkId);
    if (locationKey !== s.locationKey) {
      const baselines = s.baselines;
      s = this.track(networkId, this.distancesFor(networkId));
      s.baselines = baselines;
      this.states.set(networkId, s);
      return s;
    }
    const housing = this.engine.housingProjects();
    const sameHousing = housing.length === s.housing.length && housing.every((h, i) => h === s.housing[i]);
    if (s.yearKey !== this.yearKey() || !sameHousing) {
      s.yearKey = this.yearKey();
      s.housing = housing;
      const children = this.engine.unitChildren(networkId);
      s.tracker.setChildren(this.engine.overlay(networkId), children);
      s.children.set(children);
    }
    return s;
  }

  /** Baseline figures of the selected year: the dataset's catchments and schools, that year's projected children, no records. */
  private baselineOf(networkId: string): NetworkTravel {
    const s = this.sync(networkId);
    const year = this.engine.year;
    const hit = s.baselines.get(year);
    if (hit) return hit;
    const base = this.engine.baselineUnits(networkId, year);
    const distances = this.baselineDistances(networkId);
    const tracker = new TravelTracker(base.overlay, distances, this.trackerOptions(networkId, base.children));
    const out = { straightLine: distances.straightLine, schools: Array.from({ length: base.overlay.schoolCount }, (_, i) => tracker.school(i)), network: tracker.network() };
    s.baselines.set(year, out);
    return out;
  }

  /** Trip lengths of the baseline: to the dataset's school locations (a street network's searches are shared by location). */
  baselineDistances(networkId: string): TravelDistances {
    const s = this.state(networkId);
    if (!s.baseDistances) {
      const locations = this.baseLocations(networkId);
      const key = locations.map((p) => `${p[0]},${p[1]}`).join(';');
      // The same schools at the same places (no opening, closing or relocation in effect): the
      // scenario's distances serve the baseline too, so their searches and nearest schools are done once.
      if (key === s.locationKey) s.baseDistances = s.distances;
      else s.baseDistances = this.streets ? new StreetDistances(this.streets, locations) : new StraightLineDistances(this.unitPoints, locations);
    }
    return s.baseDistances;
  }

  /** Locations of the dataset's schools of the network (the baseline). */
  private baseLocations(networkId: string): Position[] {
    const network = this.engine.dataset.networks.find((n) => n.id === networkId);
    const byId = new Map(this.engine.dataset.schools.map((x) => [x.id, x.location]));
    const current = this.schoolLocations(networkId);
    return (network?.schoolIds ?? []).map((id, i) => byId.get(id) ?? current[i]);
  }

  private read(s: NetworkState): NetworkTravel {
    return { straightLine: s.distances.straightLine, schools: Array.from({ length: s.schoolCount }, (_, i) => s.tracker.school(i)), network: s.tracker.network() };
  }

  /** Current figures of one school (full precision), without reading the others. */
  schoolFigures(networkId: string, school: number): TravelFigures {
    return this.sync(networkId).tracker.school(school);
  }

  private state(networkId: string): NetworkState {
    let s = this.states.get(networkId);
    if (!s) {
      if (!this.engine.networkIds.includes(networkId)) throw new Error(`Unknown network ${networkId}`);
      s = this.track(networkId, this.distancesFor(networkId));
      this.states.set(networkId, s);
    }
    return s;
  }

  /** Networks not tracked yet (each is tracked when first read; all before the engine's first record). */
  untracked(): string[] {
    return this.engine.networkIds.filter((id) => !this.states.has(id));
  }

  /** Tracks a network now if it is not yet (idle-time warm-up in the app). */
  ensure(networkId: string): void {
    this.state(networkId);
  }

  /** Current figures of a network (full precision). */
  figures(networkId: string): NetworkTravel {
    return this.read(this.sync(networkId));
  }

  /** Baseline figures (no records) in the selected year; schools are the dataset's (opened ones have none). */
  baseline(networkId: string): NetworkTravel {
    return this.baselineOf(networkId);
  }

  distances(networkId: string): TravelDistances {
    return this.sync(networkId).distances;
  }

  /** Children per unit the figures rest on (the selected year, housing included; never mutate). */
  children(networkId: string): Float64Array {
    return this.sync(networkId).children;
  }

  /** Units whose trips in this network fell back to a straight line (O(units); for reports, not per edit). */
  fallbackUnits(networkId: string): FallbackUnits {
    const d = this.state(networkId).distances;
    const overlay = this.engine.overlay(networkId);
    const offNetwork: number[] = [];
    const unreachable: number[] = [];
    for (let u = 0; u < overlay.unitCount; u++) {
      let off = false;
      let cut = false;
      overlay.forEach(u, (s) => {
        const f = d.fallback(s, u);
        if (f === 'unit-off-network') off = true;
        else if (f !== 'none') cut = true;
      });
      if (off) offNetwork.push(u);
      else if (cut) unreachable.push(u);
    }
    return { offNetwork, unreachable };
  }
}

/** The unit a point lies in, for grid units (−1 outside every cell); null for polygon units. */
function gridUnitAt(units: Units): UnitAt | null {
  if (units.kind !== 'grid') return null;
  const { originX, originY, cellSize, cols, rows } = units.grid;
  const at = new Map<number, number>();
  for (let u = 0; u < units.count; u++) at.set(units.row[u] * cols + units.col[u], u);
  return (x, y) => {
    const c = Math.floor((x - originX) / cellSize), r = Math.floor((y - originY) / cellSize);
    return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : (at.get(r * cols + c) ?? -1);
  };
}
