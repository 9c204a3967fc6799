/**
 * Matching schools to catchment polygons that do not carry the school's id: by id, then by
 * normalised name ("Tapiolan oppilasalue" ↔ "Tapiolan koulu"), then by the catchment that
 * contains the school point. Schools without a catchment and catchments without a school are
 * reported. Geometry in EPSG:3067 metres.
 */
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import type { MultiPolygon } from '../model/geometry-types';
import type { Problem } from '../model/result';
import type { School } from '../model/school';

/** A catchment as read from a file: whatever identifies its school, and its area. */
export interface CatchmentRecord {
  /** Id of the school when the file has it (school_id, tunn, toimipiste_id …). */
  schoolId?: string | null;
  /** Catchment or school name ("Tapiolan oppilasalue"). */
  name?: string | null;
  geometry: MultiPolygon;
}

export type MatchMethod = 'id' | 'name' | 'location';

export interface SchoolMatch {
  /** Index of the catchment in the input list. */
  catchment: number;
  schoolId: string;
  method: MatchMethod;
}

export interface MatchReport {
  matches: SchoolMatch[];
  /** Ids of schools no catchment was matched to. */
  schoolsWithoutCatchment: string[];
  /** Indices of catchments matched to no school. */
  catchmentsWithoutSchool: number[];
  /** school-without-catchment, catchment-without-school and ambiguous-match problems (warnings). */
  problems: Problem[];
}

/**
 * Words that say what kind of place a name is, not which one: school, area and grade words
 * in Finnish and Swedish (compared after lower-casing; "ala-asteen" is one word).
 */
export const NAME_STOPWORDS: readonly string[] = [
  'koulu', 'koulun', 'peruskoulu', 'yhtenäiskoulu', 'alakoulu', 'yläkoulu', 'ala-aste', 'ala-asteen', 'yläaste', 'yläasteen',
  'oppilasalue', 'oppilaaksiottoalue', 'oppilaaksiottoalueen', 'alue', 'koulupiiri',
  'skola', 'skolan', 'grundskola', 'lågstadieskola', 'lågstadium', 'högstadieskola', 'upptagningsområde', 'elevområde', 'område', 'skolområde',
  'svenska', 'suomenkielinen', 'ruotsinkielinen',
];

/**
 * A name reduced to what identifies the place: lower case, whitespace collapsed, punctuation
 * other than "-" removed, stop words dropped; words ending in a stop word ("lagstadsskolan",
 * "steinerkoulu") lose that ending. "Tapiolan oppilasalue" and "Tapiolan koulu" → "tapiolan".
 */
export function normaliseSchoolName(name: string): string {
  const words = name
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const stop = new Set(NAME_STOPWORDS);
  const suffixes = ['skolan', 'skola', 'koulun', 'koulu'];
  const kept: string[] = [];
  for (const w of words) {
    if (stop.has(w)) continue;
    const suffix = suffixes.find((s) => w.endsWith(s) && w.length > s.length + 2);
    kept.push(suffix ? w.slice(0, -suffix.length) : w);
  }
  return kept.join(' ');
}

/**
 * Matches each catchment to at most one school and each school to at most one catchment.
 * Order: the catchment's school id equals the school's id; else the normalised names are equal
 * (and unique among the schools); else the catchment contains exactly one still unmatched
 * school point. A catchment containing several unmatched points is reported as ambiguous.
 */
export function matchSchoolsToCatchments(schools: readonly School[], catchments: readonly CatchmentRecord[], file?: string): MatchReport {
  const matches: SchoolMatch[] = [];
  const schoolDone = new Set<string>();
  const catchmentDone = new Set<number>();
  const take = (catchment: number, schoolId: string, method: MatchMethod): void => {
    matches.push({ catchment, schoolId, method });
    schoolDone.add(schoolId);
    catchmentDone.add(catchment);
  };
  const byId = new Map(schools.map((s) => [s.id, s]));
  catchments.forEach((c, i) => {
    const id = c.schoolId?.trim();
    if (id && byId.has(id) && !schoolDone.has(id)) take(i, id, 'id');
  });
  const byName = new Map<string, string[]>();
  for (const s of schools) {
    const key = normaliseSchoolName(s.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), s.id]);
  }
  catchments.forEach((c, i) => {
    if (catchmentDone.has(i) || !c.name) return;
    const hits = (byName.get(normaliseSchoolName(c.name)) ?? []).filter((id) => !schoolDone.has(id));
    if (hits.length === 1) take(i, hits[0], 'name');
  });
  const problems: Problem[] = [];
  catchments.forEach((c, i) => {
    if (catchmentDone.has(i)) return;
    const inside = schools.filter((s) => !schoolDone.has(s.id) && pointInMultiPolygon(s.location, c.geometry));
    if (inside.length === 1) take(i, inside[0].id, 'location');
    else if (inside.length > 1)
      problems.push({
        code: 'ambiguous-match',
        message: `Catchment ${label(c, i)} contains ${inside.length} unmatched schools, so it cannot be matched by location.`,
        fix: 'Choose its school on the mapping screen, or add a school id field to the catchments.',
        file,
        feature: i,
        ids: inside.map((s) => s.id),
      });
  });
  const schoolsWithoutCatchment = schools.filter((s) => !schoolDone.has(s.id)).map((s) => s.id);
  const catchmentsWithoutSchool = catchments.map((_, i) => i).filter((i) => !catchmentDone.has(i));
  if (schoolsWithoutCatchment.length)
    problems.push({ code: 'school-without-catchment', message: `${schoolsWithoutCatchment.length} school(s) have no catchment.`, fix: 'Match them by hand, generate catchments for them (Voronoi), or leave them out of the network.', file, ids: schoolsWithoutCatchment });
  if (catchmentsWithoutSchool.length)
    problems.push({
      code: 'catchment-without-school',
      message: `${catchmentsWithoutSchool.length} catchment(s) match no school: ${catchmentsWithoutSchool.slice(0, 5).map((i) => label(catchments[i], i)).join(', ')}${catchmentsWithoutSchool.length > 5 ? ', …' : ''}.`,
      fix: 'Choose their schools on the mapping screen, or check that the schools file covers the same municipality and year.',
      file,
      ids: catchmentsWithoutSchool.map(String),
    });
  return { matches: matches.sort((a, b) => a.catchment - b.catchment), schoolsWithoutCatchment, catchmentsWithoutSchool, problems };
}

function label(c: CatchmentRecord, i: number): string {
  return c.name ? `${i} ("${c.name}")` : String(i);
}
