/**
 * Checks a housing-project record and spreads it over the units: a region gives each unit
 * the share of the project's area (inside the units) that lies in it; a point gives the whole
 * project to the unit containing it. A record that fails a check is a named Problem and
 * nothing is applied.
 */
import type { Position } from '../model/geometry-types';
import { fail, ok } from '../model/result';
import type { Problem, Result } from '../model/result';
import type { Units } from '../model/units';
import { checkMultiPolygon } from '../geometry/validity';
import { normaliseOrientation } from '../geometry/orientation';
import { unitCoverage } from '../overlay/unit-coverage';
import type { NetworkOverlay } from '../overlay/network-overlay';
import { pointInMultiPolygon } from '../geometry/point-in-polygon';
import { snapToMillimetres } from '../edits/resolve-edit';
import type { HousingProjectRecord } from '../scenario/edit';
import { BUILDING_TYPES, TENURES } from './housing-config';

/** More dwellings than this in one record is taken for a typing error. */
export const MAX_DWELLINGS = 20_000;

/** Where a project's children land: units[i] gets shares[i] of them (Σ shares = 1). */
export interface ProjectUnits {
  units: Int32Array;
  shares: Float64Array;
}

function problem(code: string, record: HousingProjectRecord, field: string, message: string, fix: string): Problem {
  return { code, message: `Housing project "${record.name || record.id}": ${message}`, fix, feature: record.id, field };
}

/** Checks the numbers and names of a record (no geometry). */
export function checkProject(r: HousingProjectRecord, baseYear: number, lastYear: number): Problem | null {
  if (typeof r.id !== 'string' || r.id === '') return problem('housing-bad-id', r, 'id', 'the project has no id.', 'Give every project a unique id.');
  if (!Number.isFinite(r.dwellings) || r.dwellings <= 0) {
    return problem('housing-bad-dwellings', r, 'dwellings', `${String(r.dwellings)} is not a positive number of dwellings.`, 'Give the number of dwellings as a positive number.');
  }
  if (r.dwellings > MAX_DWELLINGS) {
    return problem('housing-absurd-dwellings', r, 'dwellings', `${r.dwellings} dwellings in one project is more than ${MAX_DWELLINGS}.`, 'Check the number; split a very large area into phases of its own.');
  }
  if (!(TENURES as readonly string[]).includes(r.tenure)) {
    return problem('housing-unknown-tenure', r, 'tenure', `the tenure ${JSON.stringify(r.tenure)} is unknown.`, `Use one of: ${TENURES.join(', ')}.`);
  }
  if (!(BUILDING_TYPES as readonly string[]).includes(r.buildingType)) {
    return problem('housing-unknown-type', r, 'buildingType', `the building type ${JSON.stringify(r.buildingType)} is unknown.`, `Use one of: ${BUILDING_TYPES.join(', ')}.`);
  }
  if (!Number.isInteger(r.year) || r.year < baseYear) {
    return problem('housing-year-before-base', r, 'year', `the completion year ${String(r.year)} is before the base year ${baseYear} of the data.`, `Give a completion year from ${baseYear} on; projects already built are in the data.`);
  }
  if (r.year > lastYear) {
    return problem('housing-year-after-horizon', r, 'year', `the completion year ${r.year} is after the last projected year ${lastYear}.`, `Give a year up to ${lastYear}, or lengthen the horizon.`);
  }
  if ((r.region === undefined) === (r.location === undefined)) {
    return problem('housing-no-geometry', r, 'region', 'the project needs either a region or a location (not both).', 'Draw the project’s area or click its location.');
  }
  return null;
}

/** Full check and the units the children go to. */
export function resolveProject(r: HousingProjectRecord, units: Units, overlay: NetworkOverlay, baseYear: number, lastYear: number): Result<ProjectUnits> {
  const bad = checkProject(r, baseYear, lastYear);
  if (bad) return fail(bad);
  if (r.location) return pointUnit(r, r.location, units, overlay);
  const problems = checkMultiPolygon(r.region!, `housing project ${r.id}`);
  if (problems.length > 0) return fail(...problems);
  const region = normaliseOrientation(snapToMillimetres(r.region!));
  const cov = unitCoverage(units, region, overlay.lookup, overlay.unitAreas);
  let total = 0;
  const area = new Float64Array(cov.count);
  for (let i = 0; i < cov.count; i++) {
    area[i] = cov.fractions[i] * (overlay.unitAreas ? overlay.unitAreas[cov.units[i]] : 1);
    total += area[i];
  }
  if (!(total > 0)) return fail(outside(r, units.kind === 'grid'));
  for (let i = 0; i < cov.count; i++) area[i] /= total;
  return ok({ units: cov.units.slice(), shares: area });
}

function pointUnit(r: HousingProjectRecord, p: Position, units: Units, overlay: NetworkOverlay): Result<ProjectUnits> {
  if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    return fail(problem('housing-bad-location', r, 'location', 'the location is not a pair of finite coordinates.', 'Give the location as [x, y] in EPSG:3067 metres.'));
  }
  let unit = -1;
  if (units.kind === 'grid') {
    const g = units.grid;
    unit = overlay.lookup!.get(Math.floor((p[0] - g.originX) / g.cellSize), Math.floor((p[1] - g.originY) / g.cellSize));
  } else {
    for (let u = 0; u < units.count && unit < 0; u++) {
      const b = units.bboxes[u];
      if (p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3] && pointInMultiPolygon(p, units.geometries[u])) unit = u;
    }
  }
  if (unit < 0) return fail(outside(r, units.kind === 'grid'));
  return ok({ units: Int32Array.of(unit), shares: Float64Array.of(1) });
}

function outside(r: HousingProjectRecord, grid: boolean): Problem {
  const where = grid ? 'it covers no populated grid cell of the data (the grid holds only cells with residents).' : 'it lies outside every statistical unit of the data.';
  const fix = grid
    ? 'Extend the project’s area to touch a populated cell next to it, or place its point in one: its pupils are counted there. Check the coordinates are EPSG:3067 metres.'
    : 'Draw the project inside the area of the data (in EPSG:3067 metres), or check its coordinates.';
  return problem('housing-outside-units', r, r.location ? 'location' : 'region', where, fix);
}
