/**
 * The records the school-network forms make (core/scenario/edit.ts). Pure, so the forms' rules are
 * tested without a browser. The core checks every record again (check-school-record.ts) and
 * refuses with a named problem; these helpers only shape what the user typed.
 */
import type { GradeRange, Language, SchoolLevel } from '../../core/model/school';
import type { MultiPolygon, Position } from '../../core/model/geometry-types';
import type { CloseSchoolRecord, OpenSchoolRecord, RelocateSchoolRecord, SetCapacityRecord } from '../../core/scenario/edit';
import type { SchoolInfo } from '../workers/engine-protocol';

export interface OpenSchoolForm {
  name: string;
  language: Language;
  grades: GradeRange;
  capacity: number;
  year: number;
  location: Position;
  catchment: 'nearest' | MultiPolygon;
}

/** Grades a new school gets by default in a network of `level`. */
export function defaultGrades(level: SchoolLevel): GradeRange {
  return level === 'upper' ? '7-9' : '1-6';
}

/** A new id from the name ("Uusi koulu" → "uusi-koulu"), with -2, -3 … when taken. */
export function newSchoolId(name: string, taken: ReadonlySet<string>): string {
  const stem = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'school';
  let id = `new-${stem}`;
  for (let n = 2; taken.has(id); n++) id = `new-${stem}-${n}`;
  return id;
}

export function openSchoolRecord(form: OpenSchoolForm, taken: ReadonlySet<string>): OpenSchoolRecord {
  const name = form.name.trim();
  return {
    kind: 'open-school',
    year: form.year,
    school: { id: newSchoolId(name, taken), name, language: form.language, grades: form.grades, capacity: form.capacity, location: form.location },
    catchment: form.catchment,
  };
}

export function closeSchoolRecord(schoolId: string, year: number, to: 'nearest' | string): CloseSchoolRecord {
  return { kind: 'close-school', year, schoolId, to };
}

/**
 * New places for the network on view (`level`) from `year`. A school with places per level, or a
 * grades 1–9 school, gets the level's part changed (the other level keeps its places; the
 * school's total stays, or becomes `places` when it was unknown); any other school its capacity.
 */
export function setCapacityRecord(school: SchoolInfo, level: SchoolLevel, places: number, year: number): SetCapacityRecord {
  if (school.capacityByLevel || school.grades === '1-9') {
    return { kind: 'set-capacity', year, schoolId: school.id, capacity: school.schoolCapacity ?? places, capacityByLevel: { ...school.capacityByLevel, [level]: places } };
  }
  return { kind: 'set-capacity', year, schoolId: school.id, capacity: places };
}

export function relocateRecord(schoolId: string, from: number, to: number, location: Position): RelocateSchoolRecord {
  return { kind: 'relocate-school', from, to, schoolId, location };
}

/** The school years of the year control, base first. */
export function yearRange(years: { base: number; last: number } | undefined): number[] {
  return years ? Array.from({ length: years.last - years.base + 1 }, (_, i) => years.base + i) : [];
}
