/**
 * `optimise`: propose a plan for one network (src/core/optimiser) and write it as an edits
 * file ({"edits": [...]}, the records `indicators --edits` and the app replay); print the
 * plan's figures as one JSON object. `--edits FILE` is read as `indicators` reads it (project-command.ts).
 * `--year Y` (with the base year from the manifest or --base-year): children, composition and
 * capacities of that projected year; the plan's records are dated Y. `--streets FILE` (or the
 * bundle's files.streets): trips on the street network, as `indicators --streets` measures them.
 * `--lock-area FILE`: polygons of areas kept as they are (the app's drawn areas).
 */
import type { IndicatorConfig } from '../core/config/indicator-config';
import type { Dataset } from '../core/model/dataset';
import type { Problem, Result } from '../core/model/result';
import { fail, ok } from '../core/model/result';
import { dualBound } from '../core/optimiser/dual-bound';
import { lpBound } from '../core/optimiser/lp-bound';
import { optimise } from '../core/optimiser/optimise';
import { DEFAULT_LIMITS } from '../core/optimiser/optimiser-limits';
import type { OptimiserLimits } from '../core/optimiser/optimiser-limits';
import { measureText, parseMeasure } from '../core/optimiser/optimiser-measure';
import type { OptimiserProblem } from '../core/optimiser/optimiser-problem';
import { StreetDistances } from '../core/travel/street-distances';
import type { MultiPolygon } from '../core/model/geometry-types';
import { readInputTable, type CliIo } from './cli-io';
import { loadStreets } from './cli-travel';
import { maxBytes, type ParsedOptions } from './cli-options';
import { scenarioEngine } from './project-command';

function bad(field: string, message: string, fix: string): Problem {
  return { code: 'invalid-arguments', message, fix, field };
}

function share(text: string | undefined, field: string, fallback: number | null): Result<number | null> {
  if (text === undefined) return ok(fallback);
  if (/^(none|unlimited)$/i.test(text)) return ok(null);
  const v = Number(text.endsWith('%') ? text.slice(0, -1) : text) / (text.endsWith('%') ? 100 : 1);
  return Number.isFinite(v) && v >= 0 ? ok(v) : fail(bad(field, `--${field} must be a number ≥ 0 (a share such as 0.2, or 20%), or "none"; got "${text}".`, `Give e.g. --${field} 0.2.`));
}

/** The limits from the options (defaults from DEFAULT_LIMITS). */
export function limitsFromOptions(o: ParsedOptions): Result<OptimiserLimits> {
  const rezoned = share(o['max-rezoned'], 'max-rezoned', DEFAULT_LIMITS.maxRezonedShare);
  const trip = share(o['max-trip-increase'], 'max-trip-increase', null);
  const metres = share(o['max-trip-increase-m'], 'max-trip-increase-m', null);
  for (const r of [rezoned, trip, metres]) if (!r.ok) return r;
  let utilisation = DEFAULT_LIMITS.utilisation;
  if (o.utilisation !== undefined) {
    if (/^none$/i.test(o.utilisation)) utilisation = null;
    else {
      const parts = o.utilisation.split(',').map(Number);
      if (parts.length !== 2 || !parts.every(Number.isFinite) || parts[0] > parts[1] || parts[0] < 0) {
        return fail(bad('utilisation', `--utilisation must be two shares LOW,HIGH with LOW ≤ HIGH, or "none"; got "${o.utilisation}".`, 'Give e.g. --utilisation 0.85,1.10.'));
      }
      utilisation = [parts[0], parts[1]];
    }
  }
  return ok({
    ...DEFAULT_LIMITS,
    maxRezonedShare: (rezoned as { value: number | null }).value,
    maxTripIncreaseShare: (trip as { value: number | null }).value,
    maxTripIncreaseMetres: (metres as { value: number | null }).value,
    utilisation,
    lockedSchoolIds: o.lock ? o.lock.split(',').map((s) => s.trim()).filter(Boolean) : [],
  });
}

/** The polygons of --lock-area FILE (EPSG:3067, as every input is read): one locked area. */
async function lockAreas(io: CliIo, path: string | undefined, maxBytes: number | undefined): Promise<Result<MultiPolygon[]>> {
  if (path === undefined) return ok([]);
  const table = await readInputTable(io, path, 'lock-area', maxBytes);
  if (!table.ok) return table;
  const polygons: MultiPolygon = [];
  for (const g of table.value.geometries) if (g?.kind === 'polygons') polygons.push(...g.polygons);
  if (polygons.length === 0)
    return fail({ code: 'lock-area-empty', message: `The lock-area file "${path}" has no polygons (${table.value.count} features).`, fix: 'Give polygons of the areas to keep as they are (e.g. drawn in QGIS and saved as GeoJSON).', file: path, field: 'lock-area' });
  return ok([polygons], table.warnings);
}

/** Largest problem (units that may move × schools) the LP is tried on; above it only the dual bound. */
const LP_MAX_CELLS = 5_000_000;

/**
 * --bound: the dual bound (any size) and, on smaller problems, the LP bound (HiGHS); `bound` is
 * the higher, `max_drop` the largest relative drop any plan under the limits can reach, and
 * `share_of_max_drop` how much of it the plan took.
 */
async function bounds(p: OptimiserProblem, after: number): Promise<Record<string, number | string | null>> {
  const dual = dualBound(p, { upper: after });
  const lp = p.unitCount * p.schoolCount <= LP_MAX_CELLS ? await lpBound(p) : null;
  const bound = Math.max(dual.bound, lp?.bound ?? -Infinity);
  const drop = 1 - bound / p.startMeasure;
  return {
    ...(lp ? { lp_bound: round(lp.bound, 6), lp_status: lp.status } : {}),
    dual_bound: round(dual.bound, 6),
    bound: round(bound, 6),
    max_drop: round(drop, 4),
    share_of_max_drop: drop > 0 ? round((1 - after / p.startMeasure) / drop, 4) : null,
  };
}

const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/**
 * @param streetsFile the street layer (--streets or the bundle's files.streets): trips on the
 *   street network for the trip limits, the 5 km rule and the trip figures; null = straight lines
 */
export async function runOptimise(io: CliIo, options: ParsedOptions, dataset: Dataset, config: IndicatorConfig, streetsFile: string | null = null): Promise<Result<string>> {
  if (!options.network) return fail(bad('network', 'optimise needs --network ID.', `Choose one of: ${dataset.networks.map((n) => n.id).join(', ')}.`));
  if (!options.measure) return fail(bad('measure', 'optimise needs --measure (e.g. share:foreign_language).', 'Give --measure share:ID, mgd:ID or mgh:ID.'));
  if (!options.out) return fail(bad('out', 'optimise needs --out PLAN.json (where the plan is written).', 'Give --out plan.json.'));
  if (!io.writeFile) return fail(bad('out', 'This environment cannot write files.', 'Run the CLI with Node.'));
  const measure = parseMeasure(options.measure);
  if (!measure.ok) return measure;
  const limits = limitsFromOptions(options);
  if (!limits.ok) return limits;
  const areas = await lockAreas(io, options['lock-area'], maxBytes(options));
  if (!areas.ok) return areas;
  const seconds = options.seconds !== undefined ? Number(options.seconds) : 30;
  if (!(seconds > 0)) return fail(bad('seconds', `--seconds must be positive, got "${options.seconds}".`, 'Give e.g. --seconds 30.'));
  const streets = await loadStreets(io, streetsFile, dataset.units, config);
  if (!streets.ok) return streets;
  const engine = await scenarioEngine(io, options, dataset, config, undefined, streets.value?.net ?? null);
  if (!engine.ok) return engine;
  // Street distances to the schools' locations in the selected year (network order), as ScenarioTravel measures trips.
  const distances = streets.value && engine.value.networkIds.includes(options.network)
    ? new StreetDistances(streets.value.net, engine.value.schoolsInYear(options.network).map((s) => s.location))
    : undefined;
  const input = { engine: engine.value, networkId: options.network, measure: measure.value, limits: { ...limits.value, lockedAreas: areas.value }, distances };
  const result = await optimise(input, { seconds, seed: options.seed !== undefined ? Number(options.seed) : 1 });
  if (!result.ok) return result;
  const r = result.value;
  await io.writeFile(options.out, JSON.stringify({ edits: r.edits }) + '\n');
  const f = r.figures;
  const bound = options.bound && r.problem.measure.linear ? await bounds(r.problem, f.measureAfter) : null;
  return ok(JSON.stringify({
    network: options.network,
    measure: measureText(measure.value),
    year: engine.value.year,
    measure_before: round(f.measureBefore, 6),
    measure_after: round(f.measureAfter, 6),
    rezoned_share: round(f.rezonedShare, 4),
    mean_trip_m_before: round(f.meanTripBefore, 0),
    mean_trip_m_after: round(f.meanTripAfter, 0),
    max_trip_m_before: round(f.maxTripBefore, 0),
    max_trip_m_after: round(f.maxTripAfter, 0),
    utilisation_min: round(f.utilisationMin, 4),
    utilisation_max: round(f.utilisationMax, 4),
    seconds: round(r.seconds, 1),
    straight_line: f.straightLine,
    edits: r.edits.length,
    iterations: r.stats.iterations,
    ...(bound ?? {}),
  }) + '\n', [...areas.warnings, ...streets.warnings, ...result.warnings]);
}
