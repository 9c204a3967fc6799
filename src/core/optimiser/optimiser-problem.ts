/**
 * The optimiser's view of one network, built from a ScenarioEngine's CURRENT state (the
 * "start": the baseline catchments, or the scenario the planner is in): children and the
 * measure's columns per unit, each unit's starting weights, the limits turned into numbers
 * per unit and per school, the unit adjacency and the trip distances.
 */
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import { capacityFor } from '../model/school';
import { isOpen } from '../school-network/school-timeline';
import type { Result } from '../model/result';
import { fail, ok } from '../model/result';
import { unitCentres } from '../compare/unit-centres';
import type { ScenarioEngine } from '../scenario/scenario-engine';
import { COVER_TOLERANCE } from '../overlay/network-overlay';
import type { OptimiserLimits } from './optimiser-limits';
import { checkLimits } from './optimiser-limits';
import type { MeasureModel, MeasureSpec } from './optimiser-measure';
import { buildMeasure } from './optimiser-measure';
import { straightLineDistances } from './trip-distances';
import type { TripDistances } from './trip-distances';
import { unitAdjacency } from './unit-adjacency';
import type { UnitAdjacency } from './unit-adjacency';

export interface OptimiserInput {
  engine: ScenarioEngine;
  networkId: string;
  measure: MeasureSpec;
  limits: OptimiserLimits;
  /** Street distances when loaded; default straight lines from unit centres to school locations. */
  distances?: TripDistances;
  /** Reuse a prebuilt adjacency of the engine's units. */
  adjacency?: UnitAdjacency;
  /**
   * Unit values to use instead (same layout as engine.unitValues, row-major unitCount × width).
   * Default: the engine's values in its selected year (engine.unitValuesInYear: projected
   * children, housing projects).
   */
  values?: { matrix: Float64Array; width: number };
}

export interface OptimiserProblem {
  networkId: string;
  /** The engine's selected school year the plan is for; its edits are dated it (undefined = the base year). */
  year: number | undefined;
  schoolIds: string[];
  unitCount: number;
  schoolCount: number;
  /** Children per unit (NaN as 0). */
  children: Float64Array;
  /** Σ of the unit's starting weights (1 inside the partition, < 1 in a gap). */
  covered: Float64Array;
  /** Starting weights, CSR: unit u holds school startSchools[i] with startWeights[i], i in [startOffsets[u], startOffsets[u+1]). */
  startOffsets: Int32Array;
  startSchools: Int32Array;
  startWeights: Float64Array;
  /** The unit's only starting school; −1 when it has none, −2 when it is split between schools. */
  startSingle: Int32Array;
  /** 1 where the unit may change school (not locked, inside the partition, no overlap). */
  movable: Uint8Array;
  /** Measure columns per unit: unitCount × measure.columns.length. */
  values: Float64Array;
  measure: MeasureModel;
  adjacency: UnitAdjacency;
  distances: TripDistances;
  /**
   * Straight lines from unit centres to the schools: never longer than `distances` (a street
   * trip is a path from the same point to the same school), so a pair whose straight line
   * already breaks a trip rule is refused without asking for its street distance.
   */
  straight: TripDistances;
  /** Allowed children per school (from the utilisation band; ±Infinity where unconstrained). */
  low: Float64Array;
  high: Float64Array;
  capacity: Float64Array;
  lockedSchool: Uint8Array;
  /** Longest trip a unit may get to a school it gains (from the trip-increase limits; Infinity = none). */
  tripCap: Float64Array;
  farTripMetres: number;
  /** Most children rezoned (Infinity = unlimited). */
  maxRezoned: number;
  /** Children of the network (Σ over schools). */
  totalChildren: number;
  /** Measure of the start. */
  startMeasure: number;
  limits: OptimiserLimits;
}

export function buildProblem(input: OptimiserInput): Result<OptimiserProblem> {
  const { engine, networkId, limits } = input;
  if (!engine.networkIds.includes(networkId)) {
    return fail({ code: 'unknown-network', message: `There is no network "${networkId}".`, fix: `Use one of: ${engine.networkIds.join(', ')}.`, field: 'network' });
  }
  const checked = checkLimits(limits);
  if (!checked.ok) return checked;
  const network = engine.network(networkId);
  const S = network.schoolIds.length;
  const { layout } = engine.unitValues(networkId);
  const own = input.values ? null : engine.unitValuesInYear(networkId);
  const matrix = input.values?.matrix ?? own!.matrix;
  const width = input.values?.width ?? own!.width;
  const overlay = engine.overlay(networkId);
  const n = overlay.unitCount;
  // Network totals of every column from the unit values and the start weights.
  const totals = new Float64Array(width);
  const children = new Float64Array(n);
  const covered = new Float64Array(n);
  const startOffsets = new Int32Array(n + 1);
  const schoolsList: number[] = [];
  const weightsList: number[] = [];
  const startSingle = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const c = matrix[u * width + layout.children];
    children[u] = Number.isFinite(c) ? c : 0;
    overlay.forEach(u, (s, w) => {
      schoolsList.push(s);
      weightsList.push(w);
      covered[u] += w;
      for (let k = 0; k < width; k++) {
        const v = matrix[u * width + k];
        if (Number.isFinite(v)) totals[k] += w * v;
      }
    });
    startOffsets[u + 1] = schoolsList.length;
    const count = startOffsets[u + 1] - startOffsets[u];
    startSingle[u] = count === 1 ? schoolsList[startOffsets[u]] : count === 0 ? -1 : -2;
  }
  const measure = buildMeasure(input.measure, layout, totals);
  if (!measure.ok) return measure;
  const K = measure.value.columns.length;
  const values = new Float64Array(n * K);
  for (let u = 0; u < n; u++) {
    measure.value.columns.forEach((col, k) => {
      const v = matrix[u * width + col];
      values[u * K + k] = Number.isFinite(v) ? v : 0;
    });
  }
  // Capacities, locations and status in the engine's selected year (opened, closed, moved schools).
  const schools = engine.schoolsInYear(networkId);
  const status = engine.schoolStatus(networkId);
  const straight = straightLineDistances(unitCentres(engine.units), schools.map((s) => s.location));
  const distances = input.distances ?? straight;
  // A school not open in the year (closed, not yet opened) takes and gives nothing.
  const lockedSchool = Uint8Array.from(network.schoolIds, (id, s) => (limits.lockedSchoolIds.includes(id) || !isOpen(status[s]) ? 1 : 0));
  const unknownLocked = limits.lockedSchoolIds.filter((id) => !network.schoolIds.includes(id));
  if (unknownLocked.length) {
    return fail({ code: 'optimiser-unknown-school', message: `Locked schools not in the network ${networkId}: ${unknownLocked.join(', ')}.`, fix: 'Lock schools of the chosen network.', ids: unknownLocked, field: 'lock' });
  }
  const startSchools = Int32Array.from(schoolsList);
  const startWeights = Float64Array.from(weightsList);
  const centres = limits.lockedAreas.length ? unitCentres(engine.units) : null;
  const movable = new Uint8Array(n);
  const lockedUnit = new Uint8Array(n);
  for (let i = 0; i < (limits.lockedUnits?.length ?? 0); i++) {
    const u = limits.lockedUnits![i];
    if (u >= 0 && u < n) lockedUnit[u] = 1;
  }
  const tripCap = new Float64Array(n).fill(Infinity);
  for (let u = 0; u < n; u++) {
    let locked = lockedUnit[u] === 1 || covered[u] <= COVER_TOLERANCE || covered[u] > 1 + COVER_TOLERANCE;
    let nearest = Infinity;
    for (let i = startOffsets[u]; i < startOffsets[u + 1]; i++) {
      if (lockedSchool[startSchools[i]]) locked = true;
      nearest = Math.min(nearest, distances.distance(startSchools[i], u));
    }
    if (!locked && centres) locked = limits.lockedAreas.some((a) => pointInMultiPolygon([centres[2 * u], centres[2 * u + 1]], a));
    movable[u] = locked ? 0 : 1;
    if (limits.maxTripIncreaseShare !== null) tripCap[u] = Math.min(tripCap[u], nearest * (1 + limits.maxTripIncreaseShare));
    if (limits.maxTripIncreaseMetres !== null) tripCap[u] = Math.min(tripCap[u], nearest + limits.maxTripIncreaseMetres);
  }
  const low = new Float64Array(S).fill(-Infinity);
  const high = new Float64Array(S).fill(Infinity);
  const capacity = new Float64Array(S).fill(NaN);
  let totalChildren = 0;
  const kids = new Float64Array(S);
  for (let u = 0; u < n; u++) for (let i = startOffsets[u]; i < startOffsets[u + 1]; i++) kids[startSchools[i]] += startWeights[i] * children[u];
  for (let s = 0; s < S; s++) {
    totalChildren += kids[s];
    const cap = isOpen(status[s]) ? capacityFor(schools[s], network.level) : null;
    if (cap !== null && cap > 0) capacity[s] = cap;
    if (limits.utilisation && cap !== null && cap > 0) {
      low[s] = Math.min(limits.utilisation[0] * cap, kids[s]);
      high[s] = Math.max(limits.utilisation[1] * cap, kids[s]);
    }
  }
  const rows = new Float64Array(S * K);
  for (let u = 0; u < n; u++) {
    for (let i = startOffsets[u]; i < startOffsets[u + 1]; i++) {
      const s = startSchools[i];
      for (let k = 0; k < K; k++) rows[s * K + k] += startWeights[i] * values[u * K + k];
    }
  }
  return ok({
    networkId, year: engine.year === engine.baseYear ? undefined : engine.year, schoolIds: network.schoolIds.slice(), unitCount: n, schoolCount: S,
    children, covered, startOffsets, startSchools, startWeights, startSingle, movable,
    values, measure: measure.value, adjacency: input.adjacency ?? unitAdjacency(engine.units), distances, straight,
    low, high, capacity, lockedSchool, tripCap, farTripMetres: limits.farTripMetres,
    maxRezoned: limits.maxRezonedShare === null ? Infinity : limits.maxRezonedShare * totalChildren,
    totalChildren, startMeasure: measure.value.total(rows, S), limits,
  });
}

/** Starting weight of school s in unit u (0 when absent). */
export function startWeight(p: OptimiserProblem, u: number, s: number): number {
  for (let i = p.startOffsets[u]; i < p.startOffsets[u + 1]; i++) if (p.startSchools[i] === s) return p.startWeights[i];
  return 0;
}
