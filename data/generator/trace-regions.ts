/**
 * Raster regions → polygons along pixel edges (EPSG:3067 metres, integer coordinates when
 * the origin and pixel are integers). Each label's boundary edges are walked with the
 * region on the left, so outer rings come out counter-clockwise and holes clockwise; at a
 * vertex where a region touches itself diagonally the walk turns left (4-connected regions).
 * A 4-connected region can still come back to that vertex later on the same walk (a ring
 * around a pocket of other pixels that opens only at a corner); such a ring touches itself,
 * which OGC simple features (GEOS, QGIS "Check validity") call a ring self-intersection. Each
 * walk is therefore split at every vertex it passes twice (splitAtRepeatedVertices): the pocket
 * becomes a clockwise hole touching the outer ring at that one vertex, which is valid and
 * encloses exactly the same area. Collinear points are dropped as the rings are walked.
 * Neighbouring regions share exactly the same edges, so a partition stays a partition.
 */
import { splitAtRepeatedVertices } from '../../src/core/geometry/split-touching-rings';
import type { MultiPolygon, Polygon, Position, Ring } from '../../src/core/model/geometry-types';

export interface RasterFrame {
  w: number;
  h: number;
  originX: number;
  originY: number;
  pixel: number;
}

// Directions: 0 = east, 1 = north, 2 = west, 3 = south.
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/** Polygons of every label 0 … labelCount-1 (pixels with other values are background). */
export function traceRegions(frame: RasterFrame, labels: Int32Array, labelCount: number): MultiPolygon[] {
  const { w, h } = frame;
  const at = (c: number, r: number) => (c < 0 || r < 0 || c >= w || r >= h ? -1 : labels[r * w + c]);
  // Pixel on the left and right of the unit edge leaving vertex (vx, vy) in direction d.
  const leftOf = (vx: number, vy: number, d: number) => (d === 0 ? at(vx, vy) : d === 1 ? at(vx - 1, vy) : d === 2 ? at(vx - 1, vy - 1) : at(vx, vy - 1));
  const rightOf = (vx: number, vy: number, d: number) => (d === 0 ? at(vx, vy - 1) : d === 1 ? at(vx, vy) : d === 2 ? at(vx - 1, vy) : at(vx - 1, vy - 1));
  const isEdge = (vx: number, vy: number, d: number, lab: number) => leftOf(vx, vy, d) === lab && rightOf(vx, vy, d) !== lab;
  // One visited flag per (vertex, direction).
  const visited = new Uint8Array((w + 1) * (h + 1));
  const rings: Ring[][] = Array.from({ length: labelCount }, () => []);

  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const lab = labels[r * w + c];
      if (lab < 0 || lab >= labelCount) continue;
      // The bottom edge of a pixel runs east from its lower-left corner; every ring has a lowest such edge.
      if (at(c, r - 1) === lab || visited[r * (w + 1) + c] & 1) continue;
      rings[lab].push(...splitAtRepeatedVertices(walk(c, r, lab)));
    }
  }
  return rings.map((list) => assemble(list));

  function walk(sx: number, sy: number, lab: number): Ring {
    const ring: Ring = [];
    let vx = sx;
    let vy = sy;
    let d = 0;
    let prev = -1;
    for (;;) {
      visited[vy * (w + 1) + vx] |= 1 << d;
      if (d !== prev) ring.push(point(vx, vy));
      prev = d;
      vx += DX[d];
      vy += DY[d];
      const left = (d + 1) & 3;
      const right = (d + 3) & 3;
      const next = isEdge(vx, vy, left, lab) ? left : isEdge(vx, vy, d, lab) ? d : right;
      // The only edge leaving the start vertex eastwards is the first one: the ring is closed.
      if (vx === sx && vy === sy && next === 0) break;
      d = next;
    }
    // The start vertex is always a corner: scanning row by row finds the westmost edge of its run first.
    ring.push([ring[0][0], ring[0][1]]);
    return ring;
  }

  function point(vx: number, vy: number): Position {
    return [frame.originX + vx * frame.pixel, frame.originY + vy * frame.pixel];
  }
}

/** Signed area (m²): positive for counter-clockwise rings. */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Point strictly inside `ring` (even–odd rule). */
function inside(ring: Ring, x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Group rings into polygons: each hole goes into the smallest outer ring that contains it. */
function assemble(rings: Ring[]): MultiPolygon {
  const outers = rings.filter((r) => ringArea(r) > 0);
  const holes = rings.filter((r) => ringArea(r) < 0);
  const polygons: Polygon[] = outers.map((o) => [o]);
  for (const hole of holes) {
    // Midpoint of a vertical edge: never on a vertex of a pixel-edge ring.
    let k = 0;
    while (hole[k][0] !== hole[k + 1][0]) k++;
    const x = hole[k][0];
    const y = (hole[k][1] + hole[k + 1][1]) / 2;
    let best = -1;
    for (let i = 0; i < outers.length; i++) {
      if (inside(outers[i], x + 1e-3, y) && (best < 0 || ringArea(outers[i]) < ringArea(outers[best]))) best = i;
    }
    if (best < 0) throw new Error('traceRegions: hole outside every outer ring');
    polygons[best].push(hole);
  }
  return polygons;
}
