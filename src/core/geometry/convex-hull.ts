/**
 * Convex hull of points (Andrew's monotone chain), the outline generated catchments are clipped
 * to: every unit lies inside it and each Voronoi cell ∩ hull is one convex piece, so generated
 * catchments have no holes, islands or gaps. EPSG:3067 metres.
 */
import type { MultiPolygon, Position, Ring } from '../model/geometry-types';
import type { Units } from '../model/units';

const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Counter-clockwise closed ring of the hull; [] for fewer than 3 distinct non-collinear points. */
export function convexHull(points: readonly Position[]): Ring {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return [];
  const lower: Position[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Position[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return hull.length < 3 ? [] : [...hull, [hull[0][0], hull[0][1]]];
}

/** The convex hull of every unit's corners, as a MultiPolygon (grid cells: their four corners). */
export function unitsHull(units: Units): MultiPolygon {
  const points: Position[] = [];
  if (units.kind === 'grid') {
    const { originX, originY, cellSize } = units.grid;
    for (let i = 0; i < units.count; i++) {
      const x = originX + units.col[i] * cellSize;
      const y = originY + units.row[i] * cellSize;
      points.push([x, y], [x + cellSize, y], [x, y + cellSize], [x + cellSize, y + cellSize]);
    }
  } else for (const mp of units.geometries) for (const polygon of mp) for (const p of polygon[0] ?? []) points.push(p);
  const ring = convexHull(points);
  return ring.length ? [[ring]] : [];
}
