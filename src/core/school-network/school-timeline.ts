/**
 * The school network in a given school year, folded from the record log (edit.ts): which
 * schools exist, their status, capacity and location. Pure and cheap (the log is short);
 * the record log caches nothing here, so undo/redo are exact by construction.
 *
 * Rules (docs/scenario-format.md):
 * - a dataset school is open in every year until a close-school record's year; an opened
 *   school is not yet open before its open-school year;
 * - set-capacity: in year t the record with the greatest year ≤ t applies (ties: the later
 *   one in the log); none → the school's own capacity;
 * - relocate-school: in years from … to (inclusive) the school is at the new location and its
 *   status is "temporary-premises" (when it is open); a later record wins where two overlap.
 */
import type { Position } from '../model/geometry-types';
import type { School } from '../model/school';
import type { Edit, OpenSchoolRecord } from '../scenario/edit';

export type SchoolStatus = 'open' | 'closed' | 'not-yet-open' | 'temporary-premises';

export function isOpen(status: SchoolStatus): boolean {
  return status === 'open' || status === 'temporary-premises';
}

/** Opened schools of the log, in log order. */
export function openRecords(log: readonly Edit[]): OpenSchoolRecord[] {
  return log.filter((e): e is OpenSchoolRecord => e.kind === 'open-school');
}

/** The School of an open-school record. */
export function openedSchool(r: OpenSchoolRecord): School {
  const s = r.school;
  return { id: s.id, name: s.name, language: s.language, grades: s.grades, capacity: s.capacity, ...(s.capacityByLevel ? { capacityByLevel: s.capacityByLevel } : {}), location: s.location };
}

export function schoolStatus(log: readonly Edit[], schoolId: string, year: number): SchoolStatus {
  let opened = -Infinity;
  let closed = Infinity;
  let moved = false;
  for (const e of log) {
    if (e.kind === 'open-school' && e.school.id === schoolId) opened = e.year;
    else if (e.kind === 'close-school' && e.schoolId === schoolId) closed = Math.min(closed, e.year);
    else if (e.kind === 'relocate-school' && e.schoolId === schoolId && e.from <= year && year <= e.to) moved = true;
  }
  if (year < opened) return 'not-yet-open';
  if (year >= closed) return 'closed';
  return moved ? 'temporary-premises' : 'open';
}

/** The school as it is in `year`: capacity from set-capacity records, location from relocations. */
export function schoolInYear(log: readonly Edit[], school: School, year: number): School {
  let capYear = -Infinity;
  let cap: { capacity: number; capacityByLevel?: { lower?: number; upper?: number } } | null = null;
  let location: Position = school.location;
  for (const e of log) {
    if (e.kind === 'set-capacity' && e.schoolId === school.id && e.year <= year && e.year >= capYear) {
      capYear = e.year;
      cap = e;
    } else if (e.kind === 'relocate-school' && e.schoolId === school.id && e.from <= year && year <= e.to) location = e.location;
  }
  if (!cap && location === school.location) return school;
  const out: School = { ...school, location };
  if (cap) {
    out.capacity = cap.capacity;
    if (cap.capacityByLevel) out.capacityByLevel = cap.capacityByLevel;
    else delete out.capacityByLevel;
  }
  return out;
}
