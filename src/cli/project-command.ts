/**
 * The time axis in the CLI: `--edits FILE.json` ({"edits": [...]}, the records the app saves),
 * `--base-year`, `--year` for `indicators`, and the `project` command that prints every year of
 * `--years FROM-TO` (docs/cli.md).
 */
import { streetDistanceProvider } from '../core/travel/street-distance-provider';
import type { IndicatorConfig } from '../core/config/indicator-config';
import type { Dataset } from '../core/model/dataset';
import { fail, formatProblem, ok, type Problem, type Result } from '../core/model/result';
import { applyPrivacy, type PublicNetworkIndicators } from '../core/pupil-base/privacy';
import { DEFAULT_HORIZON, MAX_HORIZON } from '../core/projection/projection-config';
import type { Edit } from '../core/scenario/edit';
import { ScenarioEngine } from '../core/scenario/scenario-engine';
import { readEdit } from '../core/scenario/validate-edit';
import { readInput } from './cli-inputs';
import type { ForecastTable } from '../core/projection/forecast-table';
import { readForecastBytes } from '../core/projection/read-forecast';
import type { CliIo } from './cli-io';
import type { ParsedOptions } from './cli-options';
import { feederOutput } from './feeders-output';
import type { FeederOutput } from './feeders-output';
import { feederCsvSection } from './feeders-csv';
import type { StreetNetwork } from '../core/travel/street-network';
import type { PublicNetworkTravel, PublicSchoolTravel } from '../core/travel/travel-privacy';
import { travelByYear } from './cli-travel';
import { TRAVEL_COLUMNS } from './format-output';

const bad = (field: string, message: string, fix: string, file?: string): Problem => ({ code: 'invalid-arguments', message, fix, field, ...(file ? { file } : {}) });

/** Reads a forecast table (CSV, core/projection/read-forecast.ts); ids matching no unit are a warning. */
async function readForecastFile(io: CliIo, path: string, dataset: Dataset): Promise<Result<ForecastTable>> {
  const bytes = await readInput(io, path, 'forecast');
  if (!bytes.ok) return bytes;
  return readForecastBytes(path, bytes.value, new Set(dataset.units.ids));
}

/** Reads `{"edits": [...]}` (or a bare array) and checks every record's shape against the dataset. */
export async function readEditsFile(io: CliIo, path: string, dataset: Dataset): Promise<Result<Edit[]>> {
  const bytes = await readInput(io, path, 'edits');
  if (!bytes.ok) return bytes;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.value));
  } catch (e) {
    return fail({ code: 'invalid-json', message: `The edits file is not valid JSON (${(e as Error).message}).`, fix: 'Write {"edits": [...]} (docs/scenario-format.md).', file: path });
  }
  const list = Array.isArray(json) ? json : (json as { edits?: unknown })?.edits;
  if (!Array.isArray(list)) return fail({ code: 'edits-not-a-list', message: 'The edits file has no "edits" list.', fix: 'Write {"edits": [...]}, the records a scenario saves (docs/scenario-format.md).', file: path });
  const edits: Edit[] = [];
  const opened = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const r = readEdit(list[i], i, dataset, opened);
    if ('problem' in r) return fail({ ...r.problem, file: path });
    if (r.edit.kind === 'open-school') opened.add(r.edit.school.id);
    edits.push(r.edit);
  }
  return ok(edits);
}

/** The years asked for: --years FROM-TO (default base … base + 10). */
function yearRange(options: ParsedOptions, baseYear: number): Result<[number, number]> {
  if (!options.years) return ok([baseYear, baseYear + DEFAULT_HORIZON]);
  const m = /^(\d{4})-(\d{4})$/.exec(options.years);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2]) : NaN;
  if (!m || from > to) return fail(bad('years', `--years must be FROM-TO such as ${baseYear}-${baseYear + 10}, got "${options.years}".`, 'Give two years joined by a hyphen, the first not after the second.'));
  if (from < baseYear || to > baseYear + MAX_HORIZON) {
    return fail(bad('years', `--years ${options.years} is outside the projection (${baseYear}–${baseYear + MAX_HORIZON}).`, `Years run from the base year ${baseYear} to at most ${MAX_HORIZON} years after it.`));
  }
  return ok([from, to]);
}

/** Base year: --base-year, else the bundle manifest's "year". */
function baseYearOf(options: ParsedOptions, dataset: Dataset, needed: boolean): Result<number | undefined> {
  if (options['base-year']) return ok(Number(options['base-year']));
  if (dataset.year !== undefined || !needed) return ok(dataset.year);
  return fail(bad('base-year', 'The data do not say which year the statistics are from.', 'Give --base-year YEAR, or "year" in the bundle manifest.'));
}

/** An engine with the edits file replayed, for `indicators --edits/--year` and `project`. */
/** `streets`: "nearest" catchments of school-network records on the street network, as in the app. */
export async function scenarioEngine(io: CliIo, options: ParsedOptions, dataset: Dataset, config: IndicatorConfig, lastYear?: number, streets?: StreetNetwork | null): Promise<Result<ScenarioEngine>> {
  const needYear = Boolean(options.year || options.years || lastYear !== undefined);
  const base = baseYearOf(options, dataset, needYear);
  if (!base.ok) return base;
  const baseYear = base.value;
  const horizon = lastYear !== undefined && baseYear !== undefined ? Math.max(DEFAULT_HORIZON, lastYear - baseYear) : undefined;
  const forecast = options.forecast ? await readForecastFile(io, options.forecast, dataset) : null;
  if (forecast && !forecast.ok) return forecast;
  const created = ScenarioEngine.create(dataset, config, { baseYear, horizon: horizon !== undefined ? Math.min(MAX_HORIZON, horizon) : undefined, forecast: forecast?.value, distance: streets ? streetDistanceProvider(streets) : undefined });
  if (!created.ok) return created;
  // Printed here, once, whichever command uses the engine.
  for (const w of forecast?.warnings ?? []) io.stderr(`warning: ${formatProblem(w)}\n`);
  const engine = created.value;
  if (options.edits) {
    const edits = await readEditsFile(io, options.edits, dataset);
    if (!edits.ok) return edits;
    const r = engine.replay(edits.value);
    if (!r.ok) return fail(...r.problems.map((p) => ({ ...p, file: options.edits })));
  }
  if (options.year) {
    const y = engine.setYear(Number(options.year));
    if (!y.ok) return fail(...y.problems.map((p) => ({ ...p, field: 'year' })));
  }
  return ok(engine, created.warnings);
}

export interface ProjectedYear extends FeederOutput {
  year: number;
  schools: (PublicNetworkIndicators['schools'][number] & { travel?: PublicSchoolTravel })[];
  /** The network's travel figures in the year (docs/travel.md); each school has its own under `travel`. */
  travel?: PublicNetworkTravel;
  indices: PublicNetworkIndicators['indices'];
  multigroup: PublicNetworkIndicators['multigroup'];
  totals: PublicNetworkIndicators['totals'];
}

/** `project`: the network's privacy-safe figures in every year of the range. */
export async function projectYears(io: CliIo, options: ParsedOptions, dataset: Dataset, config: IndicatorConfig, threshold: number, streets?: StreetNetwork | null): Promise<Result<{ network: string; years: ProjectedYear[] }>> {
  const base = baseYearOf(options, dataset, true);
  if (!base.ok) return base;
  const range = yearRange(options, base.value!);
  if (!range.ok) return range;
  const engine = await scenarioEngine(io, { ...options, 'base-year': String(base.value) }, dataset, config, range.value[1], streets);
  if (!engine.ok) return engine;
  const network = options.network!;
  if (!engine.value.networkIds.includes(network)) {
    return fail({ code: 'unknown-network', message: `The dataset has no network "${network}".`, fix: `Choose one of: ${engine.value.networkIds.join(', ')}.`, field: 'network' });
  }
  const years: ProjectedYear[] = [];
  // Travel in every year (straight lines without a street layer), as `indicators` gives it.
  const travel = streets === undefined ? null : travelByYear(engine.value, streets, network, threshold);
  for (const w of travel?.warnings ?? []) io.stderr(`warning: ${formatProblem(w)}\n`);
  for (let y = range.value[0]; y <= range.value[1]; y++) {
    const p = applyPrivacy(engine.value.indicatorsInYear(network, y), threshold);
    const share = options['split-share'] === undefined ? undefined : Number(options['split-share']);
    const t = travel?.inYear(y);
    const schools = t ? p.schools.map((s, i) => ({ ...s, travel: t.schools[i] })) : p.schools;
    years.push({ year: y, schools, ...(t ? { travel: t.network } : {}), indices: p.indices, multigroup: p.multigroup, totals: p.totals, ...feederOutput(engine.value, network, y, threshold, share) });
  }
  return ok({ network, years }, engine.warnings);
}

/** CSV of `project`: one row per year and school, starting year,network,school_id,name,children. */
export function projectCsv(network: string, years: ProjectedYear[]): string {
  const shareIds = [...new Set(years.flatMap((y) => y.schools.flatMap((s) => Object.keys(s.shares))))].sort();
  // Travel columns as in `indicators --format csv` (docs/cli.md) when the years carry travel.
  const withTravel = years.some((y) => y.travel);
  const travelHeader = withTravel ? TRAVEL_COLUMNS.map((k) => `travel_${k}`).concat('travel_straight_line') : [];
  const rows = [['year', 'network', 'school_id', 'name', 'children', 'capacity', 'utilisation', 'composite', ...shareIds, ...travelHeader, 'status']];
  for (const y of years) {
    for (const s of y.schools) {
      const travel = withTravel ? [...TRAVEL_COLUMNS.map((k) => num(s.travel?.[k])), y.travel ? String(y.travel.straight_line) : ''] : [];
      rows.push([String(y.year), network, s.id, s.name, num(s.children), num(s.capacity), num(s.utilisation), num(s.composite), ...shareIds.map((id) => num(s.shares[id])), ...travel, s.status ?? 'open']);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n' + feederCsvSection(years.map((y) => ({ year: y.year, output: y })), csvCell);
}

function num(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(Math.round(v * 1e6) / 1e6);
}

function csvCell(s: string): string {
  const guarded = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
