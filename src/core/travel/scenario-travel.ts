/**
 * Travel for a whole scenario: one TravelDistances and one TravelTracker per network, fed by the
 * engine's listener after every apply, undo and redo, with the baseline figures kept for the
 * change. Without a street network every trip is a straight line (labelled `straightLine`).
 */
import { resolveTravelSettings, type ResolvedTravelSettings } from '../config/travel-settings';
import { unitCentres } from '../compare/unit-centres';
import type { Position } from '../model/geometry-types';
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import { ringSignedArea } from '../geometry/area';
import type { Problem } from '../model/result';
import { LEGAL_TRIP_LIMIT_M } from '../config/travel-settings';
import type { ScenarioEngine } from '../scenario/scenario-engine';
import { StreetDistances } from './street-distances';
import type { StreetNetwork } from './street-network';
import { StraightLineDistances, type TravelDistances } from './travel-distances';
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
  schoolCount: number;
  children: Float64Array;
  /** Dominant school of each unit at the last change. */
  owner: Int32Array;
  distances: TravelDistances;
  tracker: TravelTracker;
  baseline: NetworkTravel;
  /** Separate pieces (polygons) of each school's catchment. */
  pieces: Int32Array;
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

  /**
   * @param streets the street network built on the engine's units (null: straight lines)
   * @param onProgress called as (networks done, networks) while the distances are computed
   */
  constructor(engine: ScenarioEngine, streets: StreetNetwork | null, onProgress?: (done: number, total: number) => void) {
    this.engine = engine;
    this.streets = streets;
    this.settings = streets?.settings ?? resolveTravelSettings(engine.config.travel);
    const points = streets?.unitPoints ?? unitCentres(engine.units);
    this.unitPoints = points;
    const ids = engine.networkIds;
    ids.forEach((id, i) => {
      this.states.set(id, this.track(id, this.distancesFor(id)));
      onProgress?.(i + 1, ids.length);
    });
    engine.addListener((networkId, outcome) => {
      let s = this.states.get(networkId);
      if (!s) return;
      if (engine.network(networkId).schoolIds.length !== s.schoolCount) {
        // A school opened (or an opening was undone): distances and trackers are per school, so the
        // network's travel state is rebuilt; its baseline is kept where the schools still match.
        const before = s;
        s = this.track(networkId, this.distancesFor(networkId));
        if (before.baseline && s.schoolCount >= before.schoolCount) s.baseline = before.baseline;
        this.states.set(networkId, s);
        return;
      }
      s.tracker.update(engine.overlay(networkId), outcome.changedUnits);
      const dominant = engine.unitSchool(networkId);
      s.lastFar = [];
      for (const u of outcome.changedUnits) {
        const to = dominant[u];
        if (to >= 0 && to !== s.owner[u] && s.children[u] > 0) {
          const d = s.distances.distance(to, u);
          if (d > LEGAL_TRIP_LIMIT_M) s.lastFar.push({ unit: u, school: to, distance: d });
        }
        s.owner[u] = to;
      }
      const catchments = engine.catchments(networkId);
      s.lastPieces = [];
      for (const school of outcome.changedSchools) {
        const before = s.pieces[school];
        s.pieces[school] = catchments[school].length;
        if (before !== s.pieces[school]) s.lastPieces.push({ school, before, after: s.pieces[school] });
      }
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

  /** Number of separate pieces (polygons) of each catchment, parallel to the network's schools. */
  pieceCounts(networkId: string): Int32Array {
    return this.state(networkId).pieces;
  }

  /** Units of a school's detached pieces: those it holds whose point lies outside its largest polygon. */
  detachedUnits(networkId: string, school: number): number[] {
    const mp = this.engine.catchments(networkId)[school];
    if (mp.length < 2) return [];
    let largest = 0;
    const area = (i: number) => Math.abs(ringSignedArea(mp[i][0]));
    for (let i = 1; i < mp.length; i++) if (area(i) > area(largest)) largest = i;
    const main = [mp[largest]];
    const dominant = this.engine.unitSchool(networkId);
    const out: number[] = [];
    for (let u = 0; u < dominant.length; u++)
      if (dominant[u] === school && !pointInMultiPolygon([this.unitPoints[2 * u], this.unitPoints[2 * u + 1]], main)) out.push(u);
    return out;
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
    const { matrix, width, layout } = this.engine.unitValues(networkId);
    const n = this.engine.units.count;
    const children = new Float64Array(n);
    for (let u = 0; u < n; u++) children[u] = matrix[u * width + layout.children];
    const tracker = new TravelTracker(this.engine.overlay(networkId), distances, {
      children,
      youngestLimitM: network.level === 'lower' ? this.settings.youngestLimitM : null,
      driveKmh: this.settings.driveKmh,
      transportWaitMinutes: this.settings.transportWaitMinutes,
      dailyLimitHours: network.level === 'lower' ? 2.5 : 3,
    });
    const pieces = Int32Array.from(this.engine.catchments(networkId), (mp) => mp.length);
    const owner = this.engine.unitSchool(networkId).slice();
    const state: NetworkState = { schoolCount: network.schoolIds.length, children, distances, tracker, baseline: null as never, pieces, owner, lastPieces: [], lastFar: [] };
    state.baseline = this.read(state);
    return state;
  }

  private read(s: NetworkState): NetworkTravel {
    return { straightLine: s.distances.straightLine, schools: Array.from({ length: s.schoolCount }, (_, i) => s.tracker.school(i)), network: s.tracker.network() };
  }

  private state(networkId: string): NetworkState {
    const s = this.states.get(networkId);
    if (!s) throw new Error(`Unknown network ${networkId}`);
    return s;
  }

  /** Current figures of a network (full precision). */
  figures(networkId: string): NetworkTravel {
    return this.read(this.state(networkId));
  }

  baseline(networkId: string): NetworkTravel {
    return this.state(networkId).baseline;
  }

  distances(networkId: string): TravelDistances {
    return this.state(networkId).distances;
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
