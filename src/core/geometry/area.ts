/**
 * Planar areas and perimeters by the shoelace formula. Coordinates in metres
 * (EPSG:3067); areas in m², perimeters in m.
 */
import type { MultiPolygon, Polygon, Ring } from '../model/geometry-types';

/** Signed area of a ring in m²: positive when counter-clockwise (x east, y north). Closed or open rings both work. */
export function ringSignedArea(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  // Translate to the first vertex to keep the products small (exactness far from the origin).
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let sum = 0;
  for (let i = 1; i < n - 1; i++) {
    const ax = ring[i][0] - x0;
    const ay = ring[i][1] - y0;
    const bx = ring[i + 1][0] - x0;
    const by = ring[i + 1][1] - y0;
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

/** Area of a polygon in m²: |outer| minus |holes|, whatever the ring orientation. */
export function polygonArea(polygon: Polygon): number {
  if (polygon.length === 0) return 0;
  let area = Math.abs(ringSignedArea(polygon[0]));
  for (let i = 1; i < polygon.length; i++) area -= Math.abs(ringSignedArea(polygon[i]));
  return area;
}

/** Area of a MultiPolygon in m² (sum of its polygons; overlapping parts count twice). */
export function multiPolygonArea(mp: MultiPolygon): number {
  let area = 0;
  for (const p of mp) area += polygonArea(p);
  return area;
}

/** Length of a ring in metres (closing edge included if the ring is open). */
export function ringPerimeter(ring: Ring): number {
  const n = ring.length;
  let len = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    len += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return len;
}

/** Perimeter of a polygon in metres: outer ring plus holes. */
export function polygonPerimeter(polygon: Polygon): number {
  let len = 0;
  for (const r of polygon) len += ringPerimeter(r);
  return len;
}
