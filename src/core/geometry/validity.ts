/**
 * Structural checks of MultiPolygons in metres: finite coordinates, closed rings
 * with at least 4 positions, non-zero ring areas. Self-intersection is not
 * checked (that needs a sweep; Clipper2 resolves it, NonZero fill, on the first boolean operation).
 */
import type { MultiPolygon } from '../model/geometry-types';
import type { Problem } from '../model/result';
import { ringSignedArea } from './area';

/** Problems found in `mp`; empty when it is usable. `what` names the geometry in messages. */
export function checkMultiPolygon(mp: MultiPolygon, what = 'geometry'): Problem[] {
  const problems: Problem[] = [];
  mp.forEach((polygon, pi) => {
    if (polygon.length === 0) {
      problems.push({ code: 'invalid-geometry', message: `${what}: polygon ${pi} has no rings.`, fix: 'Remove the empty polygon.', feature: pi });
    }
    polygon.forEach((ring, ri) => {
      const where = `${what}: polygon ${pi}, ring ${ri}`;
      if (!ring.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))) {
        problems.push({ code: 'invalid-geometry', message: `${where} has non-finite coordinates.`, fix: 'Check the coordinate columns and the CRS (EPSG:3067 metres expected).', feature: pi });
        return;
      }
      if (ring.length < 4) {
        problems.push({ code: 'invalid-geometry', message: `${where} has fewer than 4 positions.`, fix: 'Draw at least three distinct corners.', feature: pi });
        return;
      }
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1]) {
        problems.push({ code: 'invalid-geometry', message: `${where} is not closed.`, fix: 'Repeat the first position at the end of the ring.', feature: pi });
      }
      if (ringSignedArea(ring) === 0) {
        problems.push({ code: 'invalid-geometry', message: `${where} has zero area.`, fix: 'Remove the degenerate ring.', feature: pi });
      }
    });
  });
  return problems;
}
