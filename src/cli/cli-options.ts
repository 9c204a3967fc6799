/**
 * The command-line options, declared once: they drive parsing (node:util parseArgs),
 * validation and --help.
 */
import { parseArgs } from 'node:util';
import type { Problem } from '../core/model/result';
import { parseCondition } from '../core/mapping/feature-filter';

export const COMMANDS = {
  indicators: 'Compute segregation indicators of the baseline catchments and print them (JSON or CSV).',
  validate: 'Load the data and print the loading report: counts, CRS, missing and suppressed values, warnings.',
  project: 'Project one network over the school years (cohort model, housing projects, dated edits): the indicators of every year.',
  export: 'Write the catchments of one network in one school year (after --edits) as GeoJSON or GeoPackage, with the figures of each open school.',
  optimise: 'Propose a plan for one network that lowers a segregation measure within the limits; write it as an edits file.',
  help: 'Show this help.',
} as const;
export type Command = keyof typeof COMMANDS;

interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given several times (all values kept, in order). */
  multiple?: boolean;
  /** Each value is a condition FIELD=VALUE (feature-filter.ts), checked when parsing. */
  condition?: boolean;
  short?: string;
  value?: string;
  description: string;
  commands: readonly Command[];
  choices?: readonly string[];
  /** A whole number ≥ this minimum. */
  integerMin?: number;
  /** …and ≤ this maximum. */
  integerMax?: number;
}

const BOTH: readonly Command[] = ['indicators', 'validate', 'project', 'export', 'optimise'];
const FIGURES: readonly Command[] = ['indicators', 'project', 'export'];
const OPT: readonly Command[] = ['optimise'];

export const OPTIONS = {
  units: { type: 'string', value: 'FILE', description: 'Statistical units (grid cells or areas): GeoJSON, FlatGeobuf, zipped Shapefile, GeoPackage, CSV or GML.', commands: BOTH },
  schools: { type: 'string', value: 'FILE', description: 'School points: GeoJSON, FlatGeobuf, zipped Shapefile, GeoPackage, CSV or GML.', commands: BOTH },
  catchments: { type: 'string', value: 'FILE|voronoi', description: 'Catchment polygons with fields network and school_id (any of the formats above), or "voronoi" to generate them from the school points inside the planning area (as the wizard does). Optional for validate.', commands: BOTH },
  area: { type: 'string', value: 'FILE', description: 'Planning-area polygons (e.g. Paavo postal areas or the municipality): units whose centre lies outside are left out, generated catchments cover the area, schools outside it are left out with a warning.', commands: BOTH },
  'area-where': { type: 'string', multiple: true, condition: true, value: 'FIELD=VALUE', description: 'Only the --area polygons where FIELD=VALUE (e.g. kuntano=837). Repeat for several conditions: all must hold. Also FIELD!=VALUE, and <, <=, >, >= with numbers.', commands: BOTH },
  'schools-where': { type: 'string', multiple: true, condition: true, value: 'FIELD=VALUE', description: 'Only the schools where FIELD=VALUE (e.g. kunta=837, olo=0). Repeat for several conditions: all must hold. Applied before anything else.', commands: BOTH },
  context: { type: 'string', value: 'FILE', description: 'Optional boundary/water polygons (field kind).', commands: BOTH },
  streets: { type: 'string', value: 'FILE', description: 'Optional street line layer (Digiroad links or OSM ways) for trip lengths on the street network; without it trips are straight lines. A bundle may name one in files.streets.', commands: BOTH },
  bundle: { type: 'string', value: 'DIR', description: 'A dataset bundle folder with manifest.json (instead of --units/--schools/--catchments).', commands: BOTH },
  network: { type: 'string', value: 'ID', description: 'Only this network (e.g. fi-lower). Default: every network, printed as a JSON array (project, export, optimise: required).', commands: [...FIGURES, 'optimise'] },
  edits: { type: 'string', value: 'FILE', description: 'Scenario records to apply first: {"edits": [...]} as the app saves them (docs/scenario-format.md), e.g. a plan from optimise --out.', commands: [...FIGURES, 'optimise'] },
  year: { type: 'string', value: 'YEAR', description: 'The school year the figures are for (default: the base year).', commands: ['indicators', 'export', 'optimise'], integerMin: 1900 },
  'base-year': { type: 'string', value: 'YEAR', description: 'Year of the statistics (default: "year" of the bundle manifest).', commands: [...FIGURES, 'optimise'], integerMin: 1900 },
  forecast: { type: 'string', value: 'FILE', description: 'A city\'s small-area forecast (CSV: id, year, age such as 7-12, people; docs/indicators.md): used instead of the cohort model where it has figures.', commands: FIGURES },
  years: { type: 'string', value: 'FROM-TO', description: 'Years to project, e.g. 2026-2036 (default: base year … base year + 10; at most 20 years on).', commands: ['project'] },
  measure: { type: 'string', value: 'M', description: 'What to lower: share:ID (D of a share), mgd:ID / mgh:ID (multigroup D / H of a partition), or a weighted sum 0.5*share:a+0.5*mgh:b.', commands: OPT },
  'max-rezoned': { type: 'string', value: 'SHARE', description: 'Most children rezoned, share of the network (default 0.2; "none" = unlimited).', commands: OPT },
  'max-trip-increase': { type: 'string', value: 'SHARE', description: 'Largest increase of a child\'s trip, share of the starting trip (default none).', commands: OPT },
  'max-trip-increase-m': { type: 'string', value: 'METRES', description: 'Largest increase of a child\'s trip in metres (default none).', commands: OPT },
  utilisation: { type: 'string', value: 'LOW,HIGH', description: 'Utilisation band of every school (default 0.85,1.10; "none"). A school outside it at the start may not move further out.', commands: OPT },
  lock: { type: 'string', value: 'IDS', description: 'Comma-separated school ids kept exactly as they are.', commands: OPT },
  'lock-area': { type: 'string', value: 'FILE', description: 'Polygons (any of the formats above) of areas kept as they are: a unit whose centre lies inside one keeps its school.', commands: OPT },
  seconds: { type: 'string', value: 'S', description: 'Search time in seconds (default 30).', commands: OPT },
  seed: { type: 'string', value: 'N', description: 'Seed of the search (default 1): the same seed and time give a similar plan; use it to reproduce.', commands: OPT, integerMin: 0 },
  bound: { type: 'boolean', description: 'Also compute lower bounds of the measure under the same limits (D measures only): the dual bound (any size) and the LP bound (HiGHS, smaller cities); prints bound, max_drop and share_of_max_drop.', commands: OPT },
  config: { type: 'string', value: 'FILE', description: 'Indicator configuration JSON. Default: the preset that fits the unit fields.', commands: BOTH },
  format: { type: 'string', value: 'json|csv|text|geojson|gpkg', description: 'Output format. indicators: json (default) or csv; validate: text (default) or json; export: geojson (default) or gpkg.', commands: BOTH, choices: ['json', 'csv', 'text', 'geojson', 'gpkg'] },
  out: { type: 'string', value: 'FILE', description: 'export: the file to write; optimise: where the plan ({"edits": [...]}) is written.', commands: ['export', 'optimise'] },
  crs: { type: 'string', value: 'EPSG:3067|EPSG:4326', description: 'export: coordinates of the output (default EPSG:3067 with a crs member; EPSG:4326 is RFC 7946 GeoJSON).', commands: ['export'], choices: ['EPSG:3067', 'EPSG:4326'] },
  'split-share': { type: 'string', value: 'FRACTION', description: 'Feeders: a grades 1–6 school is a split feeder when more than this share of its children go to a second grades 7–9 school (default 0.1).', commands: ['indicators', 'project'] },
  'privacy-threshold': { type: 'string', value: 'N', description: 'Hide figures resting on fewer than N people (default: from the configuration).', commands: FIGURES, integerMin: 1 },
  'max-mb': { type: 'string', value: 'N', description: 'Refuse input files larger than N megabytes, 1–16384 (default 2048); applies to the unpacked size of .gz and .zip files.', commands: BOTH, integerMin: 1, integerMax: 16384 },
  'units-layer': { type: 'string', value: 'NAME', description: 'Layer of a GeoPackage (table) or ZIP (member) to read as units. Default: the first, named in a warning.', commands: BOTH },
  'schools-layer': { type: 'string', value: 'NAME', description: 'Layer of a GeoPackage or ZIP to read as schools.', commands: BOTH },
  'catchments-layer': { type: 'string', value: 'NAME', description: 'Layer of a GeoPackage or ZIP to read as catchments.', commands: BOTH },
  'allow-invalid': { type: 'boolean', description: 'Compute even when catchments overlap or self-intersect; the affected figures are flagged ("flags").', commands: BOTH },
  help: { type: 'boolean', short: 'h', description: 'Show help.', commands: ['help', ...BOTH] },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
type RepeatedOption = 'area-where' | 'schools-where';
export type ParsedOptions = Partial<Record<Exclude<OptionName, 'help' | 'allow-invalid' | 'bound' | RepeatedOption>, string>> & Partial<Record<RepeatedOption, string[]>> & { help?: boolean; 'allow-invalid'?: boolean; bound?: boolean };

/** --catchments voronoi: generate catchments instead of reading a file. */
export const VORONOI = 'voronoi';

/** Whether the options ask for the planning flow (planning area, school conditions, generated or no catchments). */
export function usesPlanning(options: ParsedOptions): boolean {
  return !!(options.area || options['area-where']?.length || options['schools-where']?.length || options.catchments === VORONOI || !options.catchments);
}

export interface ParsedArgs {
  command: Command;
  options: ParsedOptions;
}

const usageFix = 'Run `npm run cli -- --help` for the usage.';

/** Parse argv (without node and script): a command, then options. */
export function parseCliArgs(argv: string[]): { ok: true; value: ParsedArgs } | { ok: false; problems: Problem[] } {
  const bad = (message: string, field?: string) => ({ ok: false as const, problems: [{ code: 'invalid-arguments', message, fix: usageFix, field }] });
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return bad(`${(e as Error).message}.`);
  }
  const [first, ...rest] = parsed.positionals;
  const command = (first ?? 'help') as Command;
  if (!(command in COMMANDS)) return bad(`Unknown command "${first}" (commands: ${Object.keys(COMMANDS).join(', ')}).`);
  if (rest.length) return bad(`Unexpected argument "${rest[0]}".`);
  const options = parsed.values as ParsedOptions;
  if (options.help) return { ok: true, value: { command: 'help', options } };
  for (const [name, value] of Object.entries(options)) {
    const spec: OptionSpec = OPTIONS[name as OptionName];
    if (!spec.commands.includes(command)) return bad(`Option --${name} does not apply to "${command}".`, name);
    if (spec.condition)
      for (const text of value as string[]) {
        const c = parseCondition(text, name);
        if (!c.ok) return { ok: false, problems: c.problems.map((p) => ({ ...p, message: `--${name} ${p.message}` })) };
      }
    if (typeof value !== 'string') continue;
    if (spec.choices && !spec.choices.includes(value)) return bad(`--${name} must be one of ${spec.choices.join(', ')}, got "${value}".`, name);
    if (spec.integerMin !== undefined && !(/^\d+$/.test(value) && Number(value) >= spec.integerMin && Number(value) <= (spec.integerMax ?? Number.MAX_SAFE_INTEGER)))
      return bad(`--${name} must be a whole number ${spec.integerMax !== undefined ? `from ${spec.integerMin} to ${spec.integerMax}` : `≥ ${spec.integerMin}`}, got "${value}".`, name);
  }
  if (command === 'indicators' && options.format === 'text') return bad('indicators prints json or csv, not text.', 'format');
  if (command === 'project' && options.format === 'text') return bad('project prints json or csv, not text.', 'format');
  if (command === 'project' && !options.network) return bad('project needs --network ID (one network at a time).', 'network');
  if (command === 'optimise' && options.format && options.format !== 'json') return bad('optimise prints json.', 'format');
  if (command === 'validate' && options.format === 'csv') return bad('validate prints text or json, not csv.', 'format');
  if (command !== 'export' && (options.format === 'geojson' || options.format === 'gpkg')) return bad(`${command} does not write ${options.format}; use export.`, 'format');
  if (command === 'export') {
    if (options.format && options.format !== 'geojson' && options.format !== 'gpkg') return bad('export writes geojson or gpkg.', 'format');
    if (!options.network) return bad('export needs --network ID.', 'network');
    if (!options.out) return bad('export needs --out FILE.', 'out');
  }
  const split = options['split-share'];
  if (split !== undefined && !(/^(0(\.\d+)?|1(\.0+)?)$/.test(split))) return bad(`--split-share must be a fraction from 0 to 1, got "${split}".`, 'split-share');
  if (command !== 'help') {
    const files = [options.units, options.schools, options.catchments];
    const planning = [options.area, options['area-where']?.length, options['schools-where']?.length].some(Boolean);
    if (options.bundle && (files.some(Boolean) || planning)) return bad('Give either --bundle or --units/--schools/--catchments (with --area, --area-where, --schools-where), not both.', 'bundle');
    const needed = command === 'validate' ? [options.units, options.schools] : files;
    if (!options.bundle && !needed.every(Boolean))
      return bad(command === 'validate' ? 'Give --units and --schools (and optionally --catchments), or --bundle DIR.' : 'Give --units, --schools and --catchments FILE or --catchments voronoi (or --bundle DIR).');
    if (options['area-where']?.length && !options.area) return bad('--area-where selects polygons of --area FILE: give --area too.', 'area-where');
  }
  return { ok: true, value: { command, options } };
}

/** The --help text, built from the declarations above. */
export function helpText(): string {
  const lines = [
    'Catchment Studio command-line tool',
    '',
    'Usage:',
    '  npm run cli -- indicators --units FILE --schools FILE --catchments FILE [options]',
    '  npm run cli -- indicators --units FILE --area FILE --area-where FIELD=VALUE --schools FILE --schools-where FIELD=VALUE --catchments voronoi [options]',
    '  npm run cli -- indicators --bundle DIR [options]',
    '  npm run cli -- validate (--bundle DIR | --units FILE --schools FILE [--catchments FILE|voronoi] [--area FILE …])',
    '  npm run cli -- project (--bundle DIR | …) --network ID [--edits FILE] [--base-year Y] [--years 2026-2036] [--forecast FILE] [--format json|csv]',
    '  npm run cli -- export (--bundle DIR | …) [--edits FILE] [--year Y] --network ID --format geojson|gpkg --out FILE [--crs EPSG:4326]',
    '  npm run cli -- optimise --bundle DIR --network ID --measure share:ID --out PLAN.json [limits]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(12)}${d}`),
    '',
    'Options:',
  ];
  for (const [name, spec] of Object.entries(OPTIONS) as [string, OptionSpec][]) {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}${spec.multiple ? ' …' : ''}`;
    lines.push(`  ${flag.padEnd(30)}${spec.description}${spec.commands.length === 1 ? ` (${spec.commands[0]} only)` : ''}`);
  }
  lines.push('', 'Exit codes: 0 success, 2 problems with the input (listed on stderr), 1 internal error.', 'Docs: docs/cli.md, docs/data-formats.md.');
  return lines.join('\n') + '\n';
}

/** --max-mb in bytes; undefined when not given (the loaders' default applies). */
export function maxBytes(options: ParsedOptions): number | undefined {
  return options['max-mb'] ? Number(options['max-mb']) * 1024 ** 2 : undefined;
}
