/**
 * Checks a school-network record against the data and the log before it is logged
 * (docs/scenario-format.md): a known school, years inside the projection, a location inside
 * the planning area (in a unit), an open school to close and an open receiver, and no network
 * left without schools in any year. A refused record changes nothing.
 */
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import { cellOf } from '../model/grid-spec';
import type { Position } from '../model/geometry-types';
import { fail, ok } from '../model/result';
import type { Problem, Result } from '../model/result';
import { schoolServesLevel } from '../model/school';
import type { Network, School } from '../model/school';
import type { Units } from '../model/units';
import type { BoundaryEdit, Edit, SchoolNetworkRecord } from '../scenario/edit';
import { isBoundaryEdit } from '../scenario/edit';
import { isOpen, schoolStatus } from './school-timeline';

export interface SchoolCheckContext {
  log: readonly Edit[];
  units: Units;
  baseYear: number;
  lastYear: number;
  /** Every school of the index space (dataset + opened), by id. */
  schools: Map<string, School>;
  /** The networks as they are now (with opened schools). */
  networks: Network[];
  /** Year from which a boundary edit is in effect. */
  effectiveYear(e: BoundaryEdit): number;
}

const bad = (code: string, message: string, fix: string, field?: string): Problem => ({ code, message, fix, ...(field ? { field } : {}) });

/** Networks an opened school joins: same language, a level its grades serve. */
export function servedNetworks(school: Pick<School, 'language' | 'grades'>, networks: Network[]): Network[] {
  return networks.filter((n) => n.language === school.language && schoolServesLevel(school as School, n.level));
}

export function checkSchoolRecord(e: SchoolNetworkRecord, c: SchoolCheckContext): Result<void> {
  const years = e.kind === 'relocate-school' ? [e.from, e.to] : [e.year];
  for (const y of years) {
    if (!Number.isInteger(y) || y < c.baseYear || y > c.lastYear) {
      return fail(bad('edit-year-out-of-range', `The ${e.kind} record's year ${String(y)} is outside the projection (${c.baseYear}–${c.lastYear}).`, `Give a school year from ${c.baseYear} to ${c.lastYear}.`, 'year'));
    }
  }
  if (e.kind === 'open-school') return checkOpen(e, c);
  const school = c.schools.get(e.schoolId);
  if (!school) return fail(bad('unknown-school', `There is no school "${e.schoolId}".`, 'Name a school of the dataset or one opened earlier in the scenario.', 'schoolId'));
  if (e.kind === 'set-capacity') return checkCapacity(e.capacity, e.capacityByLevel);
  if (e.kind === 'relocate-school') {
    if (e.from > e.to) return fail(bad('relocate-bad-years', `The relocation runs from ${e.from} to ${e.to}, which ends before it starts.`, 'Give "from" ≤ "to".', 'to'));
    return inArea(e.location, c.units, 'location');
  }
  return checkClose(e.schoolId, e.year, e.to, c);
}

function checkOpen(e: Extract<SchoolNetworkRecord, { kind: 'open-school' }>, c: SchoolCheckContext): Result<void> {
  if (c.schools.has(e.school.id)) return fail(bad('school-id-taken', `A school with the id "${e.school.id}" already exists.`, 'Give the new school an id of its own.', 'school.id'));
  if (servedNetworks(e.school, c.networks).length === 0) {
    return fail(bad('school-no-network', `No network of the dataset takes a ${e.school.language} school of grades ${e.school.grades}.`, 'Check the language and grades of the new school.', 'school.grades'));
  }
  const cap = checkCapacity(e.school.capacity, e.school.capacityByLevel);
  if (!cap.ok) return cap;
  return inArea(e.school.location, c.units, 'school.location');
}

function checkCapacity(capacity: number, byLevel?: { lower?: number; upper?: number }): Result<void> {
  const values = [capacity, byLevel?.lower, byLevel?.upper].filter((v): v is number => v !== undefined);
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 100_000)) {
    return fail(bad('bad-capacity', `The capacity ${values.join(', ')} is not a number of pupil places from 0 to 100 000.`, 'Give the places as a whole number, e.g. 400.', 'capacity'));
  }
  return ok(undefined);
}

function checkClose(id: string, year: number, to: string, c: SchoolCheckContext): Result<void> {
  if (!isOpen(schoolStatus(c.log, id, year))) {
    return fail(bad('school-not-open', `School "${id}" is not open in ${year}, so it cannot close then.`, 'Close it in a year when it is open.', 'year'));
  }
  const networks = c.networks.filter((n) => n.schoolIds.includes(id));
  if (to !== 'nearest') {
    if (to === id || !c.schools.has(to)) return fail(bad('unknown-school', `The receiving school "${to}" is not another school of the scenario.`, 'Name another school, or "nearest".', 'to'));
    if (!isOpen(schoolStatus(c.log, to, year))) return fail(bad('school-not-open', `The receiving school "${to}" is not open in ${year}.`, 'Merge into a school open that year.', 'to'));
    const missing = networks.find((n) => !n.schoolIds.includes(to));
    if (missing) return fail(bad('receiver-not-in-network', `The receiving school "${to}" is not in the network "${missing.id}" of "${id}".`, 'Merge into a school of the same networks, or use "nearest".', 'to'));
  }
  const assigned = c.log.find((e) => isBoundaryEdit(e) && e.schoolId === id && c.effectiveYear(e) >= year);
  if (assigned) return fail(bad('school-gets-area-later', `An earlier edit gives "${id}" area from ${c.effectiveYear(assigned as BoundaryEdit)}, after the closure in ${year}.`, 'Undo that edit first, or close the school later.', 'year'));
  const after = [...c.log, { kind: 'close-school', year, schoolId: id, to } as Edit];
  for (const n of networks) {
    for (let y = year; y <= c.lastYear; y++) {
      if (!n.schoolIds.some((s) => isOpen(schoolStatus(after, s, y)))) {
        return fail(bad('close-leaves-no-school', `Closing "${id}" in ${year} would leave the network "${n.id}" without schools in ${y}.`, 'Keep at least one school open in every network, or open another first.', 'schoolId'));
      }
    }
  }
  return ok(undefined);
}

/** A location inside the planning area: in one of the units. */
export function inArea(p: Position, units: Units, field: string): Result<void> {
  let inside = false;
  if (units.kind === 'grid') {
    const [col, row] = cellOf(units.grid, p[0], p[1]);
    for (let u = 0; u < units.count && !inside; u++) inside = units.col[u] === col && units.row[u] === row;
  } else {
    for (let u = 0; u < units.count && !inside; u++) {
      const b = units.bboxes[u];
      inside = p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3] && pointInMultiPolygon(p, units.geometries[u]);
    }
  }
  if (inside) return ok(undefined);
  return fail(bad('location-outside-area', `The location (${p[0]}, ${p[1]}) lies outside the planning area (in no statistical unit).`, 'Place the school inside the area of the units, coordinates in EPSG:3067 metres.', field));
}

/** A boundary edit may give area only to a school open in the edit's year. */
export function checkBoundaryTarget(e: BoundaryEdit, year: number, lastYear: number, log: readonly Edit[]): Result<void> {
  for (let y = year; y <= lastYear; y++) {
    const status = schoolStatus(log, e.schoolId, y);
    if (isOpen(status)) continue;
    return fail(bad('school-not-open', `School "${e.schoolId}" is ${status === 'closed' ? 'closed' : 'not yet open'} in ${y}; an edit from ${year} cannot give it area then.`, 'Give the area to a school open in those years, or date the edit later.', 'schoolId'));
  }
  return ok(undefined);
}
