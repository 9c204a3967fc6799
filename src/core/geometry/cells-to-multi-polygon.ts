/**
 * The union of grid cells as a MultiPolygon in metres (EPSG:3067): traces the
 * outline of the union of the cell squares, with holes. Deterministic: the same
 * cell set (in any order, duplicates allowed) always gives the same coordinates.
 * Cells touching only at a corner become separate parts (the tracer turns left at
 * such pinch points), so every ring is simple. Outer rings CCW, holes CW.
 */
import type { MultiPolygon, Polygon, Ring } from '../model/geometry-types';
import type { GridSpec } from '../model/grid-spec';
import { pointInRing } from './point-in-polygon';
import { ringSignedArea } from './area';

/** Directions of unit edges: 0 east, 1 north, 2 west, 3 south. */
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

interface EdgeSet {
  /** Start lattice point (local x, y) and direction of each boundary edge. */
  x: number[];
  y: number[];
  dir: number[];
  /** Cell on the left (inside) of each edge, local coordinates. */
  cellX: number[];
  cellY: number[];
}

/** Sorted, de-duplicated cells relative to their bbox (with a one-cell margin) plus a membership mask. */
function rasterMask(cells: [number, number][]) {
  let minC = Infinity;
  let minR = Infinity;
  let maxC = -Infinity;
  let maxR = -Infinity;
  for (const [c, r] of cells) {
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
    if (r < minR) minR = r;
    if (r > maxR) maxR = r;
  }
  const w = maxC - minC + 3;
  const h = maxR - minR + 3;
  const useDense = w * h <= 16_000_000;
  const dense = useDense ? new Uint8Array(w * h) : null;
  const sparse = useDense ? null : new Set<number>();
  const keys: number[] = [];
  for (const [c, r] of cells) {
    const k = (r - minR + 1) * w + (c - minC + 1);
    if (dense ? dense[k] : sparse!.has(k)) continue;
    if (dense) dense[k] = 1;
    else sparse!.add(k);
    keys.push(k);
  }
  keys.sort((a, b) => a - b);
  const has = (x: number, y: number): boolean => {
    const k = y * w + x;
    return dense ? dense[k] === 1 : sparse!.has(k);
  };
  return { keys, w, minC: minC - 1, minR: minR - 1, has };
}

function boundaryEdges(keys: number[], w: number, has: (x: number, y: number) => boolean): EdgeSet {
  const e: EdgeSet = { x: [], y: [], dir: [], cellX: [], cellY: [] };
  const push = (x: number, y: number, dir: number, cx: number, cy: number) => {
    e.x.push(x);
    e.y.push(y);
    e.dir.push(dir);
    e.cellX.push(cx);
    e.cellY.push(cy);
  };
  for (const k of keys) {
    const cx = k % w;
    const cy = (k - cx) / w;
    if (!has(cx, cy - 1)) push(cx, cy, 0, cx, cy);
    if (!has(cx + 1, cy)) push(cx + 1, cy, 1, cx, cy);
    if (!has(cx, cy + 1)) push(cx + 1, cy + 1, 2, cx, cy);
    if (!has(cx - 1, cy)) push(cx, cy + 1, 3, cx, cy);
  }
  return e;
}

/** Traces closed rings (local lattice coordinates, collinear vertices removed) and the inside cell of each. */
function traceRings(e: EdgeSet, w: number) {
  const lw = w + 1; // lattice points per row
  const out = new Map<number, number[]>();
  for (let i = 0; i < e.x.length; i++) {
    const k = e.y[i] * lw + e.x[i];
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  const used = new Uint8Array(e.x.length);
  const rings: { pts: number[]; cellX: number; cellY: number }[] = [];
  for (let start = 0; start < e.x.length; start++) {
    if (used[start]) continue;
    const pts: number[] = [];
    let cur = start;
    while (!used[cur]) {
      used[cur] = 1;
      const d = e.dir[cur];
      const nx = e.x[cur] + DX[d];
      const ny = e.y[cur] + DY[d];
      const cands = out.get(ny * lw + nx)!.filter((j) => !used[j] || j === start);
      // Prefer a left turn, then straight, then right: keeps corner-touching cells apart.
      let next = cands[0];
      for (const pref of [(d + 1) % 4, d, (d + 3) % 4]) {
        const hit = cands.find((j) => e.dir[j] === pref);
        if (hit !== undefined) {
          next = hit;
          break;
        }
      }
      if (e.dir[next] !== d) pts.push(nx, ny); // corner: keep the vertex
      cur = next;
    }
    rings.push({ pts, cellX: e.cellX[start], cellY: e.cellY[start] });
  }
  return rings;
}

/**
 * MultiPolygon of the union of the cells [col, row] of `grid` (cells outside the
 * grid's extent are allowed: they follow the same lattice). Empty input → [].
 */
export function cellsToMultiPolygon(grid: GridSpec, cells: [number, number][]): MultiPolygon {
  if (cells.length === 0) return [];
  const { keys, w, minC, minR, has } = rasterMask(cells);
  const rings = traceRings(boundaryEdges(keys, w, has), w);
  const cs = grid.cellSize;
  const toRing = (pts: number[]): Ring => {
    const ring: Ring = [];
    for (let i = 0; i < pts.length; i += 2) ring.push([grid.originX + (pts[i] + minC) * cs, grid.originY + (pts[i + 1] + minR) * cs]);
    ring.push([ring[0][0], ring[0][1]]);
    return ring;
  };
  const outers: { ring: Ring; area: number; polygon: Polygon }[] = [];
  const holes: { ring: Ring; cx: number; cy: number }[] = [];
  for (const r of rings) {
    const ring = toRing(r.pts);
    const area = ringSignedArea(ring);
    if (area > 0) outers.push({ ring, area, polygon: [ring] });
    else holes.push({ ring, cx: grid.originX + (r.cellX + minC + 0.5) * cs, cy: grid.originY + (r.cellY + minR + 0.5) * cs });
  }
  for (const h of holes) {
    // The filled cell beside the hole lies in the innermost outer ring that contains it.
    let best: (typeof outers)[number] | undefined;
    for (const o of outers) if (pointInRing(h.cx, h.cy, o.ring) && (!best || o.area < best.area)) best = o;
    if (best) best.polygon.push(h.ring);
  }
  return outers.map((o) => o.polygon);
}
