/**
 * Structural reading of the school-network records of a scenario file or a CLI edit log
 * (docs/scenario-format.md): open-school, close-school, set-capacity, relocate-school. Years,
 * schools and locations are checked against the data when the engine applies the record
 * (school-network/check-school-record.ts); here only the JSON shape.
 */
import type { Problem } from '../model/result';
import type { Edit, OpenSchoolRecord } from './edit';
import { isFinitePair, isRecord, problem, readMultiPolygon } from './read-json-shapes';

type Read = { edit: Edit } | { problem: Problem };

export function readSchoolRecord(x: Record<string, unknown>, index: number): Read {
  const bad = (field: string, what: string, fix: string): Read => ({ problem: problem('edit-bad-school-record', `Edit ${index + 1} (${String(x.kind)}) ${what}`, fix, `edit ${index + 1}`, field) });
  const year = (field: string): number | null => (Number.isInteger(x[field]) ? (x[field] as number) : null);
  const byLevel = (v: unknown): { lower?: number; upper?: number } | null | undefined => {
    if (v === undefined) return undefined;
    if (!isRecord(v) || Object.entries(v).some(([k, n]) => (k !== 'lower' && k !== 'upper') || typeof n !== 'number')) return null;
    return v as { lower?: number; upper?: number };
  };
  if (x.kind === 'relocate-school') {
    const from = year('from');
    const to = year('to');
    if (from === null || to === null) return bad('from', 'needs whole years "from" and "to".', 'Give the first and last school year at the temporary address, e.g. "from": 2027, "to": 2028.');
    if (typeof x.schoolId !== 'string' || x.schoolId === '') return bad('schoolId', 'has no school id.', 'Give "schoolId".');
    if (!isFinitePair(x.location)) return bad('location', 'has no location [x, y].', 'Give "location": [x, y] in EPSG:3067 metres.');
    return { edit: { kind: 'relocate-school', from, to, schoolId: x.schoolId, location: [x.location[0], x.location[1]] } };
  }
  const y = year('year');
  if (y === null) return bad('year', 'has no school year.', 'Give "year", the school year from which it is in effect, e.g. 2027.');
  if (x.kind === 'open-school') return readOpen(x, y, bad, byLevel);
  if (typeof x.schoolId !== 'string' || x.schoolId === '') return bad('schoolId', 'has no school id.', 'Give "schoolId".');
  if (x.kind === 'close-school') {
    if (typeof x.to !== 'string' || x.to === '') return bad('to', 'has no "to".', 'Give "to": "nearest" or the id of the school that takes its units.');
    return { edit: { kind: 'close-school', year: y, schoolId: x.schoolId, to: x.to } };
  }
  const levels = byLevel(x.capacityByLevel);
  if (typeof x.capacity !== 'number' || levels === null) return bad('capacity', 'has no number "capacity" (or a bad "capacityByLevel").', 'Give "capacity" as pupil places, and optionally "capacityByLevel": {"lower": N, "upper": N}.');
  return { edit: { kind: 'set-capacity', year: y, schoolId: x.schoolId, capacity: x.capacity, ...(levels ? { capacityByLevel: levels } : {}) } };
}

function readOpen(x: Record<string, unknown>, year: number, bad: (f: string, w: string, fix: string) => Read,
  byLevel: (v: unknown) => { lower?: number; upper?: number } | null | undefined): Read {
  const s = x.school;
  if (!isRecord(s)) return bad('school', 'has no "school" object.', 'Give "school": {"id", "name", "language", "grades", "capacity", "location"}.');
  if (typeof s.id !== 'string' || s.id === '') return bad('school.id', 'has no school id.', 'Give "school.id".');
  if (s.language !== 'fi' && s.language !== 'sv') return bad('school.language', 'has a language other than "fi" or "sv".', 'Give "language": "fi" or "sv".');
  if (s.grades !== '1-6' && s.grades !== '7-9' && s.grades !== '1-9') return bad('school.grades', 'has grades other than "1-6", "7-9" or "1-9".', 'Give "grades": "1-6", "7-9" or "1-9".');
  const levels = byLevel(s.capacityByLevel);
  if (typeof s.capacity !== 'number' || levels === null) return bad('school.capacity', 'has no number "capacity" (or a bad "capacityByLevel").', 'Give "capacity" as pupil places.');
  if (!isFinitePair(s.location)) return bad('school.location', 'has no location [x, y].', 'Give "location": [x, y] in EPSG:3067 metres.');
  let catchment: OpenSchoolRecord['catchment'];
  if (x.catchment === 'nearest') catchment = 'nearest';
  else {
    const region = readMultiPolygon(x.catchment);
    if (!region) return bad('catchment', 'has a catchment that is neither "nearest" nor MultiPolygon coordinates.', 'Give "catchment": "nearest" or MultiPolygon coordinates in EPSG:3067 metres, rings closed.');
    catchment = region;
  }
  const school: OpenSchoolRecord['school'] = {
    id: s.id, name: typeof s.name === 'string' && s.name !== '' ? s.name : s.id, language: s.language, grades: s.grades,
    capacity: s.capacity, ...(levels ? { capacityByLevel: levels } : {}), location: [s.location[0], s.location[1]],
  };
  return { edit: { kind: 'open-school', year, school, catchment } };
}
