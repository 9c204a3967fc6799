/**
 * Ring orientation. Convention of the core (see geometry-types.ts): outer rings
 * counter-clockwise, holes clockwise, with x east and y north (EPSG:3067).
 */
import type { MultiPolygon, Polygon, Ring } from '../model/geometry-types';
import { ringSignedArea } from './area';

/** A copy of `ring` in the requested orientation (shares positions, never mutates). */
export function orientRing(ring: Ring, counterClockwise: boolean): Ring {
  const ccw = ringSignedArea(ring) > 0;
  return ccw === counterClockwise ? ring : ring.slice().reverse();
}

/** Outer ring counter-clockwise, holes clockwise. Returns a new polygon; the input is untouched. */
export function normalisePolygon(polygon: Polygon): Polygon {
  return polygon.map((ring, i) => orientRing(ring, i === 0));
}

/** Outer rings counter-clockwise, holes clockwise, for every polygon. Returns a new MultiPolygon. */
export function normaliseOrientation(mp: MultiPolygon): MultiPolygon {
  return mp.map(normalisePolygon);
}

/** True when every outer ring is counter-clockwise and every hole clockwise. */
export function isNormalised(mp: MultiPolygon): boolean {
  return mp.every((p) => p.every((ring, i) => (ringSignedArea(ring) > 0) === (i === 0)));
}
