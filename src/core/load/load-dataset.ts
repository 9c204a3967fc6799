/**
 * Load a Dataset from files given as bytes or text (never paths): the browser app and the
 * CLI share this. Every problem names the file, the feature, the field and the fix.
 */
import type { Dataset, Place } from '../model/dataset';
import type { BBox, MultiPolygon } from '../model/geometry-types';
import { fail, ok, type Problem, type Result } from '../model/result';
import type { School } from '../model/school';
import { buildCatchments } from './build-catchments';
import { buildSchools } from './build-schools';
import { buildUnits, type UnitsReport } from './build-units';
import { findField, tableReport, textValue, type FeatureTable, type TableReport } from './feature-table';
import { parseManifest, type BundleManifest } from './manifest';
import { normaliseMultiPolygon } from './polygon-utils';
import { DEFAULT_MAX_BYTES, readFeatures, type InputFile, type ReadOptions } from './read-features';
import type { ProgressCallback } from './table-builder';

export interface DatasetInputs {
  units: InputFile;
  schools: InputFile;
  catchments: InputFile;
  context?: InputFile;
  /** Parsed manifest.json (bundle); gives name, source, grid and networks. */
  manifest?: unknown;
}

export interface LoadOptions {
  /** Refuse any input file larger than this many bytes. Default 2 GB. */
  maxBytes?: number;
  /** Largest corner move (metres) when snapping near-square cells to the grid. Default 5. */
  snapToleranceMetres?: number;
  /** Unit fields that must exist and be numeric (from the indicator configuration). */
  numericFields?: readonly string[];
  /** CRS chosen by the user per file ("EPSG:3879", …); an InputFile's own crsOverride wins. */
  crsOverride?: Partial<Record<FileReport['role'], string>>;
  /** Progress over all files: fraction 0…1 and a message naming the file. */
  onProgress?: ProgressCallback;
  /** Cell size (metres) for CSV grids given by corner columns without ids. */
  cellSize?: number;
  /** How to find sql.js in the browser (GeoPackage input). */
  sqlJs?: ReadOptions['sqlJs'];
  /** GeoPackage table or ZIP member to read, per file. */
  layers?: Partial<Record<FileReport['role'], string>>;
}

export type { TableReport };

export interface FileReport extends TableReport {
  /** 'area': the planning area (CLI --area). */
  role: 'units' | 'schools' | 'catchments' | 'context' | 'area';
}

/** What was loaded, for `validate` and the app's import summary. */
export interface LoadReport {
  files: FileReport[];
  units: UnitsReport;
  /** Lower-cased field names of the units file (for preset detection). */
  unitFields: string[];
  schools: { count: number; fi: number; sv: number; withCapacity: number };
  networks: { id: string; label: string; schools: number }[];
  preset?: string;
}

export interface LoadedDataset {
  dataset: Dataset;
  report: LoadReport;
  manifest?: BundleManifest;
}

/** Load and validate a dataset; see loadDatasetWithReport for the loading report. */
export async function loadDataset(inputs: DatasetInputs, options: LoadOptions = {}): Promise<Result<Dataset>> {
  const r = await loadDatasetWithReport(inputs, options);
  return r.ok ? ok(r.value.dataset, r.warnings) : r;
}

export async function loadDatasetWithReport(inputs: DatasetInputs, options: LoadOptions = {}): Promise<Result<LoadedDataset>> {
  let manifest: BundleManifest | undefined;
  if (inputs.manifest !== undefined) {
    const m = parseManifest(inputs.manifest);
    if (!m.ok) return m;
    manifest = m.value;
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const roles = (['units', 'schools', 'catchments', 'context'] as const).filter((r) => inputs[r]);
  const fractions = roles.map(() => 0);
  const tables = await Promise.all(
    roles.map((r, i) =>
      readFeatures(inputs[r]!, {
        maxBytes,
        crsOverride: options.crsOverride?.[r],
        cellSize: options.cellSize,
        sqlJs: options.sqlJs,
        layer: options.layers?.[r],
        onProgress: options.onProgress
          ? (f, message) => {
              fractions[i] = f;
              options.onProgress!(fractions.reduce((a, b) => a + b, 0) / roles.length, `${inputs[r]!.name}: ${message}`);
            }
          : undefined,
      }),
    ),
  );
  const problems = tables.flatMap((t) => (t.ok ? [] : t.problems));
  if (problems.length) return fail(...problems);
  const byRole = Object.fromEntries(roles.map((r, i) => [r, (tables[i] as { value: FeatureTable }).value])) as Record<(typeof roles)[number], FeatureTable>;
  const warnings: Problem[] = tables.flatMap((t) => (t.ok ? t.warnings : []));

  const units = buildUnits(byRole.units, { grid: manifest?.grid, snapToleranceMetres: options.snapToleranceMetres, numericFields: options.numericFields });
  const schools = buildSchools(byRole.schools);
  const errors = [...(units.ok ? [] : units.problems), ...(schools.ok ? [] : schools.problems)];
  if (!units.ok || !schools.ok) return fail(...errors);
  const catchments = buildCatchments(byRole.catchments, schools.value, { networks: manifest?.networks });
  if (!catchments.ok) return catchments;
  warnings.push(...units.warnings, ...schools.warnings, ...catchments.warnings);
  const context = byRole.context ? readContext(byRole.context, warnings) : {};

  const dataset: Dataset = {
    name: manifest?.name ?? inputs.units.name.replace(/\.[^.]+$/, ''),
    source: manifest?.source ?? '',
    units: units.value.units,
    schools: schools.value,
    networks: catchments.value.networks,
    partitions: catchments.value.partitions,
    ...context,
    ...(manifest?.year !== undefined ? { year: manifest.year } : {}),
  };
  const report: LoadReport = {
    files: roles.map((role) => fileReport(role, byRole[role])),
    units: units.value.report,
    unitFields: byRole.units.fieldNames,
    schools: schoolCounts(schools.value),
    networks: dataset.networks.map((n) => ({ id: n.id, label: n.label, schools: n.schoolIds.length })),
    preset: manifest?.preset,
  };
  return ok({ dataset, report, manifest }, warnings);
}

function fileReport(role: FileReport['role'], t: FeatureTable): FileReport {
  return { role, ...tableReport(t) };
}

function schoolCounts(schools: School[]): LoadReport['schools'] {
  return {
    count: schools.length,
    fi: schools.filter((s) => s.language === 'fi').length,
    sv: schools.filter((s) => s.language === 'sv').length,
    withCapacity: schools.filter((s) => s.capacity !== null).length,
  };
}

/**
 * Context polygons: "kind" = "boundary" (municipal boundary) or "water" (sea and lakes). Every
 * named polygon (field "name", "nimi" or "namn": a lake, a district, a postal area) is also
 * kept as a place to search for, with its bounding box.
 */
export function readContext(t: FeatureTable, warnings: Problem[]): { boundary?: MultiPolygon; water?: MultiPolygon; places?: Place[] } {
  const kindField = findField(t, ['kind', 'type', 'laji']);
  const nameField = findField(t, ['name', 'nimi', 'namn']);
  const boundary: MultiPolygon = [];
  const water: MultiPolygon = [];
  const places: Place[] = [];
  let skipped = 0;
  t.geometries.forEach((g, i) => {
    const kind = kindField ? (textValue(t, kindField, i)?.toLowerCase() ?? '') : 'boundary';
    const name = nameField ? textValue(t, nameField, i)?.trim() : undefined;
    if (g?.kind !== 'polygons') return void skipped++;
    const polygons = normaliseMultiPolygon(g.polygons);
    const bbox = boundsOfPolygons(polygons);
    if (name && bbox) places.push({ name, kind: kind || 'area', bbox });
    if (kind === 'boundary' || kind === 'water') (kind === 'water' ? water : boundary).push(...polygons);
    else if (!name) skipped++;
  });
  if (skipped)
    warnings.push({ code: 'context-skipped', message: `${skipped} context feature(s) were not polygons with kind "boundary" or "water" (or a name) and were left out.`, fix: 'Give context polygons a field "kind" = "boundary" or "water", or a field "name".', file: t.file });
  return { ...(boundary.length ? { boundary } : {}), ...(water.length ? { water } : {}), ...(places.length ? { places } : {}) };
}

function boundsOfPolygons(mp: MultiPolygon): BBox | null {
  let b: BBox | null = null;
  for (const polygon of mp)
    for (const [x, y] of polygon[0] ?? []) b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
  return b;
}
