/**
 * Schools and networks of an import (pure, runs in the worker): language and grades per school
 * from the file's fields or inferred from the name and register type, the user's overrides,
 * networks by language and level, and their partitions — from a catchments file matched to the
 * schools, or generated as Voronoi cells clipped to the outline. Geometry in EPSG:3067 metres.
 */
import { SCHOOL_FIELDS, parseGrades, parseLanguage } from '../../core/load/build-schools';
import { CATCHMENT_FIELDS } from '../../core/load/build-catchments';
import { findField, textValue, type FeatureTable } from '../../core/load/feature-table';
import { normaliseMultiPolygon } from '../../core/load/polygon-utils';
import { inferSchool } from '../../core/mapping/school-inference';
import type { CatchmentRecord, MatchReport } from '../../core/mapping/school-matching';
import { LEVELS, networkLabel, type NetworkBuild } from '../../core/mapping/generated-networks';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { ok, type Result } from '../../core/model/result';
import { featuresWhere, type FieldCondition } from '../../core/mapping/feature-filter';
import { schoolServesLevel, type Language, type School, type SchoolLevel } from '../../core/model/school';
import type { SchoolChoices, SchoolFlag, SchoolRow } from '../workers/import-protocol';

/** Schools the user must decide about: outside the planning area, or a name cut short (by id). */
export interface SchoolFlagSets {
  outside: ReadonlySet<string>;
  truncated: ReadonlySet<string>;
}

const NO_FLAGS: SchoolFlagSets = { outside: new Set(), truncated: new Set() };

/**
 * One row per school of the file: language and grades from the file's own fields (high
 * confidence) or inferred (school-inference.ts), then the user's overrides. A school is
 * included by default when both are known, it is not a special-education school and it lies
 * inside the planning area. Schools outside the area, with a name cut short, or with unknown
 * language or grades carry flags, so the wizard lists them for the user to decide.
 */
export function schoolRows(table: FeatureTable, schools: readonly School[], overrides: SchoolChoices['overrides'], sets: SchoolFlagSets = NO_FLAGS): SchoolRow[] {
  const langField = findField(table, SCHOOL_FIELDS.language);
  const gradeField = findField(table, SCHOOL_FIELDS.grades);
  const idField = findField(table, SCHOOL_FIELDS.id);
  const rowOf = new Map<string, number>();
  if (idField) for (let i = 0; i < table.count; i++) rowOf.set(textValue(table, idField, i) ?? '', i);
  return schools.map((s) => {
    const i = rowOf.get(s.id) ?? -1;
    const inferred = inferSchool(s.name, i >= 0 ? textValue(table, 'oltyp', i) : null);
    const langText = langField && i >= 0 ? textValue(table, langField, i) : null;
    const gradeText = gradeField && i >= 0 ? textValue(table, gradeField, i) : null;
    const fileLang = langText ? parseLanguage(langText) : null;
    const fileGrades = gradeText ? parseGrades(gradeText) : null;
    const o = overrides[s.id] ?? {};
    const language = o.language !== undefined ? o.language : (fileLang ?? inferred.language.value);
    const grades = o.grades !== undefined ? o.grades : (fileGrades ?? inferred.grades.value);
    const languageConfidence = o.language !== undefined ? 'high' : fileLang ? 'high' : inferred.language.confidence;
    const gradesConfidence = o.grades !== undefined ? 'high' : fileGrades ? 'high' : inferred.grades.confidence;
    const languageReason = o.language !== undefined ? 'set by you' : fileLang ? `field "${langField}"` : inferred.language.reason;
    const gradesReason = o.grades !== undefined ? 'set by you' : fileGrades ? `field "${gradeField}"` : inferred.grades.reason;
    const outside = sets.outside.has(s.id);
    const flags: SchoolFlag[] = [];
    if (outside) flags.push('outside-area');
    if (sets.truncated.has(s.id)) flags.push('truncated-name');
    if (language === null) flags.push('language-unknown');
    if (grades === null) flags.push('grades-unknown');
    const excludedReason =
      inferred.type === 'special' && !fileGrades ? 'special-education school' : outside ? 'outside planning area' : language === null ? 'language unknown' : grades === null ? 'grades unknown' : undefined;
    const include = o.include ?? excludedReason === undefined;
    return { id: s.id, name: s.name, language, languageConfidence, languageReason, grades, gradesConfidence, gradesReason, include, flags, ...(excludedReason ? { excludedReason } : {}), catchment: null };
  });
}

/** Schools of the file whose features satisfy every condition (compared as feature-filter.ts does). */
export function filterSchools(table: FeatureTable, schools: readonly School[], conditions: readonly FieldCondition[]): Result<School[]> {
  if (conditions.length === 0) return ok([...schools]);
  const where = featuresWhere(table, conditions, 'schools file');
  if (!where.ok) return where;
  const idField = findField(table, SCHOOL_FIELDS.id);
  const keep = new Set<string>();
  for (let i = 0; i < table.count; i++) if (where.value[i]) keep.add(idField ? (textValue(table, idField, i) ?? '') : String(i));
  return ok(schools.filter((s) => keep.has(s.id)));
}

/** The schools as they go into the dataset: included rows with their language and grades. */
export function chosenSchools(schools: readonly School[], rows: readonly SchoolRow[]): School[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: School[] = [];
  for (const s of schools) {
    const r = byId.get(s.id);
    if (r?.include && r.language && r.grades) out.push({ ...s, language: r.language, grades: r.grades });
  }
  return out;
}

/** Catchment records of a catchments file: school id and name fields, polygons. */
export function catchmentRecords(table: FeatureTable): { records: CatchmentRecord[]; labels: string[]; networks: (string | null)[] } {
  const idField = findField(table, CATCHMENT_FIELDS.school);
  const nameField = findField(table, ['name', 'nimi', 'nimi_fi', 'alue', 'koulu', 'school_name']);
  const networkField = findField(table, CATCHMENT_FIELDS.network);
  const records: CatchmentRecord[] = [];
  const labels: string[] = [];
  const networks: (string | null)[] = [];
  table.geometries.forEach((g, i) => {
    const name = nameField ? textValue(table, nameField, i) : null;
    const schoolId = idField ? textValue(table, idField, i) : null;
    records.push({ schoolId, name, geometry: g?.kind === 'polygons' ? normaliseMultiPolygon(g.polygons) : [] });
    labels.push(name ?? schoolId ?? `#${i}`);
    networks.push(networkField ? textValue(table, networkField, i) : null);
  });
  return { records, labels, networks };
}

export { generatedNetworks, networkLabel, type NetworkBuild } from '../../core/mapping/generated-networks';

/**
 * Networks from matched catchments: by the file's network field when present (level from the
 * id as the loader does), else one network per language and level the matched schools serve.
 */
export function matchedNetworks(schools: readonly School[], match: MatchReport, records: readonly CatchmentRecord[], networkValues: readonly (string | null)[]): NetworkBuild {
  const byId = new Map(schools.map((s) => [s.id, s]));
  const groups = new Map<string, { language: Language; level: SchoolLevel; members: Map<string, MultiPolygon> }>();
  const add = (id: string, language: Language, level: SchoolLevel, schoolId: string, geometry: MultiPolygon) => {
    const g = groups.get(id) ?? { language, level, members: new Map<string, MultiPolygon>() };
    g.members.set(schoolId, [...(g.members.get(schoolId) ?? []), ...geometry]);
    groups.set(id, g);
  };
  for (const m of match.matches) {
    const school = byId.get(m.schoolId);
    if (!school) continue;
    const declared = networkValues[m.catchment];
    const geometry = records[m.catchment].geometry;
    if (declared) add(declared, school.language, /upper|yl[aä]|7-9/i.test(declared) ? 'upper' : 'lower', school.id, geometry);
    else for (const level of LEVELS) if (schoolServesLevel(school, level)) add(`${school.language}-${level}`, school.language, level, school.id, geometry);
  }
  const out: NetworkBuild = { networks: [], partitions: {}, labels: {}, warnings: [] };
  for (const [id, g] of groups) {
    const schoolIds = [...g.members.keys()];
    const label = /^(fi|sv)-(lower|upper)$/.test(id) ? networkLabel(g.language, g.level) : { fi: id, sv: id, en: id };
    out.networks.push({ id, label: label.en, labels: label, language: g.language, level: g.level, schoolIds });
    out.partitions[id] = { networkId: id, catchments: schoolIds.map((s) => g.members.get(s)!) };
    out.labels[id] = label;
  }
  return out;
}
