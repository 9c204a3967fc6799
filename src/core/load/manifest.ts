/** The dataset bundle manifest (manifest.json): parsing and validation. */
import type { GridSpec } from '../model/grid-spec';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { NetworkDeclaration } from './build-catchments';

export const BUNDLE_FORMAT = 'catchment-studio-bundle';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: 1;
  name: string;
  /** Attribution line. */
  source: string;
  crs: 'EPSG:3067';
  preset?: string;
  /** Present for grid units (cellSize required; the rest optional). */
  grid?: Partial<GridSpec> & { cellSize: number };
  networks: NetworkDeclaration[];
  /** `streets`: optional street line layer for trip lengths (docs/travel.md). */
  files: { units: string; schools: string; catchments: string; context?: string; streets?: string };
  /** Optional indicator configuration file beside the manifest (docs/indicator-config.md); overrides `preset`. */
  config?: string;
  /** Year of the statistics: the base year of projections (docs/data-formats.md). */
  year?: number;
}

/** Validate a parsed manifest.json (or its text). Every problem names the field and the fix. */
export function parseManifest(input: unknown, file = 'manifest.json'): Result<BundleManifest> {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return fail({ code: 'invalid-json', message: `The manifest is not valid JSON (${(e as Error).message}).`, fix: 'Repair manifest.json (see docs/data-formats.md).', file });
    }
  }
  const problems: Problem[] = [];
  const bad = (field: string, message: string, fix: string) => problems.push({ code: 'invalid-manifest', message, fix, file, field });
  if (!json || typeof json !== 'object' || Array.isArray(json)) return fail({ code: 'invalid-manifest', message: 'The manifest is not a JSON object.', fix: 'See docs/data-formats.md for the bundle manifest.', file });
  const m = json as Record<string, unknown>;
  if (m.format !== BUNDLE_FORMAT) bad('format', `"format" is ${JSON.stringify(m.format)}, expected "${BUNDLE_FORMAT}".`, `Set "format": "${BUNDLE_FORMAT}".`);
  if (m.version !== 1) bad('version', `"version" is ${JSON.stringify(m.version)}; this tool reads version 1.`, 'Set "version": 1, or use a newer Catchment Studio.');
  if (m.crs !== undefined && m.crs !== 'EPSG:3067') bad('crs', `"crs" is ${JSON.stringify(m.crs)}; bundles are in EPSG:3067.`, 'Write the bundle files in EPSG:3067 and set "crs": "EPSG:3067".');
  const files = m.files as Record<string, unknown> | undefined;
  for (const role of ['units', 'schools', 'catchments'])
    if (!files || typeof files[role] !== 'string') bad(`files.${role}`, `"files.${role}" is missing.`, `Name the ${role} file, e.g. "files": {"${role}": "${role}.fgb", …}.`);
  if (files?.context !== undefined && typeof files.context !== 'string') bad('files.context', '"files.context" is not a file name.', 'Give the context file name or leave it out.');
  if (files?.streets !== undefined && typeof files.streets !== 'string') bad('files.streets', '"files.streets" is not a file name.', 'Give the street layer file name or leave it out.');
  const grid = m.grid as Record<string, unknown> | undefined;
  if (grid !== undefined && (typeof grid !== 'object' || !(Number(grid.cellSize) > 0))) bad('grid.cellSize', '"grid.cellSize" is missing or not positive.', 'Give the grid cell size in metres, e.g. "grid": {"cellSize": 250, …}.');
  const networks = Array.isArray(m.networks) ? m.networks : null;
  if (!networks || networks.length === 0) bad('networks', '"networks" is missing or empty.', 'List the school networks, e.g. [{"id": "fi-lower", "label": {…}, "language": "fi", "level": "lower"}].');
  networks?.forEach((n: Record<string, unknown>, i) => {
    if (typeof n?.id !== 'string' || !n.id) bad(`networks[${i}].id`, `Network ${i} has no "id".`, 'Give every network an id such as "fi-lower".');
    if (n?.language !== 'fi' && n?.language !== 'sv') bad(`networks[${i}].language`, `Network ${i} has language ${JSON.stringify(n?.language)}.`, 'Use "fi" or "sv".');
    if (n?.level !== 'lower' && n?.level !== 'upper') bad(`networks[${i}].level`, `Network ${i} has level ${JSON.stringify(n?.level)}.`, 'Use "lower" (grades 1–6) or "upper" (grades 7–9).');
  });
  if (m.year !== undefined && !(Number.isInteger(m.year) && (m.year as number) >= 1900 && (m.year as number) <= 2200)) bad('year', `"year" is ${JSON.stringify(m.year)}, not a year.`, 'Give the year of the statistics, e.g. "year": 2024, or leave it out.');
  if (problems.length) return fail(...problems);
  return ok({
    format: BUNDLE_FORMAT,
    version: 1,
    name: typeof m.name === 'string' ? m.name : 'Unnamed dataset',
    source: typeof m.source === 'string' ? m.source : '',
    crs: 'EPSG:3067',
    preset: typeof m.preset === 'string' ? m.preset : undefined,
    grid: grid ? ({ ...grid, cellSize: Number(grid.cellSize) } as BundleManifest['grid']) : undefined,
    networks: networks!.map((n: Record<string, unknown>) => ({
      id: n.id as string,
      label: (n.label ?? n.id) as NetworkDeclaration['label'],
      language: n.language as NetworkDeclaration['language'],
      level: n.level as NetworkDeclaration['level'],
    })),
    files: files as BundleManifest['files'],
    config: typeof m.config === 'string' ? m.config : undefined,
    ...(m.year !== undefined ? { year: m.year as number } : {}),
  });
}
