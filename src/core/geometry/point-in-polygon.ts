/**
 * Point-in-polygon by ray crossing (even–odd), planar metres. Points exactly on
 * an edge may go either way; callers needing a decision on the boundary must not rely on it.
 */
import type { MultiPolygon, Polygon, Position, Ring } from '../model/geometry-types';

/** True when (x, y) is inside the ring (even–odd rule; orientation does not matter). */
export function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(pt: Position, polygon: Polygon): boolean {
  if (polygon.length === 0 || !pointInRing(pt[0], pt[1], polygon[0])) return false;
  for (let i = 1; i < polygon.length; i++) if (pointInRing(pt[0], pt[1], polygon[i])) return false;
  return true;
}

/** Inside any polygon of the MultiPolygon. */
export function pointInMultiPolygon(pt: Position, mp: MultiPolygon): boolean {
  for (const p of mp) if (pointInPolygon(pt, p)) return true;
  return false;
}
