/**
 * Comparison of two scenarios of one network (or of a scenario with its baseline): the
 * indicator table (compare-indicators.ts), the children who change school and straight-line
 * trips over a limit (movement.ts), and the catchments that differ.
 * Full precision: apply privacy (applyPrivacy) before showing or exporting figures.
 */
import { subtract } from '../geometry/boolean-ops';
import { multiPolygonArea } from '../geometry/area';
import type { NetworkIndicators } from '../indicators/indicator-types';
import type { MultiPolygon, Position } from '../model/geometry-types';
import type { Problem, Result } from '../model/result';
import { fail, ok } from '../model/result';
import { NetworkOverlay } from '../overlay/network-overlay';
import type { ScenarioEngine } from '../scenario/scenario-engine';
import { compareIndicators } from './compare-indicators';
import type { IndicatorComparison } from './compare-indicators';
import { movementSummary } from './movement';
import type { MovementSummary } from './movement';
import { unitCentres } from './unit-centres';

/** One side of a comparison: what one scenario says about a network. */
export interface ScenarioSide {
  indicators: NetworkIndicators;
  overlay: NetworkOverlay;
  /** Parallel to schoolIds, EPSG:3067. */
  catchments: MultiPolygon[];
  schoolIds: string[];
  /** School locations parallel to schoolIds, EPSG:3067 metres. */
  locations: Position[];
}

export interface ScenarioComparison extends IndicatorComparison {
  movement: MovementSummary;
  /** Indices (into schoolIds) of schools whose catchment geometry differs between A and B. */
  changedCatchments: number[];
  changedSchoolIds: string[];
  schoolIds: string[];
}

export interface CompareOptions {
  /** Trip limit, metres (straight line); default 5000. */
  limitMetres?: number;
  /** Children per unit (reuse across comparisons); computed from engine A when absent. */
  children?: Float64Array;
  /** Area below which two catchments count as equal, m² (default 1). */
  areaToleranceM2?: number;
  /** Trip length (metres) from school index to unit on side A / B, e.g. along the streets (TravelDistances.distance); straight line when absent. */
  tripA?: (school: number, unit: number) => number;
  tripB?: (school: number, unit: number) => number;
}

/**
 * Children of the network's age band per unit in the engine's selected year, as the engine computes
 * them (imputed where configured; projected and with the housing projects' pupils after the base year).
 */
export function unitChildren(engine: ScenarioEngine, networkId: string): Float64Array {
  if (engine.year !== engine.baseYear || engine.housingProjects().length > 0) return engine.unitChildren(networkId);
  const values = engine.unitValues(networkId); // the engine's own matrix: no second pass over the units
  const out = new Float64Array(engine.units.count);
  for (let u = 0; u < out.length; u++) out[u] = values.matrix[u * values.width + values.layout.children];
  return out;
}

function locationsOf(engine: ScenarioEngine, schoolIds: string[]): Position[] {
  const byId = new Map(engine.dataset.schools.map((s) => [s.id, s.location]));
  return schoolIds.map((id) => byId.get(id)!);
}

/** The engine's current state of a network. */
export function currentSide(engine: ScenarioEngine, networkId: string): ScenarioSide {
  const schoolIds = engine.network(networkId).schoolIds;
  return { indicators: engine.indicators(networkId), overlay: engine.overlay(networkId), catchments: engine.catchments(networkId), schoolIds, locations: locationsOf(engine, schoolIds) };
}

/** The engine's baseline (the dataset's partition) of a network; builds its overlay (O(units)). */
export function baselineSide(engine: ScenarioEngine, networkId: string): ScenarioSide {
  const schoolIds = engine.network(networkId).schoolIds;
  const partition = engine.dataset.partitions[networkId];
  return { indicators: engine.baselineIndicators(networkId), overlay: NetworkOverlay.build(engine.units, partition), catchments: partition.catchments, schoolIds, locations: locationsOf(engine, schoolIds) };
}

function sameGeometry(a: MultiPolygon, b: MultiPolygon): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Indices whose catchments differ: not identical and symmetric difference ≥ toleranceM2 (m²). */
export function changedCatchments(a: MultiPolygon[], b: MultiPolygon[], toleranceM2 = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? [];
    const y = b[i] ?? [];
    if (sameGeometry(x, y)) continue;
    const diff = multiPolygonArea(subtract(x, y)) + multiPolygonArea(subtract(y, x));
    if (diff >= toleranceM2) out.push(i);
  }
  return out;
}

function incomparable(message: string): Problem {
  return { code: 'scenarios-incomparable', message, fix: 'Compare scenarios made on the same dataset and network.' };
}

/** Compares two sides of the same network (same units and schools). */
export function compareSides(a: ScenarioSide, b: ScenarioSide, children: ArrayLike<number>, centres: ArrayLike<number>, options: CompareOptions = {}): Result<ScenarioComparison> {
  if (a.overlay.unitCount !== b.overlay.unitCount) return fail(incomparable(`The scenarios have different statistical units (${a.overlay.unitCount} and ${b.overlay.unitCount}).`));
  if (a.schoolIds.join('\u0000') !== b.schoolIds.join('\u0000')) return fail(incomparable('The scenarios have different schools in the network.'));
  const table = compareIndicators(a.indicators, b.indicators);
  const movement = movementSummary({ overlayA: a.overlay, overlayB: b.overlay, children, centres, locationsA: a.locations, locationsB: b.locations, limitMetres: options.limitMetres, tripA: options.tripA, tripB: options.tripB });
  const changed = changedCatchments(a.catchments, b.catchments, options.areaToleranceM2);
  return ok({ ...table, movement, changedCatchments: changed, changedSchoolIds: changed.map((i) => a.schoolIds[i]), schoolIds: a.schoolIds });
}

/** Compares network `networkId` in engine A (e.g. one scenario) with engine B (another). */
export function compareScenarios(a: ScenarioEngine, b: ScenarioEngine, networkId: string, options: CompareOptions = {}): Result<ScenarioComparison> {
  if (!a.networkIds.includes(networkId) || !b.networkIds.includes(networkId)) {
    return fail({ code: 'unknown-network', message: `Both scenarios must have the network "${networkId}".`, fix: `Use one of: ${a.networkIds.join(', ')}.` });
  }
  const children = options.children ?? unitChildren(a, networkId);
  return compareSides(currentSide(a, networkId), currentSide(b, networkId), children, unitCentres(a.units), options);
}

/** Compares the engine's baseline (A) with its current state (B) for one network. */
export function compareWithBaseline(engine: ScenarioEngine, networkId: string, options: CompareOptions = {}): Result<ScenarioComparison> {
  if (!engine.networkIds.includes(networkId)) {
    return fail({ code: 'unknown-network', message: `There is no network "${networkId}".`, fix: `Use one of: ${engine.networkIds.join(', ')}.` });
  }
  const children = options.children ?? unitChildren(engine, networkId);
  return compareSides(baselineSide(engine, networkId), currentSide(engine, networkId), children, unitCentres(engine.units), options);
}
