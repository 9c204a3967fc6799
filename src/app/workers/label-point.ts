/**
 * Where to put a catchment's name: the area centroid of its largest polygon (outer ring), or
 * `fallback` (the school) when that centroid falls outside the polygon. EPSG:3067 metres.
 */
import type { MultiPolygon, Position, Ring } from '../../core/model/geometry-types';

function ringArea2(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

/** Even–odd point-in-ring test. */
export function pointInRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function labelPoint(mp: MultiPolygon, fallback: Position): Position | null {
  let best: Ring | null = null;
  let bestArea = 0;
  for (const polygon of mp) {
    const a = Math.abs(ringArea2(polygon[0] ?? []));
    if (a > bestArea) {
      bestArea = a;
      best = polygon[0];
    }
  }
  if (!best || bestArea === 0) return null;
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0; i + 1 < best.length; i++) {
    const cross = best[i][0] * best[i + 1][1] - best[i + 1][0] * best[i][1];
    cx += (best[i][0] + best[i + 1][0]) * cross;
    cy += (best[i][1] + best[i + 1][1]) * cross;
    a2 += cross;
  }
  const c: Position = [cx / (3 * a2), cy / (3 * a2)];
  return pointInRing(c, best) ? c : fallback;
}
