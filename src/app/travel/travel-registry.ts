/**
 * Worker side of travel: the street network of the loaded dataset (built once per dataset) and
 * one ScenarioTravel per scenario engine, created with the engine so that its figures and edit
 * checks follow every apply, undo and redo of that scenario.
 */
import type { IndicatorConfig } from '../../core/config/indicator-config';
import { resolveTravelSettings } from '../../core/config/travel-settings';
import { unitCentres } from '../../core/compare/unit-centres';
import { readFeatures } from '../../core/load/read-features';
import type { Dataset } from '../../core/model/dataset';
import { ok, type Result } from '../../core/model/result';
import type { ScenarioEngine } from '../../core/scenario/scenario-engine';
import { ScenarioTravel } from '../../core/travel/scenario-travel';
import { streetDistanceProvider } from '../../core/travel/street-distance-provider';
import type { DistanceProvider } from '../../core/school-network/distance';
import { streetLinksFromTable, type StreetLinks } from '../../core/travel/street-links';
import { StreetNetwork } from '../../core/travel/street-network';
import type { TravelDistances } from '../../core/travel/travel-distances';
import { publicNetworkTravel, publicTravel, type PublicNetworkTravel, type PublicSchoolTravel } from '../../core/travel/travel-privacy';
import { multiPolygonToLonLat, toLonLat } from '../map/display-projection';
import { DEFAULT_BAND_LIMITS_M, distanceBands } from '../../core/travel/distance-bands';
import type { MultiPolygon } from '../../core/model/geometry-types';

let streets: StreetNetwork | null = null;
const travels = new WeakMap<ScenarioEngine, ScenarioTravel>();

/** Street lines for drawing: interleaved lon/lat positions and the start of each line. */
export interface StreetLinesDisplay {
  positions: Float64Array;
  startIndices: Uint32Array;
}

/** Reads a street layer and builds its network on the dataset's units; ok(null) without bytes. */
export async function buildStreets(dataset: Dataset, config: IndicatorConfig, file: { name: string; bytes: Uint8Array } | null): Promise<Result<{ net: StreetNetwork; lines: StreetLinesDisplay } | null>> {
  if (!file) return ok(null);
  const table = await readFeatures(file);
  if (!table.ok) return table;
  const links = streetLinksFromTable(table.value, resolveTravelSettings(config.travel));
  if (!links.ok) return links;
  return ok(streetsFromLinks(dataset, config, links.value.links), [...table.warnings, ...links.warnings]);
}

/** The street network of walkable links (already read and filtered) on the dataset's units, with its lines for drawing. */
export function streetsFromLinks(dataset: Dataset, config: IndicatorConfig, links: StreetLinks): { net: StreetNetwork; lines: StreetLinesDisplay } {
  const net = StreetNetwork.fromLinks(links, unitCentres(dataset.units), resolveTravelSettings(config.travel));
  const { xy, linkStart, count } = links;
  const positions = new Float64Array(xy.length);
  for (let i = 0; i < xy.length; i += 2) {
    const p = toLonLat(xy[i], xy[i + 1]);
    positions[i] = p[0];
    positions[i + 1] = p[1];
  }
  return { net, lines: { positions, startIndices: Uint32Array.from(linkStart.subarray(0, count + 1)) } };
}

/** The street network the next engines are built with (null: straight lines). */
export function setStreets(net: StreetNetwork | null): void {
  streets = net;
  provider = net ? streetDistanceProvider(net) : undefined;
}

let provider: DistanceProvider | undefined;
/** Distances for the school-network records' "nearest" rules: on the street network when one is loaded (undefined: straight lines). */
export function streetDistance(): DistanceProvider | undefined {
  return provider;
}

/** Wraps an engine factory so that every engine gets its ScenarioTravel. */
export function withTravel<A extends unknown[]>(factory: (...args: A) => ScenarioEngine): (...args: A) => ScenarioEngine {
  return (...args) => {
    const engine = factory(...args);
    travels.set(engine, new ScenarioTravel(engine, streets));
    return engine;
  };
}

/**
 * Builds one network not built yet, the engine's state and its travel (idle-time warm-up: a
 * dataset opens with the network on view, the others follow while the user looks). False when
 * every network is built.
 */
export function warmStep(engine: ScenarioEngine): boolean {
  const travel = travels.get(engine);
  const pending = engine.unbuiltNetworks();
  const id = pending[0] ?? travel?.untracked()[0];
  if (id === undefined) return false;
  engine.network(id);
  travel?.ensure(id);
  return true;
}

/** Travel figures of a network for display: privacy applied, the baseline beside, per-unit trip lengths for the map. */
export interface TravelSnapshot {
  straightLine: boolean;
  schools: PublicSchoolTravel[];
  baselineSchools: PublicSchoolTravel[];
  network: PublicNetworkTravel;
  baselineNetwork: PublicNetworkTravel;
  /** Separate pieces of each catchment, and before any record (the map draws only pieces edits detached). */
  pieceCounts: Int32Array;
  basePieceCounts: Int32Array;
  /** Trip length (metres) from each unit to its (dominant) school, NaN without one; and to its nearest school. */
  unitTrip: Float32Array;
  unitNearestTrip: Float32Array;
  /** 1 for units in a detached piece of their catchment. */
  unitDetached: Uint8Array;
}

export function travelSnapshot(engine: ScenarioEngine, networkId: string, threshold: number): TravelSnapshot | null {
  const travel = travels.get(engine);
  if (!travel) return null;
  const f = travel.figures(networkId);
  const b = travel.baseline(networkId);
  const extra = { offNetwork: [], unreachable: [], straightLine: f.straightLine };
  const distances = travel.distances(networkId);
  const trips = travel.unitTrips(networkId);
  const pieceCounts = travel.pieceCounts(networkId).slice();
  return {
    straightLine: f.straightLine,
    schools: f.schools.map((s) => publicTravel(s, threshold)),
    baselineSchools: b.schools.map((s) => publicTravel(s, threshold)),
    network: publicNetworkTravel(f.network, threshold, extra),
    baselineNetwork: publicNetworkTravel(b.network, threshold, extra),
    pieceCounts,
    basePieceCounts: travel.basePieceCounts(networkId).slice(),
    // Kept up to date from the changed units by ScenarioTravel; copied here for the message.
    unitTrip: trips.trip.slice(),
    unitNearestTrip: nearestTrips(distances),
    unitDetached: trips.detached.slice(),
  };
}

/** Nearest-school trip per unit as Float32, converted once per distances object. */
const nearestCache = new WeakMap<object, Float32Array>();
function nearestTrips(distances: { nearest(): { distance: Float64Array } }): Float32Array {
  let hit = nearestCache.get(distances);
  if (!hit) nearestCache.set(distances, (hit = Float32Array.from(distances.nearest().distance)));
  return hit.slice();
}

/** The trip lengths the engine's travel figures use for a network in its selected year (street distances when a street network is loaded); null before the engine has travel. */
export function travelDistancesOf(engine: ScenarioEngine, networkId: string): TravelDistances | null {
  return travels.get(engine)?.distances(networkId) ?? null;
}

/** A school's walking-distance bands for the map: each limit (metres) with its outline in lon/lat. */
export interface TravelBands {
  school: number;
  straightLine: boolean;
  bands: { limitM: number; outline: MultiPolygon; units: number }[];
}

/** The 1, 3 and 5 km bands of school index `school` in the engine's current state (null without travel). */
export function travelBands(engine: ScenarioEngine, networkId: string, school: number): TravelBands | null {
  const travel = travels.get(engine);
  if (!travel || school < 0 || school >= engine.network(networkId).schoolIds.length) return null;
  const distances = travel.distances(networkId);
  const bands = distanceBands(engine.units, distances, school, DEFAULT_BAND_LIMITS_M, travel.streets ? travel.settings.searchLimitM : 0);
  return { school, straightLine: distances.straightLine, bands: bands.map((b) => ({ limitM: b.limitM, outline: multiPolygonToLonLat(b.outline), units: b.units.length })) };
}

/** One side of a comparison (or of the report): a network's travel figures with privacy applied. */
export interface TravelSide {
  straightLine: boolean;
  network: PublicNetworkTravel;
  schools: PublicSchoolTravel[];
}

/** The engine's current (or baseline) travel figures of a network, privacy applied; null without travel. */
export function travelSide(engine: ScenarioEngine, networkId: string, which: 'current' | 'baseline', threshold: number): TravelSide | null {
  const travel = travels.get(engine);
  if (!travel) return null;
  const f = which === 'current' ? travel.figures(networkId) : travel.baseline(networkId);
  return {
    straightLine: f.straightLine,
    network: publicNetworkTravel(f.network, threshold, { offNetwork: [], unreachable: [], straightLine: f.straightLine }),
    schools: f.schools.map((s) => publicTravel(s, threshold)),
  };
}

/** Trip length (school index, unit) of the engine's current state or of its baseline, by the travel rule; undefined without travel. */
export function tripLengths(engine: ScenarioEngine, networkId: string, which: 'current' | 'baseline'): ((school: number, unit: number) => number) | undefined {
  const travel = travels.get(engine);
  if (!travel) return undefined;
  const d = which === 'current' ? travel.distances(networkId) : travel.baselineDistances(networkId);
  return (school, unit) => d.distance(school, unit);
}
