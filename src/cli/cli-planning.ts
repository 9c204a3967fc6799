/**
 * The CLI's planning flow, the wizard's steps without a screen: schools filtered by
 * --schools-where (all conditions must hold) before anything else; units cut to the planning
 * area of --area (its polygons satisfying --area-where); schools outside the area left out with
 * a warning naming them; catchments read from --catchments FILE, generated with
 * --catchments voronoi inside the planning area (the schools the wizard would include by default),
 * or none (validate with units and schools only).
 */
import { buildCatchments } from '../core/load/build-catchments';
import { buildSchools, SCHOOL_FIELDS } from '../core/load/build-schools';
import { buildUnits } from '../core/load/build-units';
import { findField, tableReport, textValue, type FeatureTable } from '../core/load/feature-table';
import { readContext, type LoadedDataset, type LoadReport } from '../core/load/load-dataset';
import { DEFAULT_MAX_BYTES, readFeatures } from '../core/load/read-features';
import { subsetTable } from '../core/mapping/area-filter';
import { conditionsText, featuresWhere, parseCondition, type FieldCondition } from '../core/mapping/feature-filter';
import { generatedNetworks } from '../core/mapping/generated-networks';
import { restrictToArea } from '../core/mapping/planning-area';
import { pointsOutside, truncatedNames } from '../core/mapping/school-flags';
import { inferSchool } from '../core/mapping/school-inference';
import { unitsHull } from '../core/geometry/convex-hull';
import type { Dataset } from '../core/model/dataset';
import type { MultiPolygon } from '../core/model/geometry-types';
import { fail, ok, type Problem, type Result } from '../core/model/result';
import type { Network, Partition, School } from '../core/model/school';
import { readInput, type CliIo } from './cli-io';
import { maxBytes as maxBytesOf, VORONOI, type ParsedOptions } from './cli-options';

type Role = 'units' | 'schools' | 'catchments' | 'area' | 'context';

function conditions(texts: string[] | undefined): FieldCondition[] {
  return (texts ?? []).map((t) => {
    const c = parseCondition(t);
    return c.ok ? c.value : null;
  }).filter((c): c is FieldCondition => c !== null);
}

async function readTables(io: CliIo, paths: Partial<Record<Role, string>>, maxBytes: number): Promise<Result<Partial<Record<Role, FeatureTable>>>> {
  const roles = (Object.keys(paths) as Role[]).filter((r) => paths[r]);
  const bytes = await Promise.all(roles.map((r) => readInput(io, paths[r]!, r === 'area' ? 'planning-area' : r)));
  const missing = bytes.flatMap((b) => (b.ok ? [] : b.problems));
  if (missing.length) return fail(...missing);
  const tables = await Promise.all(roles.map((r, i) => readFeatures({ name: paths[r]!, bytes: (bytes[i] as { value: Uint8Array }).value }, { maxBytes })));
  const problems = tables.flatMap((t) => (t.ok ? [] : t.problems));
  if (problems.length) return fail(...problems);
  const warnings = tables.flatMap((t) => (t.ok ? t.warnings : []));
  return ok(Object.fromEntries(roles.map((r, i) => [r, (tables[i] as { value: FeatureTable }).value])), warnings);
}

/** The schools of the table satisfying every --schools-where condition; a problem when none is left. */
function filteredSchoolTable(table: FeatureTable, where: FieldCondition[]): Result<FeatureTable> {
  if (where.length === 0) return ok(table);
  const keep = featuresWhere(table, where, 'schools file');
  if (!keep.ok) return keep;
  const sub = subsetTable(table, keep.value);
  if (sub.count === 0)
    return fail({ code: 'schools-none-kept', message: `No school of ${table.file} has ${conditionsText(where)}.`, fix: 'Check the --schools-where fields and values (e.g. kunta=837 for Tampere, olo=0 for active schools).', file: table.file, field: 'schools-where' });
  return ok(sub);
}

/**
 * The schools the wizard includes by default for generated catchments: not a special-education
 * school (register type 12) and with a language the file or the name gives. The others are left
 * out, each group named in a warning.
 */
function defaultSchools(table: FeatureTable, schools: School[], warnings: Problem[]): School[] {
  const idField = findField(table, SCHOOL_FIELDS.id);
  const langField = findField(table, SCHOOL_FIELDS.language);
  const gradeField = findField(table, SCHOOL_FIELDS.grades);
  const rowOf = new Map<string, number>();
  if (idField) for (let i = 0; i < table.count; i++) rowOf.set(textValue(table, idField, i) ?? '', i);
  const special: string[] = [];
  const unknown: string[] = [];
  const kept: School[] = [];
  for (const s of schools) {
    const i = rowOf.get(s.id) ?? -1;
    const inferred = inferSchool(s.name, i >= 0 ? textValue(table, 'oltyp', i) : null);
    const hasLanguage = !!(langField && i >= 0 && textValue(table, langField, i));
    const hasGrades = !!(gradeField && i >= 0 && textValue(table, gradeField, i));
    if (inferred.type === 'special' && !hasGrades) special.push(s.id);
    else if (!hasLanguage && inferred.language.value === null) unknown.push(s.id);
    else kept.push(hasLanguage || !inferred.language.value ? s : { ...s, language: inferred.language.value });
  }
  if (special.length)
    warnings.push({ code: 'special-schools-left-out', message: `${special.length} special-education school(s) (register type 12) get no generated catchment, as in the wizard.`, fix: 'Give them a "grades" field to include them.', file: table.file, ids: special });
  if (unknown.length)
    warnings.push({ code: 'language-unknown-left-out', message: `${unknown.length} school(s) have no language field and a name that gives none; they get no generated catchment.`, fix: 'Add a field "language" ("fi"/"sv") for them, or leave them out with --schools-where.', file: table.file, field: 'language', ids: unknown });
  return kept;
}

/** Ids (of `among`) whose names look cut short, judged over the whole file (the field width is the file's). */
function truncatedIds(table: FeatureTable, among: ReadonlySet<string>): string[] {
  const idField = findField(table, SCHOOL_FIELDS.id);
  const nameField = findField(table, SCHOOL_FIELDS.name);
  if (!idField || !nameField) return [];
  const names = Array.from({ length: table.count }, (_, i) => textValue(table, nameField, i) ?? '');
  const cut = truncatedNames(names);
  return names.flatMap((_, i) => {
    const id = textValue(table, idField, i) ?? '';
    return cut[i] && among.has(id) ? [id] : [];
  });
}

/** Load units, schools and catchments the planning way (see the file comment). */
export async function loadPlanned(io: CliIo, options: ParsedOptions): Promise<Result<LoadedDataset>> {
  const maxBytes = maxBytesOf(options) ?? DEFAULT_MAX_BYTES;
  const voronoi = options.catchments === VORONOI;
  const paths = { units: options.units, schools: options.schools, ...(options.catchments && !voronoi ? { catchments: options.catchments } : {}), area: options.area, context: options.context };
  const read = await readTables(io, paths, maxBytes);
  if (!read.ok) return read;
  const t = read.value;
  const warnings: Problem[] = [...read.warnings];
  const schoolTable = filteredSchoolTable(t.schools!, conditions(options['schools-where']));
  if (!schoolTable.ok) return schoolTable;

  let unitTable = t.units!;
  let units = buildUnits(unitTable, {});
  if (!units.ok) return units;
  let outline: (() => MultiPolygon) | null = null;
  let area: MultiPolygon | null = null;
  if (t.area) {
    const cut = restrictToArea({ table: unitTable, units, warnings: [] }, t.area, conditions(options['area-where']));
    if (!cut.ok) return cut;
    if (!cut.value.units.ok) return cut.value.units;
    unitTable = cut.value.table;
    units = cut.value.units;
    outline = cut.value.outline;
    area = cut.value.area;
    warnings.push(...cut.value.warnings.map((w) => ({ ...w, fix: w.code === 'area-applied' ? 'Change --area-where, or leave --area out to use every unit.' : w.fix })));
  }
  warnings.push(...units.warnings);

  const built = buildSchools(schoolTable.value);
  if (!built.ok) return built;
  warnings.push(...built.warnings);
  let schools = built.value;
  const truncated = truncatedIds(t.schools!, new Set(schools.map((s) => s.id)));
  if (truncated.length)
    warnings.push({ code: 'names-truncated', message: `${truncated.length} school name(s) look cut short (as long as the file's longest names, without a complete ending such as "koulu").`, fix: 'Check those schools and their language; correct the names in the schools file if needed.', file: schoolTable.value.file, field: 'name', ids: truncated });
  if (area) {
    const outside = pointsOutside(schools.map((s) => s.location), area);
    const ids = schools.filter((_, i) => outside[i]).map((s) => s.id);
    if (ids.length) {
      warnings.push({ code: 'schools-outside-area', message: `${ids.length} school(s) lie outside the planning area and are left out, as in the wizard.`, fix: 'Check their coordinates, or widen the area with --area-where.', file: schoolTable.value.file, ids });
      schools = schools.filter((_, i) => !outside[i]);
    }
  }

  let networks: Network[] = [];
  let partitions: Record<string, Partition> = {};
  if (voronoi) {
    const chosen = defaultSchools(schoolTable.value, schools, warnings);
    const generated = generatedNetworks(chosen, outline ? outline() : unitsHull(units.value.units));
    if (!generated.ok) return generated;
    warnings.push(...generated.value.warnings);
    ({ networks, partitions } = generated.value);
    schools = chosen;
  } else if (t.catchments) {
    const catchments = buildCatchments(t.catchments, schools, {});
    if (!catchments.ok) return catchments;
    warnings.push(...catchments.warnings);
    ({ networks, partitions } = catchments.value);
  } else warnings.push({ code: 'no-catchments', message: 'No catchments were given: units and schools only.', fix: 'Give --catchments FILE, or --catchments voronoi to generate them inside the planning area.' });

  const context = t.context ? readContext(t.context, warnings) : {};
  const dataset: Dataset = { name: unitTable.file.replace(/\.[^.]+$/, ''), source: '', units: units.value.units, schools, networks, partitions, ...context };
  const files = (Object.keys(t) as Role[]).map((role) => ({ role, ...tableReport(t[role]!) }));
  const report: LoadReport = {
    files,
    units: units.value.report,
    unitFields: unitTable.fieldNames,
    schools: { count: schools.length, fi: schools.filter((s) => s.language === 'fi').length, sv: schools.filter((s) => s.language === 'sv').length, withCapacity: schools.filter((s) => s.capacity !== null).length },
    networks: networks.map((n) => ({ id: n.id, label: n.label, schools: n.schoolIds.length })),
  };
  return ok({ dataset, report }, warnings);
}
