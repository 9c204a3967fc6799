/**
 * Area-weighted centroid of planar (multi)polygons in EPSG:3067 metres (shoelace formula,
 * coordinates translated to the first vertex for precision far from the origin).
 */
import type { MultiPolygon } from '../model/geometry-types';

/** Area-weighted centroid of a MultiPolygon (shoelace); the mean of the first ring's vertices when the area is 0. */
export function multiPolygonCentroid(mp: MultiPolygon): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const first = mp[0]?.[0]?.[0];
  if (!first) return [NaN, NaN];
  const [x0, y0] = first; // translate for precision far from the origin
  for (const polygon of mp) {
    polygon.forEach((ring, k) => {
      let ra = 0;
      let rx = 0;
      let ry = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const ax = ring[i][0] - x0;
        const ay = ring[i][1] - y0;
        const bx = ring[i + 1][0] - x0;
        const by = ring[i + 1][1] - y0;
        const cross = ax * by - bx * ay;
        ra += cross;
        rx += (ax + bx) * cross;
        ry += (ay + by) * cross;
      }
      // Outer rings add, holes subtract, whatever their orientation.
      const sign = (k === 0 ? 1 : -1) * Math.sign(ra);
      a += sign * ra;
      cx += sign * rx;
      cy += sign * ry;
    });
  }
  if (a === 0) {
    const ring = mp[0][0];
    const n = Math.max(1, ring.length - 1);
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      sx += ring[i][0];
      sy += ring[i][1];
    }
    return [sx / n, sy / n];
  }
  // a is twice the area; centroid = Σ (xi + xi+1) cross / (6 A) = Σ … / (3 a).
  return [x0 + cx / (3 * a), y0 + cy / (3 * a)];
}
