/**
 * Converting a lasso drawn on the screen into the region of an `assign-region` edit.
 */
import type { MultiPolygon, Position, Ring } from '../../core/model/geometry-types';

/** Screen points closer than this to the previous kept point are dropped (CSS pixels). */
export const LASSO_MIN_STEP_PX = 3;

/** Twice the signed area of a ring (positive when counter-clockwise, y up). */
export function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s;
}

/** Drops consecutive screen points closer than `minStep` pixels to the last kept one. */
export function thinScreenPath(points: readonly Position[], minStep = LASSO_MIN_STEP_PX): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minStep) out.push([p[0], p[1]]);
  }
  return out;
}

/**
 * A lasso drawn on the screen → a one-polygon MultiPolygon in EPSG:3067 metres, with a closed
 * outer ring (first = last) oriented counter-clockwise. Returns null when fewer than three
 * distinct points remain or the ring has no area (a click, a straight stroke).
 * @param screen pointer positions in CSS pixels, in drawing order (not closed)
 * @param unproject CSS pixel → EPSG:3067 [x, y] metres
 */
export function lassoToRegion(screen: readonly Position[], unproject: (p: Position) => Position): MultiPolygon | null {
  const thinned = thinScreenPath(screen);
  const first = thinned[0];
  const last = thinned[thinned.length - 1];
  if (thinned.length > 1 && Math.hypot(first[0] - last[0], first[1] - last[1]) < LASSO_MIN_STEP_PX) thinned.pop();
  if (thinned.length < 3) return null;
  const ring: Ring = thinned.map((p) => {
    const [x, y] = unproject(p);
    return [x, y] as Position;
  });
  const area2 = signedArea2(ring);
  if (!(Math.abs(area2) > 0)) return null;
  if (area2 < 0) ring.reverse();
  ring.push([ring[0][0], ring[0][1]]);
  return [[ring]];
}
