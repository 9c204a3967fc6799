/**
 * The command-line tool as a function: parse argv, read files through `io`, call the core
 * in memory, print. Returns the exit code: 0 success, 2 input problems, 1 bugs.
 */
import { join } from 'node:path';
import { configFields } from '../core/config/config-fields';
import { evaluateColumn } from '../core/config/field-expression';
import type { AttributeTable } from '../core/model/units';
import { markSuppressed } from '../core/pupil-base/suppression';
import type { IndicatorConfig } from '../core/config/indicator-config';
import { formatProblem, type Problem, UserError } from '../core/model/result';
import { applyPrivacy } from '../core/pupil-base/privacy';
import type { NetworkIndicators } from '../core/indicators/indicator-types';
import { checkCatchments, type CatchmentCheck } from '../core/validate/check-catchments';
import type { Dataset } from '../core/model/dataset';
import { resolveConfig } from './cli-config';
import { projectCsv, projectYears, scenarioEngine } from './project-command';
import { exportCatchments } from './export-command';
import { feederOutput } from './feeders-output';
import { loadFromOptions } from './cli-inputs';
import { loadStreets, streetsPath, streetsText, travelOutputs, withTravel } from './cli-travel';
import type { CliIo } from './cli-io';
import { helpText, maxBytes, parseCliArgs, type ParsedOptions } from './cli-options';
import { indicatorsCsv, indicatorsJson, reportText, type NetworkOutput } from './format-output';
import { runOptimise } from './optimise-command';

export type { CliIo } from './cli-io';

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (!args.ok) return problems(io, args.problems);
    const { command, options } = args.value;
    if (command === 'help') {
      io.stdout(helpText());
      return EXIT_OK;
    }
    if (command === 'project') return await project(io, options);
    if (command === 'export') return await exportCommand(io, options);
    if (command === 'optimise') return await optimiseCommand(io, options);
    return command === 'validate' ? await validate(io, options) : await indicators(io, options);
  } catch (e) {
    if (e instanceof UserError) return problems(io, [e.problem]);
    io.stderr(`internal error (a bug, please report it): ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_BUG;
  }
}

/** At most this many problems are printed; the rest are counted. */
const MAX_PRINTED = 50;

function problems(io: CliIo, list: Problem[]): number {
  for (const p of list.slice(0, MAX_PRINTED)) io.stderr(`error: ${formatProblem(p)}\n`);
  if (list.length > MAX_PRINTED) io.stderr(`error: ${list.length - MAX_PRINTED} more problems were not printed. Fix: Correct the problems above and run again. [too-many-problems]\n`);
  return EXIT_INPUT;
}

/**
 * What the indicator configuration makes of the units: population total, and per field the
 * values treated as suppressed (sentinels such as HSY's 99), missing or negative, with the people affected.
 */
function suppressionSummary(table: AttributeTable, config: IndicatorConfig) {
  const { report } = markSuppressed(table, config);
  const population = evaluateColumn(config.population, Object.fromEntries(table.names.map((n) => [n.toLowerCase(), table.columns[n]])), report.unitCount);
  let total = 0;
  for (const v of population) if (Number.isFinite(v)) total += v;
  return {
    population: report.population,
    populationTotal: total,
    unitsAffected: report.unitsAffected,
    populationAffected: report.populationAffected,
    fields: report.fields.filter((f) => f.unitsAffected > 0 || f.sentinelKept > 0),
  };
}

function suppressionText(s: NonNullable<ReturnType<typeof suppressionSummary>>): string {
  const lines = [`Population (${s.population}): ${s.populationTotal}`, `Units with suppressed or missing values used by the configuration: ${s.unitsAffected} (${s.populationAffected} people)`];
  for (const f of s.fields) lines.push(`  ${f.field.padEnd(14)} suppressed ${f.suppressed}, missing ${f.missing}, negative ${f.negative}, sentinel kept as real ${f.sentinelKept}; ${f.populationAffected} people`);
  return lines.join('\n') + '\n';
}

/** --config FILE, else the config file a bundle's manifest names (relative to the bundle folder). */
function configPath(options: ParsedOptions, manifestConfig: string | undefined): string | undefined {
  if (options.config) return options.config;
  return options.bundle && manifestConfig ? join(options.bundle, manifestConfig) : undefined;
}

function warn(io: CliIo, list: Problem[]): void {
  for (const p of list.slice(0, MAX_PRINTED)) io.stderr(`warning: ${formatProblem(p)}\n`);
  if (list.length > MAX_PRINTED) io.stderr(`warning: ${list.length - MAX_PRINTED} more warnings were not printed. Fix: Run \`validate --format json\` to see them all. [too-many-problems]\n`);
}

/** The configuration's population per unit (to count people in gaps); undefined when it cannot be evaluated. */
function populationColumn(dataset: Dataset, config: IndicatorConfig | null): Float64Array | undefined {
  if (!config) return undefined;
  const t = dataset.units.attributes;
  try {
    return evaluateColumn(config.population, Object.fromEntries(t.names.map((n) => [n.toLowerCase(), t.columns[n]])), dataset.units.count);
  } catch {
    return undefined;
  }
}

/** The wizard's catchment checks; refuses (exit 2) on overlaps and self-intersections unless --allow-invalid. */
function catchmentChecks(dataset: Dataset, config: IndicatorConfig | null, file: string | undefined, options: ParsedOptions): { check: CatchmentCheck; refused: Problem[] | null } {
  const check = checkCatchments(dataset, populationColumn(dataset, config), file);
  return { check, refused: check.errors.length && !options['allow-invalid'] ? [...check.errors, ...check.warnings] : null };
}

/** Adds the blocking problem codes to every school (and network) whose figures they touch. */
function flagged(output: NetworkOutput, check: CatchmentCheck): NetworkOutput {
  const affected = check.affected[output.network] ?? {};
  const codes = [...new Set(Object.values(affected).flat())];
  if (!codes.length) return output;
  return { ...output, flags: codes, schools: output.schools.map((s) => ({ ...s, flags: affected[s.id] ?? [] })) };
}

async function indicators(io: CliIo, options: ParsedOptions): Promise<number> {
  const loaded = await loadFromOptions(io, options);
  if (!loaded.ok) return problems(io, loaded.problems);
  const { dataset, report } = loaded.value;
  const cfg = await resolveConfig(io, configPath(options, loaded.value.manifest?.config), report.preset, dataset.units.attributes.names, report.files[0].file, report.unitFields);
  if (!cfg.ok) return problems(io, cfg.problems);
  const config: IndicatorConfig = cfg.value.config;
  const { check, refused } = catchmentChecks(dataset, config, report.files.find((f) => f.role === 'catchments')?.file, options);
  if (refused) return problems(io, refused);
  warn(io, [...loaded.warnings, ...cfg.warnings, ...check.errors, ...check.warnings]);
  const threshold = options['privacy-threshold'] ? Number(options['privacy-threshold']) : config.privacyThreshold;
  const wanted = options.network ? dataset.networks.filter((n) => n.id === options.network) : dataset.networks;
  if (options.network && !wanted.length)
    return problems(io, [{ code: 'unknown-network', message: `The dataset has no network "${options.network}".`, fix: `Choose one of: ${dataset.networks.map((n) => n.id).join(', ')}.`, field: 'network' }]);
  if (!wanted.length) return problems(io, [{ code: 'no-networks', message: 'The dataset has no networks with catchments.', fix: 'Add catchments with a "network" field.' }]);
  const streets = await loadStreets(io, streetsPath(options, loaded.value.manifest?.files.streets), dataset.units, config, maxBytes(options));
  if (!streets.ok) return problems(io, streets.problems);
  const engine = await scenarioEngine(io, options, dataset, config, undefined, streets.value?.net ?? null);
  if (!engine.ok) return problems(io, engine.problems);
  const raw = wanted.map((n) => engine.value.indicators(n.id));
  warn(io, childrenOutside(raw, threshold, Boolean(options.area)));
  const travel = travelOutputs(engine.value, streets.value?.net ?? null, wanted.map((n) => n.id), threshold);
  warn(io, [...streets.warnings, ...travel.warnings]);
  const e = engine.value;
  const share = options['split-share'] === undefined ? undefined : Number(options['split-share']);
  const outputs: NetworkOutput[] = wanted.map((n, i) => flagged(withTravel({ label: n.label, ...applyPrivacy(raw[i], threshold), ...feederOutput(e, n.id, e.year, threshold, share) }, travel.byNetwork.get(n.id)!), check));
  io.stdout(options.format === 'csv' ? indicatorsCsv(outputs, e.year) : indicatorsJson(outputs, Boolean(options.network)));
  return EXIT_OK;
}

/** Share of a network's children in no catchment above which the CLI warns (units reaching beyond the catchments). */
const OUTSIDE_SHARE = 0.01;

/**
 * A warning per network whose catchments leave children of the units uncovered (more than 1 % of
 * them and at least the privacy threshold): the units reach beyond the catchments, e.g. a national
 * file with one city's catchments, and every share is then of the covered part only.
 */
function childrenOutside(raw: NetworkIndicators[], threshold: number, hasArea: boolean): Problem[] {
  return raw.flatMap((r) => {
    // totals.children are the children in catchments; gapChildren those in none.
    const { gapChildren } = r.totals;
    const children = r.totals.children + gapChildren;
    if (!(gapChildren >= threshold && gapChildren > OUTSIDE_SHARE * children)) return [];
    const share = Math.round((1000 * gapChildren) / children) / 10;
    return [{
      code: 'children-outside-catchments',
      message: `${Math.round(gapChildren)} of ${Math.round(children)} children (${share} %) of network ${r.network} live in units no catchment covers: the units reach far beyond the catchments.`,
      fix: hasArea
        ? 'Narrow the planning area with --area-where (e.g. kuntano=837) to the catchments\' municipality, or give catchments that cover it.'
        : 'Cut the units to the planning area with --area FILE --area-where FIELD=VALUE (e.g. the Paavo file with kuntano=837), or give catchments that cover every unit.',
      field: 'area',
    }];
  });
}

/**
 * The dataset and its indicator configuration (warnings printed), with the privacy threshold of
 * --privacy-threshold or the configuration; an exit code when either could not be had.
 */
async function datasetAndConfig(io: CliIo, options: ParsedOptions): Promise<number | { dataset: Dataset; config: IndicatorConfig; threshold: number; streetsFile: string | null }> {
  const loaded = await loadFromOptions(io, options);
  if (!loaded.ok) return problems(io, loaded.problems);
  const { dataset, report } = loaded.value;
  const cfg = await resolveConfig(io, configPath(options, loaded.value.manifest?.config), report.preset, dataset.units.attributes.names, report.files[0].file);
  if (!cfg.ok) return problems(io, cfg.problems);
  warn(io, [...loaded.warnings, ...cfg.warnings]);
  const config = cfg.value.config;
  return { dataset, config, threshold: options['privacy-threshold'] ? Number(options['privacy-threshold']) : config.privacyThreshold, streetsFile: streetsPath(options, loaded.value.manifest?.files.streets) };
}

async function exportCommand(io: CliIo, options: ParsedOptions): Promise<number> {
  const input = await datasetAndConfig(io, options);
  if (typeof input === 'number') return input;
  const { dataset, config, threshold } = input;
  const streets = await loadStreets(io, input.streetsFile, dataset.units, config, maxBytes(options));
  if (!streets.ok) return problems(io, streets.problems);
  const r = await exportCatchments(io, options, dataset, config, threshold, streets.value?.net ?? null);
  if (!r.ok) return problems(io, r.problems);
  io.stderr(`Wrote ${r.value} catchments of ${options.network} to ${options.out}.\n`);
  return EXIT_OK;
}

async function project(io: CliIo, options: ParsedOptions): Promise<number> {
  const input = await datasetAndConfig(io, options);
  if (typeof input === 'number') return input;
  const { dataset, config, threshold } = input;
  const streets = await loadStreets(io, input.streetsFile, dataset.units, config, maxBytes(options));
  if (!streets.ok) return problems(io, streets.problems);
  warn(io, streets.warnings);
  const r = await projectYears(io, options, dataset, config, threshold, streets.value?.net ?? null);
  if (!r.ok) return problems(io, r.problems);
  io.stdout(options.format === 'csv' ? projectCsv(r.value.network, r.value.years) : JSON.stringify(r.value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
  return EXIT_OK;
}

async function validate(io: CliIo, options: ParsedOptions): Promise<number> {
  const loaded = await loadFromOptions(io, options);
  if (!loaded.ok) return problems(io, loaded.problems);
  const { dataset, report } = loaded.value;
  const cfg = await resolveConfig(io, configPath(options, loaded.value.manifest?.config), report.preset, dataset.units.attributes.names, report.files[0].file, report.unitFields);
  if (!cfg.ok && options.config) return problems(io, cfg.problems);
  const { check, refused } = catchmentChecks(dataset, cfg.ok ? cfg.value.config : null, report.files.find((f) => f.role === 'catchments')?.file, options);
  if (refused) return problems(io, refused);
  const warnings = [...loaded.warnings, ...(cfg.ok ? cfg.warnings : cfg.problems), ...check.errors, ...check.warnings];
  const origin = cfg.ok ? cfg.value.origin : null;
  const fields = cfg.ok ? configFields(cfg.value.config) : [];
  const suppression = cfg.ok ? suppressionSummary(dataset.units.attributes, cfg.value.config) : null;
  const streets = await loadStreets(io, streetsPath(options, loaded.value.manifest?.files.streets), dataset.units, cfg.ok ? cfg.value.config : ({} as IndicatorConfig), maxBytes(options));
  if (!streets.ok) return problems(io, streets.problems);
  warnings.push(...streets.warnings);
  const streetsReport = streets.value?.report ?? null;
  if (options.format === 'json') io.stdout(JSON.stringify({ ok: true, name: dataset.name, config: origin, ...report, preset: report.preset ?? (cfg.ok ? cfg.value.preset : null), suppression, ...(streetsReport ? { streets: streetsReport } : {}), warnings, catchmentProblems: { errors: check.errors.length, warnings: check.warnings.length } }, null, 2) + '\n');
  else io.stdout(reportText(dataset.name, report, origin, fields, warnings, formatProblem) + (suppression ? suppressionText(suppression) : '') + (streetsReport ? streetsText(streetsReport) : ''));
  return EXIT_OK;
}

async function optimiseCommand(io: CliIo, options: ParsedOptions): Promise<number> {
  const input = await datasetAndConfig(io, options);
  if (typeof input === 'number') return input;
  const out = await runOptimise(io, options, input.dataset, input.config, input.streetsFile);
  if (!out.ok) return problems(io, out.problems);
  warn(io, out.warnings);
  io.stdout(out.value);
  return EXIT_OK;
}
