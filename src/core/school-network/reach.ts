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
export function unitDiameter(units: Units): number {
  if (units.kind === 'grid') return units.grid.cellSize * Math.SQRT2;
  let d = diameters.get(units);
  if (d === undefined) {
    d = 0;
    for (const b of units.bboxes) d = Math.max(d, Math.hypot(b[2] - b[0], b[3] - b[1]));
    diameters.set(units, d);
  }
  return d;
}

/**
 * The receivers (indices into `locations`, ascending) that can be the nearest to some point of
 * `box` grown by `margin`: with D = the smallest distance from a receiver to the grown box's
 * farthest corner, a receiver whose distance to the grown box exceeds D is farther than that
 * receiver from every point of it, so it never wins nor ties. Order is kept (ties: the first).
 */
export function possibleNearest(locations: readonly Position[], box: BBox, margin: number): number[] {
  const x0 = box[0] - margin;
  const y0 = box[1] - margin;
  const x1 = box[2] + margin;
  const y1 = box[3] + margin;
  const near = new Float64Array(locations.length);
  let best = Infinity;
  for (let i = 0; i < locations.length; i++) {
    const [x, y] = locations[i];
    const dx = Math.max(x0 - x, 0, x - x1);
    const dy = Math.max(y0 - y, 0, y - y1);
    near[i] = Math.hypot(dx, dy);
    best = Math.min(best, Math.hypot(Math.max(Math.abs(x - x0), Math.abs(x - x1)), Math.max(Math.abs(y - y0), Math.abs(y - y1))));
  }
  // A relative and an absolute slack (metres) against rounding: a receiver kept needlessly costs only time.
  const limit = best * (1 + 1e-9) + 1e-6;
  const out: number[] = [];
  for (let i = 0; i < locations.length; i++) if (near[i] <= limit) out.push(i);
  return out;
}
