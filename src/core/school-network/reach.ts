/**
 * How far a school's units can lie from it, as a bound that lets an open with a "nearest"
 * catchment skip most units without changing its result (resolve-school-step.ts).
 *
 * A unit whose dominant school is s holds part of s's catchment, so some point p of the unit lies
 * in the catchment's bounding box B_s, and the unit's centre c is within the unit's diameter d of
 * p. Hence |c − S_s| ≤ r_s + d with r_s the largest distance from S_s to a corner of B_s. A unit
 * goes to the new school at L only if |c − L| < |c − S_s| ≤ R + d, R = max_s r_s; so every unit
 * with |c − L|² ≥ (R + d)² keeps its school and need not be looked at. Exact, straight line only.
 * Catchment boxes are cached per catchment object (an edit replaces only the changed ones).
 */
import { multiPolygonBBox } from '../geometry/bbox';
import type { BBox, MultiPolygon, Position } from '../model/geometry-types';
import type { Units } from '../model/units';

const boxes = new WeakMap<MultiPolygon, BBox>();
const diameters = new WeakMap<Units, number>();

/** (R + d)², or Infinity when a school with area has no location. */
export function reachSquared(units: Units, catchments: readonly MultiPolygon[], locations: readonly Position[]): number {
  let reach = 0;
  for (let s = 0; s < catchments.length; s++) {
    const mp = catchments[s];
    if (mp.length === 0) continue;
    const loc = locations[s];
    if (!loc) return Infinity;
    let b = boxes.get(mp);
    if (!b) {
      b = multiPolygonBBox(mp);
      boxes.set(mp, b);
    }
    const dx = Math.max(Math.abs(b[0] - loc[0]), Math.abs(b[2] - loc[0]));
    const dy = Math.max(Math.abs(b[1] - loc[1]), Math.abs(b[3] - loc[1]));
    reach = Math.max(reach, Math.hypot(dx, dy));
  }
  const r = reach + unitDiameter(units);
  return r * r;
}

/** The largest unit diameter (grid: the cell's diagonal; polygons: the largest bounding-box diagonal). */
function unitDiameter(units: Units): number {
  if (units.kind === 'grid') return units.grid.cellSize * Math.SQRT2;
  let d = diameters.get(units);
  if (d === undefined) {
    d = 0;
    for (const b of units.bboxes) d = Math.max(d, Math.hypot(b[2] - b[0], b[3] - b[1]));
    diameters.set(units, d);
  }
  return d;
}
