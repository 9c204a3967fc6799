/**
 * Turns an Edit record into the region to assign (MultiPolygon, EPSG:3067 metres)
 * and the target school index, or Problems when the edit cannot apply.
 */
import type { MultiPolygon } from '../model/geometry-types';
import type { Network } from '../model/school';
import type { Units } from '../model/units';
import type { BoundaryEdit } from '../scenario/edit';
import { fail, ok } from '../model/result';
import type { Result } from '../model/result';
import { checkMultiPolygon } from '../geometry/validity';
import { cellsToMultiPolygon } from '../geometry/cells-to-multi-polygon';
import { normaliseOrientation } from '../geometry/orientation';

export interface ResolvedEdit {
  school: number;
  region: MultiPolygon;
}

export function resolveEdit(edit: BoundaryEdit, network: Network, units: Units): Result<ResolvedEdit> {
  if (edit.networkId !== network.id) {
    return fail({ code: 'edit-wrong-network', message: `The edit is for network "${edit.networkId}", not "${network.id}".`, fix: 'Apply the edit to the network it was made for.' });
  }
  const school = network.schoolIds.indexOf(edit.schoolId);
  if (school < 0) {
    return fail({ code: 'edit-unknown-school', message: `School "${edit.schoolId}" is not in network "${network.id}".`, fix: 'Pick a school of this network.', ids: [edit.schoolId] });
  }
  let region: MultiPolygon;
  if (edit.kind === 'assign-cells') {
    if (units.kind !== 'grid') {
      return fail({ code: 'edit-cells-need-grid', message: 'Cells can be painted only when the units are grid cells.', fix: 'Draw a region (lasso) instead.' });
    }
    if (edit.cells.length === 0) return fail(emptyRegion());
    if (!edit.cells.every(([c, r]) => Number.isInteger(c) && Number.isInteger(r))) {
      return fail({ code: 'invalid-geometry', message: 'Cell columns and rows must be integers.', fix: 'Pass [col, row] pairs of the units’ grid.' });
    }
    region = cellsToMultiPolygon(units.grid, edit.cells);
  } else {
    if (edit.region.length === 0) return fail(emptyRegion());
    const problems = checkMultiPolygon(edit.region, 'edit region');
    if (problems.length > 0) return fail(...problems);
    region = normaliseOrientation(snapToMillimetres(edit.region));
  }
  return ok({ school, region });
}

/**
 * Rounds a drawn region to whole millimetres. Drawn input carries no meaning below
 * that, and the boolean operations work on a whole-millimetre grid (see clipper-io.ts).
 */
export function snapToMillimetres(mp: MultiPolygon): MultiPolygon {
  const q = (v: number) => Math.round(v * 1000) / 1000;
  return mp.map((poly) => poly.map((ring) => ring.map(([x, y]) => [q(x) + 0, q(y) + 0] as [number, number])));
}

function emptyRegion() {
  return { code: 'edit-empty-region', message: 'The edit has an empty region.', fix: 'Draw a region or paint at least one cell.' };
}
