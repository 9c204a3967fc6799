/**
 * Length of the border a polygon part shares with a neighbouring catchment: the length of the
 * part's edges that run along the neighbour's edges (both end points of a neighbour edge within
 * `tolerance` metres of the part edge's line, overlapping it along its length). Exact for the
 * borders boolean operations produce (they reuse the input coordinates); `tolerance` absorbs
 * digitising noise. Metres, EPSG:3067.
 */
import { bboxIntersects, multiPolygonBBox } from '../geometry/bbox';
import type { BBox, MultiPolygon, Polygon, Position } from '../model/geometry-types';

/** Default tolerance for "runs along", metres. */
export const DEFAULT_BORDER_TOLERANCE = 0.01;

function edgesNear(mp: MultiPolygon, box: BBox): [Position, Position][] {
  const out: [Position, Position][] = [];
  for (const polygon of mp)
    for (const ring of polygon)
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        if (Math.max(a[0], b[0]) < box[0] || Math.min(a[0], b[0]) > box[2] || Math.max(a[1], b[1]) < box[1] || Math.min(a[1], b[1]) > box[3]) continue;
        out.push([a, b]);
      }
  return out;
}

/** Length (m) of `part`'s boundary that runs along `other`'s boundary. */
export function sharedBorderLength(part: Polygon, other: MultiPolygon, tolerance = DEFAULT_BORDER_TOLERANCE): number {
  const box = multiPolygonBBox([part]);
  const grown: BBox = [box[0] - tolerance, box[1] - tolerance, box[2] + tolerance, box[3] + tolerance];
  if (!bboxIntersects(grown, multiPolygonBBox(other))) return 0;
  const edges = edgesNear(other, grown);
  if (edges.length === 0) return 0;
  let total = 0;
  for (const ring of part)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (len === 0) continue;
      const ux = (b[0] - a[0]) / len;
      const uy = (b[1] - a[1]) / len;
      // Covered intervals of this edge, merged so that overlapping neighbour edges count once.
      const intervals: [number, number][] = [];
      for (const [c, d] of edges) {
        const dc = Math.abs(ux * (c[1] - a[1]) - uy * (c[0] - a[0]));
        const dd = Math.abs(ux * (d[1] - a[1]) - uy * (d[0] - a[0]));
        if (dc > tolerance || dd > tolerance) continue;
        const tc = ux * (c[0] - a[0]) + uy * (c[1] - a[1]);
        const td = ux * (d[0] - a[0]) + uy * (d[1] - a[1]);
        const lo = Math.max(0, Math.min(tc, td));
        const hi = Math.min(len, Math.max(tc, td));
        if (hi > lo) intervals.push([lo, hi]);
      }
      total += mergedLength(intervals);
    }
  return total;
}

function mergedLength(intervals: [number, number][]): number {
  if (intervals.length === 0) return 0;
  intervals.sort((p, q) => p[0] - q[0]);
  let sum = 0;
  let [lo, hi] = intervals[0];
  for (let i = 1; i < intervals.length; i++) {
    const [a, b] = intervals[i];
    if (a > hi) {
      sum += hi - lo;
      lo = a;
      hi = b;
    } else hi = Math.max(hi, b);
  }
  return sum + (hi - lo);
}

/**
 * The catchment sharing the longest border with `part` (ties: the lower index), skipping
 * `exclude`; null when no catchment touches it along a border.
 */
export function longestBorderNeighbour(part: Polygon, catchments: readonly MultiPolygon[], exclude: number, tolerance = DEFAULT_BORDER_TOLERANCE): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  catchments.forEach((c, j) => {
    if (j === exclude || c.length === 0) return;
    const length = sharedBorderLength(part, c, tolerance);
    if (length > 0 && (!best || length > best.length)) best = { index: j, length };
  });
  return best;
}
