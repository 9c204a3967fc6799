/** Point features → School[] (own format, or Statistics Finland's school register). */
import { fail, ok, type Problem, type Result } from '../model/result';
import type { GradeRange, Language, School } from '../model/school';
import { duplicates } from './build-units';
import { featureLabel, findField, textValue, type FeatureTable } from './feature-table';

/** Accepted field names, in order of preference (lower case). tunn/onimi are the register's. */
export const SCHOOL_FIELDS = {
  id: ['id', 'school_id', 'tunn', 'koulu_id', 'toimipiste_id', 'oppilaitostunnus'],
  name: ['name', 'onimi', 'nimi', 'nimi_fi', 'koulu'],
  language: ['language', 'kieli', 'lang', 'opetuskieli'],
  grades: ['grades', 'luokat', 'vuosiluokat', 'luokka_asteet'],
  capacity: ['capacity', 'kapasiteetti', 'oppilaspaikat', 'paikat'],
  capacityLower: ['capacity_lower', 'capacity_1_6', 'kapasiteetti_1_6'],
  capacityUpper: ['capacity_upper', 'capacity_7_9', 'kapasiteetti_7_9'],
} as const;

/** No school has more pupil places than this; larger capacities are errors (overflows, wrong units). */
export const MAX_CAPACITY = 100_000;

/** "sv" when the name ends with "skola" or contains "skolan" (Swedish), else "fi". */
export function inferLanguage(name: string): Language {
  const n = name.trim().toLowerCase();
  return n.endsWith('skola') || n.includes('skolan') ? 'sv' : 'fi';
}

/** Parse "fi", "suomi", "Finnish", "sv", "ruotsi", "svenska" …; null when unrecognised. */
export function parseLanguage(value: string): Language | null {
  const v = value.trim().toLowerCase();
  if (/^(fi|fin|suomi|finnish|finska|suomenkielinen)$/.test(v)) return 'fi';
  if (/^(sv|swe|se|ruotsi|swedish|svenska|ruotsinkielinen)$/.test(v)) return 'sv';
  return null;
}

/** Parse "1-6", "1–6", "7-9", "1-9", "lower", "upper", "ala", "ylä"; null when unrecognised. */
export function parseGrades(value: string): GradeRange | null {
  const v = value.trim().toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, '');
  if (/^(1-6|0-6|lower|ala|alakoulu|ala-aste|lågstadie)$/.test(v)) return '1-6';
  if (/^(7-9|7-10|upper|ylä|yläkoulu|yläaste|högstadie)$/.test(v)) return '7-9';
  if (/^(1-9|0-9|1-10|0-10|both|yhtenäinen|peruskoulu)$/.test(v)) return '1-9';
  return null;
}

/** Grade range suggested by a Finnish or Swedish school name; null when the name does not say. */
export function gradesFromName(name: string): GradeRange | null {
  const n = name.toLowerCase();
  if (/ala-?asteen|alakoulu|lågstadie/.test(n)) return '1-6';
  if (/ylä-?asteen|yläkoulu|högstadie/.test(n)) return '7-9';
  return null;
}

/**
 * Build schools from point features in EPSG:3067. Language is inferred from the name when
 * absent; grades from the name ("ala-asteen koulu" → 1-6) or defaulted to "1-9", with one
 * warning listing the schools concerned. Capacity is null when absent.
 */
export function buildSchools(table: FeatureTable): Result<School[]> {
  const file = table.file;
  // An empty layer has no fields either: say that it is empty, not that a field is missing.
  if (table.count === 0) return fail({ code: 'no-features', message: 'The schools file has no features.', fix: 'Export the layer again with its features (check that no filter left it empty).', file });
  const f = {
    id: findField(table, SCHOOL_FIELDS.id),
    name: findField(table, SCHOOL_FIELDS.name),
    language: findField(table, SCHOOL_FIELDS.language),
    grades: findField(table, SCHOOL_FIELDS.grades),
    capacity: findField(table, SCHOOL_FIELDS.capacity),
    capacityLower: findField(table, SCHOOL_FIELDS.capacityLower),
    capacityUpper: findField(table, SCHOOL_FIELDS.capacityUpper),
  };
  if (!f.id)
    return fail({ code: 'missing-field', message: `The schools have no id field (looked for ${SCHOOL_FIELDS.id.join(', ')}).`, fix: 'Add a field "id" with a unique school id (the catchments refer to it as school_id).', file, field: 'id' });
  const errors: Problem[] = [];
  const schools: School[] = [];
  const inferredLanguage: string[] = [];
  const defaultedGrades: string[] = [];
  const problem = (code: string, i: number, field: string, message: string, fix: string) =>
    errors.push({ code, message, fix, file, feature: featureLabel(table, i, f.id), field });
  for (let i = 0; i < table.count; i++) {
    const g = table.geometries[i];
    const id = textValue(table, f.id, i);
    if (!id) {
      problem('missing-value', i, f.id, `School feature ${i} has no id.`, 'Give every school a unique id.');
      continue;
    }
    if (!g || g.kind !== 'point') {
      problem('wrong-geometry-type', i, 'geometry', `School ${id} has ${g ? (g.kind === 'polygons' ? 'a polygon' : `a ${g.type}`) : 'no'} geometry; schools must be Points.`, 'Give each school as a point (e.g. QGIS "Centroids" for building polygons).');
      continue;
    }
    const name = (f.name ? textValue(table, f.name, i) : null) ?? id;
    const langText = f.language ? textValue(table, f.language, i) : null;
    let language = langText ? parseLanguage(langText) : null;
    if (langText && !language) problem('invalid-value', i, f.language!, `School ${id} has language ${JSON.stringify(langText)}; expected "fi" or "sv".`, 'Write the language of instruction as "fi" or "sv".');
    if (!langText) {
      language = inferLanguage(name);
      inferredLanguage.push(id);
    }
    const gradeText = f.grades ? textValue(table, f.grades, i) : null;
    let grades = gradeText ? parseGrades(gradeText) : null;
    if (gradeText && !grades) problem('invalid-value', i, f.grades!, `School ${id} has grades ${JSON.stringify(gradeText)}; expected "1-6", "7-9" or "1-9".`, 'Write the grades taught as "1-6", "7-9" or "1-9".');
    if (!gradeText) {
      grades = gradesFromName(name) ?? '1-9';
      defaultedGrades.push(id);
    }
    const capacity = f.capacity ? table.columns[f.capacity].numbers[i] : NaN;
    if (f.capacity && (table.columns[f.capacity].nonNumeric.includes(i) || capacity < 0 || capacity > MAX_CAPACITY))
      problem('invalid-value', i, f.capacity, `School ${id} has capacity ${JSON.stringify(textValue(table, f.capacity, i))}; expected a number of pupil places.`, 'Write the capacity as a whole number of pupil places, or leave it empty when unknown.');
    const school: School = { id, name, language: language ?? 'fi', grades: grades ?? '1-9', capacity: Number.isFinite(capacity) && capacity >= 0 ? capacity : null, location: g.point };
    const byLevel: { lower?: number; upper?: number } = {};
    for (const level of ['lower', 'upper'] as const) {
      const field = level === 'lower' ? f.capacityLower : f.capacityUpper;
      if (!field) continue;
      const v = table.columns[field].numbers[i];
      if (table.columns[field].nonNumeric.includes(i) || v < 0 || v > MAX_CAPACITY)
        problem('invalid-value', i, field, `School ${id} has ${field} ${JSON.stringify(textValue(table, field, i))}; expected a number of pupil places.`, 'Write the places of that level as a whole number, or leave it empty.');
      else if (Number.isFinite(v)) byLevel[level] = v;
    }
    if (byLevel.lower !== undefined || byLevel.upper !== undefined) school.capacityByLevel = byLevel;
    schools.push(school);
  }
  const dup = duplicates(schools.map((s) => s.id));
  if (dup.length) errors.push({ code: 'duplicate-id', message: `${dup.length} school id(s) occur more than once.`, fix: 'Give every school a unique id.', file, field: f.id, ids: dup });
  if (errors.length) return fail(...errors);
  const warnings: Problem[] = [];
  if (inferredLanguage.length)
    warnings.push({ code: 'language-inferred', message: `${inferredLanguage.length} school(s) have no language field; "sv" was inferred for names ending in "skola" or containing "skolan", "fi" for the others.`, fix: 'Add a field "language" ("fi"/"sv") to be sure.', file, field: 'language', ids: inferredLanguage });
  if (defaultedGrades.length)
    warnings.push({ code: 'grades-defaulted', message: `${defaultedGrades.length} school(s) have no grades field; grades were taken from the name ("ala-asteen" → 1-6, "yläasteen" → 7-9) or set to "1-9".`, fix: 'Add a field "grades" ("1-6", "7-9" or "1-9").', file, field: 'grades', ids: defaultedGrades });
  return ok(schools, warnings);
}
