/**
 * Bridge between the core's MultiPolygons (float EPSG:3067 metres) and Clipper2's
 * integer paths, for one boolean operation.
 *
 * Clipper2 works on an integer grid; here 1 unit = 1 mm (coordinates × 1000,
 * rounded). Its topology decisions are made on that grid, but the output is put
 * back on the exact input coordinates, so that shared borders stay bit-identical
 * between neighbouring catchments:
 * - an output vertex equal to a rounded input vertex gets that input's float position;
 * - any other output vertex is a crossing of two input edges (Clipper2 truncates it
 *   to the grid): it gets the exact float crossing of two original edges that pass
 *   within 3 mm of it (the nearest such crossing), computed the same way whatever the
 *   operation, so o ∩ R and o \ R get the same crossing points; failing that, its
 *   grid position.
 * Limitation of the port (@countertype/clipper2-ts 1.5): its exact collinearity test
 * keeps only the low 32 bits of coordinate differences, so one operation's extent must
 * stay below 2^31 mm ≈ 2 147 km (checked; Finland is ~1 200 km tall).
 */
import * as C2 from '@countertype/clipper2-ts';
import type { Path64, Paths64, PolyPath64 } from '@countertype/clipper2-ts';
import type { MultiPolygon, Polygon, Position, Ring } from '../model/geometry-types';
import { ringSignedArea } from './area';
import { PointTable } from './point-table';
import { installExactCollinear } from './clipper-collinear';
import { UserError, type Problem } from '../model/result';

installExactCollinear();

/** Grid units per metre: Clipper2 sees whole millimetres. */
export const CLIP_UNITS_PER_METRE = 1000;
/** Largest extent of one operation, in grid units (see the limitation above). */
export const CLIP_MAX_EXTENT = 2 ** 31;
/** Largest extent of one operation in metres (≈ 2 147 km). */
export const CLIP_MAX_METRES = CLIP_MAX_EXTENT / CLIP_UNITS_PER_METRE;

/** The problem of an operation whose extent (metres) the clipper's integer range cannot hold. */
export function clipExtentProblem(extentMetres: number): Problem {
  return {
    code: 'geometry-too-large',
    message: `A geometry operation spans ${Math.round(extentMetres / 1000)} km, more than the ${Math.floor(CLIP_MAX_METRES / 1000)} km the polygon clipper can hold exactly.`,
    fix: 'Cut the data to the planning area first (a municipality: an area filter such as kuntano = 837, or --area with --area-where in the CLI), and check the coordinate systems of the files.',
  };
}

/** How far (grid units) a truncated crossing may lie from the exact one. */
const CROSSING_TOLERANCE = 3;

/** One table for all operations (single-threaded, never re-entered): cleared in O(1) per operation. */
const sharedTable = new PointTable(1024);
/** Scratch list of edges near a point (4 numbers per edge). */
const nearEdges: number[] = [];

export class ClipperIO {
  private readonly table = sharedTable;
  /** Input positions by table value: output vertices share these arrays (never mutated). */
  private readonly positions: Position[] = [];
  /** Input rings, searched for the edges of crossings. */
  private readonly rings: Ring[] = [];
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  constructor() {
    this.table.clear();
  }

  /** Integer paths of `mp`: outer rings counter-clockwise, holes clockwise (so NonZero fill is right). */
  add(mp: MultiPolygon): Paths64 {
    const paths: Paths64 = [];
    for (const polygon of mp) {
      for (let ri = 0; ri < polygon.length; ri++) {
        const path = this.addRing(polygon[ri], ri === 0);
        if (path) paths.push(path);
      }
    }
    return paths;
  }

  private addRing(ring: Ring, outer: boolean): Path64 | null {
    const area = ringSignedArea(ring);
    if (Number.isNaN(area)) throw new Error('boolean operation on non-finite coordinates');
    // A zero signed area is a flat ring or a ring whose lobes cancel (a symmetric bow tie):
    // kept as stored, since NonZero fills each lobe of a crossing ring, whichever way it winds.
    if (area === 0 && ring.length < 4) return null;
    this.rings.push(ring);
    const forward = area === 0 || area > 0 === outer;
    const n = ring.length;
    const closed = n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1];
    const m = closed ? n - 1 : n;
    const path: Path64 = [];
    let px = NaN;
    let py = NaN;
    for (let k = 0; k < m; k++) {
      const p = ring[forward ? k : m - 1 - k];
      const ix = Math.round(p[0] * CLIP_UNITS_PER_METRE);
      const iy = Math.round(p[1] * CLIP_UNITS_PER_METRE);
      if (ix === px && iy === py) continue;
      if (!Number.isFinite(ix) || !Number.isFinite(iy)) throw new Error('boolean operation on non-finite coordinates');
      this.table.setIfAbsent(ix, iy, this.positions.length);
      this.positions.push(p);
      path.push({ x: ix, y: iy });
      px = ix;
      py = iy;
      if (ix < this.minX) this.minX = ix;
      if (ix > this.maxX) this.maxX = ix;
      if (iy < this.minY) this.minY = iy;
      if (iy > this.maxY) this.maxY = iy;
    }
    if (path.length > 1 && path[0].x === px && path[0].y === py) path.pop();
    return path.length >= 3 ? path : null;
  }

  /** Runs the operation and returns the result in float metres, normalised (outer CCW, holes CW, closed rings). */
  run(clipType: C2.ClipType, subject: Paths64, clip: Paths64 | null): MultiPolygon {
    if (subject.length === 0) return [];
    if (this.maxX - this.minX >= CLIP_MAX_EXTENT || this.maxY - this.minY >= CLIP_MAX_EXTENT) {
      // Input-driven (e.g. an outline spanning the whole country and more), not a bug: a named problem.
      throw new UserError(clipExtentProblem(Math.max(this.maxX - this.minX, this.maxY - this.minY) / CLIP_UNITS_PER_METRE));
    }
    const tree = new C2.PolyTree64();
    C2.booleanOpWithPolyTree(clipType, subject, clip, tree, C2.FillRule.NonZero);
    const out: MultiPolygon = [];
    this.collect(tree, out);
    return out;
  }

  /** Outer paths are the children of `node`; their children are holes, whose children are islands. */
  private collect(node: PolyPath64, out: MultiPolygon): void {
    for (let i = 0; i < node.count; i++) {
      const outer = node.child(i);
      const outerRing = this.ring(outer.poly!, true);
      const polygon: Polygon | null = outerRing ? [outerRing] : null;
      for (let j = 0; j < outer.count; j++) {
        const hole = outer.child(j);
        const holeRing = this.ring(hole.poly!, false);
        if (polygon && holeRing) polygon.push(holeRing);
        this.collect(hole, out);
      }
      if (polygon) out.push(polygon);
    }
  }

  /** Closed float ring of an output path in the requested orientation; null when degenerate. */
  private ring(path: Path64, outer: boolean): Ring | null {
    const ring: Ring = [];
    let last: Position | null = null;
    for (let k = 0; k < path.length; k++) {
      const q = this.restore(path[k].x, path[k].y);
      if (!last || last[0] !== q[0] || last[1] !== q[1]) ring.push(q);
      last = q;
    }
    while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
    if (ring.length < 3) return null;
    ring.push([ring[0][0], ring[0][1]]);
    const area = ringSignedArea(ring);
    if (area === 0) return null;
    return area > 0 === outer ? ring : ring.reverse();
  }

  /** Float position of an output grid point (see the file comment). */
  private restore(ix: number, iy: number): Position {
    const v = this.table.get(ix, iy);
    if (v >= 0) return this.positions[v];
    const x = ix / CLIP_UNITS_PER_METRE;
    const y = iy / CLIP_UNITS_PER_METRE;
    return this.crossing(x, y) ?? [x, y];
  }

  /** Exact crossing of two input edges passing within the tolerance of (x, y), the nearest one. */
  private crossing(x: number, y: number): Position | null {
    const tol = CROSSING_TOLERANCE / CLIP_UNITS_PER_METRE;
    const e = nearEdges;
    e.length = 0;
    for (const ring of this.rings) {
      const n = ring.length;
      for (let k = 0; k < n; k++) {
        const a = ring[k];
        const b = ring[k + 1 < n ? k + 1 : 0];
        const ax = a[0];
        const ay = a[1];
        const bx = b[0];
        const by = b[1];
        if (x < (ax < bx ? ax : bx) - tol || x > (ax < bx ? bx : ax) + tol) continue;
        if (y < (ay < by ? ay : by) - tol || y > (ay < by ? by : ay) + tol) continue;
        if ((ax !== bx || ay !== by) && segmentDistance(x, y, ax, ay, bx, by) <= tol) e.push(ax, ay, bx, by);
      }
    }
    // Both edges pass within `tol` of the point, but along shallow crossings the grid point
    // can sit far from the exact crossing (Clipper2 clamps it into its scanbeam): take the
    // nearest true crossing of two such edges, however far.
    let best: Position | null = null;
    let bestD = Infinity;
    for (let a = 0; a < e.length; a += 4) {
      for (let b = a + 4; b < e.length; b += 4) {
        const q = canonicalCrossing(e, a, b, tol);
        if (!q) continue;
        const d = Math.hypot(q[0] - x, q[1] - y);
        if (d < bestD) {
          bestD = d;
          best = q;
        }
      }
    }
    return best;
  }
}

function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Lexicographic order of points, used to make crossings independent of edge direction and order. */
function before(ax: number, ay: number, bx: number, by: number): boolean {
  return ax < bx || (ax === bx && ay < by);
}

/**
 * Crossing of edges i and j of `e` when they cross (or come within `tol` metres of
 * crossing), computed the same way whatever the direction or order of the two
 * edges; null when they are parallel, miss each other, or share an end point (that
 * vertex is an input vertex, restored by the table).
 */
function canonicalCrossing(e: number[], i: number, j: number, tol: number): Position | null {
  let [ax, ay, bx, by] = [e[i], e[i + 1], e[i + 2], e[i + 3]];
  let [cx, cy, dx, dy] = [e[j], e[j + 1], e[j + 2], e[j + 3]];
  if (before(bx, by, ax, ay)) [ax, ay, bx, by] = [bx, by, ax, ay];
  if (before(dx, dy, cx, cy)) [cx, cy, dx, dy] = [dx, dy, cx, cy];
  if (before(cx, cy, ax, ay) || (cx === ax && cy === ay && before(dx, dy, bx, by))) {
    [ax, ay, bx, by, cx, cy, dx, dy] = [cx, cy, dx, dy, ax, ay, bx, by];
  }
  if ((ax === cx && ay === cy) || (ax === dx && ay === dy) || (bx === cx && by === cy) || (bx === dx && by === dy)) return null;
  const ux = bx - ax;
  const uy = by - ay;
  const vx = dx - cx;
  const vy = dy - cy;
  const det = ux * vy - uy * vx;
  if (det === 0) return null;
  const t = ((cx - ax) * vy - (cy - ay) * vx) / det;
  const s = ((cx - ax) * uy - (cy - ay) * ux) / det;
  const lu = Math.hypot(ux, uy);
  const lv = Math.hypot(vx, vy);
  if (t * lu < -tol || (1 - t) * lu < -tol || s * lv < -tol || (1 - s) * lv < -tol) return null;
  return [ax + t * ux, ay + t * uy];
}
