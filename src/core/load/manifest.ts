/** The dataset bundle manifest (manifest.json): parsing and validation. */
import type { GridSpec } from '../model/grid-spec';
import { fail, ok, type Problem, type Result, errorText } from '../model/result';
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
/** Grid cell sizes accepted in a manifest, metres, and the largest number of cells a grid spec may span. */
export const GRID_CELL_SIZE_RANGE = [10, 100_000] as const;
export const MAX_GRID_CELLS = 50_000_000;

/** A grid spec whose cell size or extent is implausible for Finnish data is refused before any array is sized by it. */
function checkGrid(grid: Record<string, unknown>, bad: (field: string, message: string, fix: string) => void, implausible: (field: string, message: string, fix: string) => void): void {
  if (typeof grid !== 'object' || grid === null || Array.isArray(grid)) return bad('grid', '"grid" is not an object.', 'Write "grid": {"cellSize": 250, …} or leave it out.');
  const size = grid.cellSize;
  if (typeof size !== 'number' || !(size > 0)) return bad('grid.cellSize', `"grid.cellSize" is ${size === undefined ? 'missing' : JSON.stringify(size)}; it must be a positive number of metres.`, 'Give the grid cell size in metres, e.g. "grid": {"cellSize": 250, …}.');
  const [lo, hi] = GRID_CELL_SIZE_RANGE;
  if (size < lo || size > hi) return implausible('grid.cellSize', `"grid.cellSize" is ${size} m, outside the plausible range ${lo}–${hi} m for population grids.`, 'Give the cell size in metres (Statistics Finland grids: 250 or 1000).');
  for (const k of ['originX', 'originY', 'cols', 'rows'])
    if (grid[k] !== undefined && (typeof grid[k] !== 'number' || !Number.isFinite(grid[k] as number)))
      return bad(`grid.${k}`, `"grid.${k}" is ${JSON.stringify(grid[k])}, not a finite number.`, 'Give the grid origin in EPSG:3067 metres and the column and row counts as whole numbers, or leave them out.');
  const cols = grid.cols as number | undefined;
  const rows = grid.rows as number | undefined;
  if (cols !== undefined && (!Number.isInteger(cols) || cols < 1)) return bad('grid.cols', `"grid.cols" is ${cols}; it must be a whole number ≥ 1.`, 'Give the number of columns, or leave it out.');
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1)) return bad('grid.rows', `"grid.rows" is ${rows}; it must be a whole number ≥ 1.`, 'Give the number of rows, or leave it out.');
  if (cols !== undefined && rows !== undefined && cols * rows > MAX_GRID_CELLS)
    implausible('grid.cols', `"grid" spans ${cols} × ${rows} cells of ${size} m (${(cols * size) / 1000} km × ${(rows * size) / 1000} km), more than ${MAX_GRID_CELLS} cells or far beyond Finland.`, 'Correct "cols" and "rows" to the extent of the data (all of Finland at 250 m is about 2 800 × 4 600 cells).');
}

export function parseManifest(input: unknown, file = 'manifest.json'): Result<BundleManifest> {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return fail({ code: 'invalid-json', message: `The manifest is not valid JSON (${errorText(e)}).`, fix: 'Repair manifest.json (see docs/data-formats.md).', file });
    }
  }
  const problems: Problem[] = [];
  const bad = (field: string, message: string, fix: string) => problems.push({ code: 'invalid-manifest', message, fix, file, field });
  if (!json || typeof json !== 'object' || Array.isArray(json)) return fail({ code: 'invalid-manifest', message: 'The manifest is not a JSON object.', fix: 'See docs/data-formats.md for the bundle manifest.', file });
  const m = json as Record<string, unknown>;
  if (m.format !== BUNDLE_FORMAT) bad('format', `"format" is ${m.format === undefined ? 'missing' : JSON.stringify(m.format)}, expected "${BUNDLE_FORMAT}".`, `Set "format": "${BUNDLE_FORMAT}".`);
  if (m.version !== 1) bad('version', `"version" is ${m.version === undefined ? 'missing' : JSON.stringify(m.version)}; this tool reads version 1.`, 'Set "version": 1, or use a newer Catchment Studio.');
  if (m.crs !== undefined && m.crs !== 'EPSG:3067') bad('crs', `"crs" is ${JSON.stringify(m.crs)}; bundles are in EPSG:3067.`, 'Write the bundle files in EPSG:3067 and set "crs": "EPSG:3067".');
  const files = (m.files && typeof m.files === 'object' ? m.files : undefined) as Record<string, unknown> | undefined;
  for (const role of ['units', 'schools', 'catchments', 'context']) {
    const name = files?.[role];
    if (name === undefined && role === 'context') continue;
    if (typeof name !== 'string' || !name.trim()) bad(`files.${role}`, `"files.${role}" is ${name === undefined ? 'missing' : 'not a file name'}.`, role === 'context' ? 'Give the context file name or leave it out.' : `Name the ${role} file, e.g. "files": {"${role}": "${role}.fgb", …}.`);
  }
  if (files?.streets !== undefined && (typeof files.streets !== 'string' || !files.streets.trim())) bad('files.streets', '"files.streets" is not a file name.', 'Give the street layer file name or leave it out.');
  const grid = m.grid as Record<string, unknown> | undefined;
  if (grid !== undefined) checkGrid(grid, bad, (field, message, fix) => problems.push({ code: 'implausible-grid', message, fix, file, field }));
  const networks = Array.isArray(m.networks) ? m.networks : null;
  if (!networks || networks.length === 0) bad('networks', '"networks" is missing or empty.', 'List the school networks, e.g. [{"id": "fi-lower", "label": {…}, "language": "fi", "level": "lower"}].');
  const shown = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v));
  const ids = new Set<string>();
  networks?.forEach((n: Record<string, unknown>, i) => {
    if (!n || typeof n !== 'object' || Array.isArray(n)) return bad(`networks[${i}]`, `Network ${i} is ${JSON.stringify(n)}, not an object.`, 'Write each network as {"id": "fi-lower", "label": "…", "language": "fi", "level": "lower"}.');
    if (typeof n.id !== 'string' || !n.id) bad(`networks[${i}].id`, `Network ${i} has no "id".`, 'Give every network an id such as "fi-lower".');
    else if (ids.has(n.id)) bad(`networks[${i}].id`, `Network id "${n.id}" is declared twice.`, 'Give every network its own id.');
    else ids.add(n.id);
    if (n.language !== 'fi' && n.language !== 'sv') bad(`networks[${i}].language`, `Network ${i} has language ${shown(n.language)}.`, 'Use "fi" or "sv".');
    if (n.level !== 'lower' && n.level !== 'upper') bad(`networks[${i}].level`, `Network ${i} has level ${shown(n.level)}.`, 'Use "lower" (grades 1–6) or "upper" (grades 7–9).');
    const label = n.label;
    const labelOk = label === undefined || typeof label === 'string' || (label !== null && typeof label === 'object' && !Array.isArray(label) && Object.values(label).every((v) => typeof v === 'string') && typeof (label as Record<string, unknown>).en === 'string');
    if (!labelOk) bad(`networks[${i}].label`, `Network ${i} has label ${JSON.stringify(label)}; a label is text or {"fi": …, "sv": …, "en": …}.`, 'Write the label as text, or as an object with "fi", "sv" and "en" texts.');
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
