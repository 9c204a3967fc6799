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
import { computeIndicators } from '../core/scenario/scenario-engine';
import { resolveConfig } from './cli-config';
import { loadFromOptions } from './cli-inputs';
import type { CliIo } from './cli-io';
import { helpText, parseCliArgs, type ParsedOptions } from './cli-options';
import { indicatorsCsv, indicatorsJson, reportText, type NetworkOutput } from './format-output';
import { engineWithEdits, runOptimise } from './optimise-command';

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
    if (command === 'optimise') return await optimiseCommand(io, options);
    return command === 'validate' ? await validate(io, options) : await indicators(io, options);
  } catch (e) {
    if (e instanceof UserError) return problems(io, [e.problem]);
    io.stderr(`internal error (a bug, please report it): ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_BUG;
  }
}

function problems(io: CliIo, list: Problem[]): number {
  for (const p of list) io.stderr(`error: ${formatProblem(p)}\n`);
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
  for (const p of list) io.stderr(`warning: ${formatProblem(p)}\n`);
}

async function indicators(io: CliIo, options: ParsedOptions): Promise<number> {
  const loaded = await loadFromOptions(io, options);
  if (!loaded.ok) return problems(io, loaded.problems);
  const { dataset, report } = loaded.value;
  const cfg = await resolveConfig(io, configPath(options, loaded.value.manifest?.config), report.preset, dataset.units.attributes.names, report.files[0].file);
  if (!cfg.ok) return problems(io, cfg.problems);
  warn(io, [...loaded.warnings, ...cfg.warnings]);
  const config: IndicatorConfig = cfg.value.config;
  const threshold = options['privacy-threshold'] ? Number(options['privacy-threshold']) : config.privacyThreshold;
  const wanted = options.network ? dataset.networks.filter((n) => n.id === options.network) : dataset.networks;
  if (options.network && !wanted.length)
    return problems(io, [{ code: 'unknown-network', message: `The dataset has no network "${options.network}".`, fix: `Choose one of: ${dataset.networks.map((n) => n.id).join(', ')}.`, field: 'network' }]);
  if (!wanted.length) return problems(io, [{ code: 'no-networks', message: 'The dataset has no networks with catchments.', fix: 'Add catchments with a "network" field.' }]);
  const edited = options.edits ? await engineWithEdits(io, dataset, config, options.edits) : null;
  if (edited && !edited.ok) return problems(io, edited.problems);
  const compute = (id: string) => (edited?.ok ? edited.value.indicators(id) : computeIndicators(dataset, config, id));
  const outputs: NetworkOutput[] = wanted.map((n) => ({ label: n.label, ...applyPrivacy(compute(n.id), threshold) }));
  io.stdout(options.format === 'csv' ? indicatorsCsv(outputs) : indicatorsJson(outputs, Boolean(options.network)));
  return EXIT_OK;
}

async function optimiseCommand(io: CliIo, options: ParsedOptions): Promise<number> {
  const loaded = await loadFromOptions(io, options);
  if (!loaded.ok) return problems(io, loaded.problems);
  const { dataset, report } = loaded.value;
  const cfg = await resolveConfig(io, configPath(options, loaded.value.manifest?.config), report.preset, dataset.units.attributes.names, report.files[0].file);
  if (!cfg.ok) return problems(io, cfg.problems);
  warn(io, [...loaded.warnings, ...cfg.warnings]);
  const out = await runOptimise(io, options, dataset, cfg.value.config);
  if (!out.ok) return problems(io, out.problems);
  io.stdout(out.value);
  return EXIT_OK;
}

async function validate(io: CliIo, options: ParsedOptions): Promise<number> {
  const loaded = await loadFromOptions(io, options);
  if (!loaded.ok) return problems(io, loaded.problems);
  const { dataset, report } = loaded.value;
  const cfg = await resolveConfig(io, configPath(options, loaded.value.manifest?.config), report.preset, dataset.units.attributes.names, report.files[0].file);
  if (!cfg.ok && options.config) return problems(io, cfg.problems);
  const warnings = [...loaded.warnings, ...(cfg.ok ? cfg.warnings : cfg.problems)];
  const origin = cfg.ok ? cfg.value.origin : null;
  const fields = cfg.ok ? configFields(cfg.value.config) : [];
  const suppression = cfg.ok ? suppressionSummary(dataset.units.attributes, cfg.value.config) : null;
  if (options.format === 'json') io.stdout(JSON.stringify({ ok: true, name: dataset.name, config: origin, ...report, suppression, warnings }, null, 2) + '\n');
  else io.stdout(reportText(dataset.name, report, origin, fields, warnings, formatProblem) + (suppression ? suppressionText(suppression) : ''));
  return EXIT_OK;
}
