/**
 * Rings that pass through one vertex twice, split into simple rings. Clipper2 (every boolean
 * operation) and pixel tracing can return an "inverted hole": an outer ring that dips in to a
 * vertex, runs round a pocket and leaves through the same vertex. That encloses the right area
 * but is not valid OGC simple-features geometry (GEOS / QGIS: "Ring Self-intersection"). Split
 * at the repeated vertex, the pocket becomes a hole touching its outer ring at that one point,
 * which is valid and covers exactly the same area. EPSG:3067 metres.
 */
import type { MultiPolygon, Polygon, Position, Ring } from '../model/geometry-types';
import { ringSignedArea } from './area';
import { pointInRing } from './point-in-polygon';

const key = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * A closed ring cut into closed rings that pass through no vertex twice: each loop between two
 * visits of the same vertex becomes a ring of its own (orientation kept: a loop walked the other
 * way round is a hole). The signed areas of the pieces add up to the ring's.
 */
export function splitAtRepeatedVertices(ring: Ring): Ring[] {
  const out: Ring[] = [];
  const path: Position[] = [];
  const at = new Map<string, number>();
  const closed = ring.length > 1 && key(ring[0]) === key(ring[ring.length - 1]);
  for (let i = 0; i < (closed ? ring.length - 1 : ring.length); i++) {
    const k = key(ring[i]);
    const seen = at.get(k);
    if (seen === undefined) {
      at.set(k, path.length);
      path.push(ring[i]);
      continue;
    }
    if (seen === path.length - 1) continue; // a repeated point, not a loop
    // path[seen] … path[end] and back to this vertex: a loop of its own.
    const loop = path.splice(seen);
    for (const p of loop) at.delete(key(p));
    out.push([...loop, [loop[0][0], loop[0][1]]]);
    at.set(k, path.length);
    path.push(ring[i]);
  }
  if (path.length > 0) out.push([...path, [path[0][0], path[0][1]]]);
  return out;
}

function hasRepeatedVertex(ring: Ring): boolean {
  const seen = new Set<string>();
  for (let i = 0; i + 1 < ring.length; i++) {
    const k = key(ring[i]);
    if (seen.has(k) && key(ring[i - 1]) !== k) return true;
    seen.add(k);
  }
  return false;
}

/** A point inside `hole`'s area for containment tests: the midpoint of its first non-degenerate edge. */
function probe(hole: Ring): Position {
  for (let i = 0; i + 1 < hole.length; i++) {
    const [a, b] = [hole[i], hole[i + 1]];
    if (a[0] !== b[0] || a[1] !== b[1]) return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  }
  return hole[0];
}

function splitPolygon(polygon: Polygon): Polygon[] {
  if (!polygon.some(hasRepeatedVertex)) return [polygon];
  const outerSign = Math.sign(ringSignedArea(polygon[0]));
  const outers: Ring[] = [];
  const holes: Ring[] = [];
  for (const ring of polygon)
    for (const piece of splitAtRepeatedVertices(ring)) {
      const a = ringSignedArea(piece);
      if (a !== 0) (Math.sign(a) === outerSign ? outers : holes).push(piece);
    }
  const result: Polygon[] = outers.map((o) => [o]);
  for (const hole of holes) {
    const [x, y] = probe(hole);
    let best = -1;
    outers.forEach((o, i) => {
      if (pointInRing(x, y, o) && (best < 0 || Math.abs(ringSignedArea(o)) < Math.abs(ringSignedArea(outers[best])))) best = i;
    });
    if (best >= 0) result[best].push(hole);
  }
  return result;
}

/** `mp` with every ring that passes a vertex twice split into simple rings (unchanged polygons are the same arrays). */
export function splitTouchingRings(mp: MultiPolygon): MultiPolygon {
  return mp.flatMap(splitPolygon);
}
