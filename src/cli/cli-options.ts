/**
 * The command-line options, declared once: they drive parsing (node:util parseArgs),
 * validation and --help.
 */
import { parseArgs } from 'node:util';
import type { Problem } from '../core/model/result';

export const COMMANDS = {
  indicators: 'Compute segregation indicators of the baseline catchments and print them (JSON or CSV).',
  validate: 'Load the data and print the loading report: counts, CRS, missing and suppressed values, warnings.',
  optimise: 'Propose a plan for one network that lowers a segregation measure within the limits; write it as an edits file.',
  help: 'Show this help.',
} as const;
export type Command = keyof typeof COMMANDS;

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  value?: string;
  description: string;
  commands: readonly Command[];
  choices?: readonly string[];
  /** A whole number ≥ this minimum. */
  integerMin?: number;
}

const BOTH: readonly Command[] = ['indicators', 'validate', 'optimise'];
const OPT: readonly Command[] = ['optimise'];

export const OPTIONS = {
  units: { type: 'string', value: 'FILE', description: 'Statistical units (grid cells or areas): GeoJSON, FlatGeobuf, zipped Shapefile, GeoPackage, CSV or GML.', commands: BOTH },
  schools: { type: 'string', value: 'FILE', description: 'School points: GeoJSON, FlatGeobuf, zipped Shapefile, GeoPackage, CSV or GML.', commands: BOTH },
  catchments: { type: 'string', value: 'FILE', description: 'Catchment polygons with fields network and school_id (any of the formats above).', commands: BOTH },
  context: { type: 'string', value: 'FILE', description: 'Optional boundary/water polygons (field kind).', commands: BOTH },
  bundle: { type: 'string', value: 'DIR', description: 'A dataset bundle folder with manifest.json (instead of --units/--schools/--catchments).', commands: BOTH },
  network: { type: 'string', value: 'ID', description: 'Only this network (e.g. fi-lower). Default: every network, printed as a JSON array. optimise: the network to plan.', commands: ['indicators', 'optimise'] },
  edits: { type: 'string', value: 'FILE', description: 'Apply the edits of FILE ({"edits": [...]}, e.g. from optimise --out) before computing.', commands: ['indicators', 'optimise'] },
  measure: { type: 'string', value: 'M', description: 'What to lower: share:ID (D of a share), mgd:ID / mgh:ID (multigroup D / H of a partition), or a weighted sum 0.5*share:a+0.5*mgh:b.', commands: OPT },
  'max-rezoned': { type: 'string', value: 'SHARE', description: 'Most children rezoned, share of the network (default 0.2; "none" = unlimited).', commands: OPT },
  'max-trip-increase': { type: 'string', value: 'SHARE', description: 'Largest increase of a child\'s trip, share of the starting trip (default none).', commands: OPT },
  'max-trip-increase-m': { type: 'string', value: 'METRES', description: 'Largest increase of a child\'s trip in metres (default none).', commands: OPT },
  utilisation: { type: 'string', value: 'LOW,HIGH', description: 'Utilisation band of every school (default 0.85,1.10; "none"). A school outside it at the start may not move further out.', commands: OPT },
  lock: { type: 'string', value: 'IDS', description: 'Comma-separated school ids kept exactly as they are.', commands: OPT },
  year: { type: 'string', value: 'Y', description: 'School year of the projection (not in this build: base year only).', commands: OPT },
  seconds: { type: 'string', value: 'S', description: 'Search time in seconds (default 30).', commands: OPT },
  seed: { type: 'string', value: 'N', description: 'Seed of the search (default 1): the same seed and time give a similar plan; use it to reproduce.', commands: OPT, integerMin: 0 },
  out: { type: 'string', value: 'FILE', description: 'Where optimise writes the plan ({"edits": [...]}).', commands: OPT },
  bound: { type: 'boolean', description: 'Also compute the LP lower bound of the measure under the same limits (HiGHS; D measures only).', commands: OPT },
  config: { type: 'string', value: 'FILE', description: 'Indicator configuration JSON. Default: the preset that fits the unit fields.', commands: BOTH },
  format: { type: 'string', value: 'json|csv|text', description: 'Output format. indicators: json (default) or csv; validate: text (default) or json.', commands: BOTH, choices: ['json', 'csv', 'text'] },
  'privacy-threshold': { type: 'string', value: 'N', description: 'Hide figures resting on fewer than N people (default: from the configuration).', commands: ['indicators'], integerMin: 1 },
  'max-mb': { type: 'string', value: 'N', description: 'Refuse input files larger than N megabytes (default 2048).', commands: BOTH, integerMin: 1 },
  help: { type: 'boolean', short: 'h', description: 'Show help.', commands: ['help', ...BOTH] },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
export type ParsedOptions = Partial<Record<Exclude<OptionName, 'help' | 'bound'>, string>> & { help?: boolean; bound?: boolean };

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
    if (typeof value !== 'string') continue;
    if (spec.choices && !spec.choices.includes(value)) return bad(`--${name} must be one of ${spec.choices.join(', ')}, got "${value}".`, name);
    if (spec.integerMin !== undefined && !(/^\d+$/.test(value) && Number(value) >= spec.integerMin)) return bad(`--${name} must be a whole number ≥ ${spec.integerMin}, got "${value}".`, name);
  }
  if (command === 'indicators' && options.format === 'text') return bad('indicators prints json or csv, not text.', 'format');
  if (command === 'optimise' && options.format && options.format !== 'json') return bad('optimise prints json.', 'format');
  if (command === 'validate' && options.format === 'csv') return bad('validate prints text or json, not csv.', 'format');
  if (command !== 'help') {
    const files = [options.units, options.schools, options.catchments];
    if (options.bundle && files.some(Boolean)) return bad('Give either --bundle or --units/--schools/--catchments, not both.', 'bundle');
    if (!options.bundle && !files.every(Boolean)) return bad('Give --units, --schools and --catchments (or --bundle DIR).');
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
    '  npm run cli -- indicators --bundle DIR [options]',
    '  npm run cli -- validate (--bundle DIR | --units FILE --schools FILE --catchments FILE)',
    '  npm run cli -- optimise --bundle DIR --network ID --measure share:ID --out PLAN.json [limits]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(12)}${d}`),
    '',
    'Options:',
  ];
  for (const [name, spec] of Object.entries(OPTIONS) as [string, OptionSpec][]) {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    lines.push(`  ${flag.padEnd(30)}${spec.description}${spec.commands.length === 1 ? ` (${spec.commands[0]} only)` : ''}`);
  }
  lines.push('', 'Exit codes: 0 success, 2 problems with the input (listed on stderr), 1 internal error.', 'Docs: docs/cli.md, docs/data-formats.md.');
  return lines.join('\n') + '\n';
}
