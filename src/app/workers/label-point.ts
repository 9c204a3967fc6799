/**
 * Where to put a catchment's name: the pole of inaccessibility of its largest polygon — the
 * interior point farthest from every edge (holes included), found by the quadtree search of
 * Agafonkin's "polylabel" (ISC). Unlike a centroid or a bounding-box centre it is always inside
 * the polygon and sits in its widest part, where a label has the most room. EPSG:3067 metres.
 */
import { polygonArea as corePolygonArea } from '../../core/geometry/area';
import { multiPolygonBBox } from '../../core/geometry/bbox';
import type { MultiPolygon, Polygon, Position, Ring } from '../../core/model/geometry-types';

/** Area of a polygon (outer ring minus holes), m². */
export function polygonArea(polygon: Polygon): number {
  return Math.max(0, corePolygonArea(polygon));
}

function segmentDistance2(px: number, py: number, a: Position, b: Position): number {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from (x, y) to the polygon's boundary: positive inside, negative outside. */
export function signedDistance(x: number, y: number, polygon: Polygon): number {
  let inside = false;
  let min = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
      min = Math.min(min, segmentDistance2(x, y, a, b));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

interface Cell {
  x: number;
  y: number;
  /** Half the cell's side. */
  h: number;
  /** Distance of the centre to the boundary. */
  d: number;
  /** Upper bound of the distance anywhere in the cell. */
  max: number;
}

function makeCell(x: number, y: number, h: number, polygon: Polygon): Cell {
  const d = signedDistance(x, y, polygon);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/**
 * Pole of inaccessibility of a polygon to within `precision` metres: the returned point's
 * distance to the boundary is at least the true maximum minus `precision`.
 */
export function poleOfInaccessibility(polygon: Polygon, precision: number): Position {
  const outer = polygon[0];
  const [minX, minY, maxX, maxY] = multiPolygonBBox([[outer]]);
  const size = Math.min(maxX - minX, maxY - minY);
  if (size === 0) return [minX, minY];
  const h = size / 2;
  const queue: Cell[] = [];
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(makeCell(x + h, y + h, h, polygon));
  // Seed with the area centroid of the outer ring (often already good), then the bbox centre.
  let best = makeCell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0, polygon);
  const c = ringCentroid(outer);
  if (c) {
    const cc = makeCell(c[0], c[1], 0, polygon);
    if (cc.d > best.d) best = cc;
  }
  // Simple priority queue: keep sorted by `max` ascending and pop the last (largest) one.
  queue.sort((a, b) => a.max - b.max);
  let guard = 0;
  while (queue.length > 0 && guard++ < 100_000) {
    const cell = queue.pop()!;
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    const k = cell.h / 2;
    for (const [dx, dy] of [[-k, -k], [k, -k], [-k, k], [k, k]] as const) insertSorted(queue, makeCell(cell.x + dx, cell.y + dy, k, polygon));
  }
  return [best.x, best.y];
}

function insertSorted(queue: Cell[], cell: Cell): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (queue[mid].max < cell.max) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, cell);
}

function ringCentroid(ring: Ring): Position | null {
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    cx += (ring[i][0] + ring[i + 1][0]) * cross;
    cy += (ring[i][1] + ring[i + 1][1]) * cross;
    a2 += cross;
  }
  return a2 === 0 ? null : [cx / (3 * a2), cy / (3 * a2)];
}

/**
 * Label point of a catchment: the pole of inaccessibility of its largest polygon, to within
 * 1 % of that polygon's smaller bounding-box side (at least 5 m). Null for an empty catchment.
 * `fallback` is kept for callers that pass the school's location; it is used only if the
 * search fails to land inside (degenerate rings).
 */
export function labelPoint(mp: MultiPolygon, fallback: Position): Position | null {
  let best: Polygon | null = null;
  let bestArea = 0;
  for (const polygon of mp) {
    const a = polygonArea(polygon);
    if (a > bestArea) {
      bestArea = a;
      best = polygon;
    }
  }
  if (!best) return null;
  const xs = best[0].map((p) => p[0]);
  const ys = best[0].map((p) => p[1]);
  const side = Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const p = poleOfInaccessibility(best, Math.max(5, side / 100));
  return signedDistance(p[0], p[1], best) > 0 ? p : fallback;
}

/** Total area of a catchment, m². */
export function catchmentArea(mp: MultiPolygon): number {
  return mp.reduce((s, polygon) => s + polygonArea(polygon), 0);
}
