/** Small planar helpers for loaded polygons (EPSG:3067 metres). */
import type { BBox, MultiPolygon, Ring } from '../model/geometry-types';

/** Signed area of a closed ring in m² (shoelace; positive = counter-clockwise). */
export function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/**
 * Normalise in place: drop repeated consecutive positions, make outer rings counter-clockwise
 * and holes clockwise (the convention of geometry-types.ts). Returns the same MultiPolygon.
 */
export function normaliseMultiPolygon(mp: MultiPolygon): MultiPolygon {
  for (const polygon of mp) {
    polygon.forEach((ring, r) => {
      for (let i = ring.length - 1; i > 0; i--) if (ring[i][0] === ring[i - 1][0] && ring[i][1] === ring[i - 1][1]) ring.splice(i, 1);
      const last = ring[ring.length - 1];
      if (last[0] !== ring[0][0] || last[1] !== ring[0][1]) ring.push([ring[0][0], ring[0][1]]);
      const area = ringSignedArea(ring);
      if ((r === 0 && area < 0) || (r > 0 && area > 0)) ring.reverse();
    });
  }
  return mp;
}

/** Area in m²: outer rings minus holes. */
export function multiPolygonArea(mp: MultiPolygon): number {
  let a = 0;
  for (const polygon of mp) polygon.forEach((ring, r) => (a += r === 0 ? Math.abs(ringSignedArea(ring)) : -Math.abs(ringSignedArea(ring))));
  return a;
}

export function multiPolygonBBox(mp: MultiPolygon): BBox {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of mp)
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  return [minX, minY, maxX, maxY];
}
