/**
 * Pure helpers of the import service on tables as read (FeatureTable, EPSG:3067): the file
 * summary the wizard shows, field mapping by column copy, totals by a grouping field, and the
 * grouping of picked files into one layer (a bare .shp with its side files).
 */
import type { FeatureTable } from '../../core/load/feature-table';
import { tableReport, textValue } from '../../core/load/feature-table';
import { fail, ok, type Problem, type Result } from '../../core/model/result';
import type { GroupTotal, ImportFileInput, ImportFileSummary, ImportRole } from '../workers/import-protocol';

/** A column is numeric when at most half of its present values are non-numeric text. */
export function isNumericColumn(table: FeatureTable, field: string): boolean {
  const col = table.columns[field];
  return !!col && col.present > 0 && col.nonNumeric.length * 2 <= col.present;
}

/** What the wizard shows of a file just read. */
export function fileSummary(role: ImportRole, table: FeatureTable, warnings: Problem[]): ImportFileSummary {
  const geometry = { points: 0, polygons: 0, other: 0, none: 0 };
  for (const g of table.geometries) {
    if (!g) geometry.none++;
    else if (g.kind === 'point') geometry.points++;
    else if (g.kind === 'polygons') geometry.polygons++;
    else geometry.other++;
  }
  return {
    role,
    ...tableReport(table),
    geometry,
    fields: table.fieldNames.map((name) => ({ name, numeric: isNumericColumn(table, name) })),
    warnings,
  };
}

/**
 * The table with each canonical field added as a copy of its source column (sentinels and
 * non-numeric cells included, so validation still sees them). Mappings to the field itself or
 * to "" are skipped; an existing column of the canonical name is replaced.
 */
export function withMappedColumns(table: FeatureTable, mapping: Record<string, string>): FeatureTable {
  const columns = { ...table.columns };
  const fieldNames = [...table.fieldNames];
  for (const [target, source] of Object.entries(mapping)) {
    const src = source.toLowerCase();
    if (!src || src === target || !table.columns[src]) continue;
    columns[target] = { ...table.columns[src], name: target };
    if (!fieldNames.includes(target)) fieldNames.push(target);
  }
  return { ...table, columns, fieldNames };
}

/** Text fields (not numeric) of a table, e.g. municipality codes and names. */
export function textFields(table: FeatureTable): string[] {
  return table.fieldNames.filter((f) => !isNumericColumn(table, f) || /^(kunta|kuntano|kunta_nimi|municipality|olo|oltyp|language|kieli|network|verkko)$/.test(f));
}

/**
 * Units and Σ population per value of `field` (missing values grouped as ""), sorted by value.
 * NaN and negative populations count as 0.
 */
export function groupTotals(table: FeatureTable, field: string, population: Float64Array): GroupTotal[] {
  const groups = new Map<string, GroupTotal>();
  for (let i = 0; i < table.count; i++) {
    const value = textValue(table, field, i) ?? '';
    const g = groups.get(value) ?? { value, units: 0, population: 0 };
    g.units++;
    const p = population[i];
    if (p > 0) g.population += p;
    groups.set(value, g);
  }
  return [...groups.values()].sort((a, b) => a.value.localeCompare(b.value));
}

const SHAPEFILE_SIDES = /\.(dbf|prj|cpg|shx|sbn|sbx|qix|qmd|xml)$/i;

/**
 * One layer from the files picked for a role: a single file as is; a .shp with its side files
 * (.dbf, .prj, .cpg, .shx) as companions; anything else is refused with the reason.
 */
export function groupInputFiles(files: readonly { name: string; bytes: Uint8Array }[]): Result<ImportFileInput> {
  if (files.length === 0) return fail({ code: 'no-file', message: 'No file was chosen.', fix: 'Choose or drop a file.' });
  if (files.length === 1) return ok({ name: files[0].name, bytes: files[0].bytes });
  const shp = files.filter((f) => /\.shp$/i.test(f.name));
  const others = files.filter((f) => !/\.shp$/i.test(f.name));
  if (shp.length === 1 && others.every((f) => SHAPEFILE_SIDES.test(f.name)))
    return ok({ name: shp[0].name, bytes: shp[0].bytes, companions: others.map((f) => ({ name: f.name, bytes: f.bytes })) });
  return fail({
    code: 'several-files',
    message: `${files.length} files were chosen for one layer (${files.map((f) => f.name).join(', ')}).`,
    fix: 'Choose one file per layer; for a Shapefile choose the .shp with its .dbf, .prj and .cpg, or a .zip of them.',
    file: files.map((f) => f.name).join(', '),
  });
}
