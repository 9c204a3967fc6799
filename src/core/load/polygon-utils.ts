/** Small planar helpers for loaded polygons (EPSG:3067 metres). */
import { ringSignedArea } from '../geometry/area';
import type { MultiPolygon } from '../model/geometry-types';

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
