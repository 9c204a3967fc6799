/**
 * Exact area coverage of a MultiPolygon over a regular grid — the fast kernel.
 *
 * Technique: the signed-area "accumulation buffer" of font rasterisers (font-rs,
 * stb_truetype). Coordinates are moved to cell units relative to the window (the
 * polygon's bbox in cells, clipped to the grid). Every edge adds, in each row it
 * crosses, its signed area contributions to the cells it passes through and a
 * carry to the cell right of it; a prefix sum along each row then gives, for every
 * cell, the signed area of the polygon inside the cell (in cell units, i.e. the
 * covered fraction). Outer rings and holes are oriented oppositely so holes
 * subtract. Cost O(perimeter in cells + window area); no per-cell clipping.
 * Exact up to floating rounding (~1e-12 of a cell area in practice).
 */
import type { MultiPolygon } from '../model/geometry-types';
import type { GridSpec } from '../model/grid-spec';
import { multiPolygonBBox, bboxIsEmpty } from '../geometry/bbox';
import { ringSignedArea } from '../geometry/area';

/** Sparse coverage: cell (cols[i], rows[i]) is covered to `fractions[i]` (0–1] of its area. Row-major order. */
export interface CellCoverage {
  cols: Int32Array;
  rows: Int32Array;
  fractions: Float64Array;
  count: number;
}

/** Fractions below this are dropped as rounding noise. */
export const COVERAGE_EPSILON = 1e-12;

const EMPTY: CellCoverage = { cols: new Int32Array(0), rows: new Int32Array(0), fractions: new Float64Array(0), count: 0 };

/** Windows up to this many buffer cells (8 MB) reuse one pooled buffer; larger ones get their own. */
const POOL_LIMIT = 1 << 20;
/** The pooled accumulation buffer: all zeros between calls (collect() clears what it used). */
let pool = new Float64Array(4096);

function accumulationBuffer(size: number): Float64Array {
  if (size > POOL_LIMIT) return new Float64Array(size);
  if (pool.length < size) pool = new Float64Array(Math.min(POOL_LIMIT, Math.max(size, pool.length * 2)));
  return pool;
}

/**
 * Adds the signed area of the edge (x0,y0)→(x1,y1) (window cell units, x already
 * within [0, w]) to the accumulation buffer `acc` of row stride `stride`, rows 0..h-1.
 * Port of font-rs `draw_line` (exact for straight edges).
 */
function accumulateEdge(acc: Float64Array, stride: number, h: number, x0: number, y0: number, x1: number, y1: number): void {
  if (y0 === y1) return;
  let dir = 1;
  if (y0 > y1) {
    dir = -1;
    let t = x0;
    x0 = x1;
    x1 = t;
    t = y0;
    y0 = y1;
    y1 = t;
  }
  if (y1 <= 0 || y0 >= h) return;
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  const yStart = Math.max(0, Math.floor(y0));
  if (y0 < 0) x -= y0 * dxdy;
  const yEnd = Math.min(h, Math.ceil(y1));
  for (let y = yStart; y < yEnd; y++) {
    const line = y * stride;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xnext = x + dxdy * dy;
    const d = dy * dir;
    const xa = x < xnext ? x : xnext;
    const xb = x < xnext ? xnext : x;
    const xaFloor = Math.floor(xa);
    const xai = xaFloor;
    const xbCeil = Math.ceil(xb);
    const xbi = xbCeil;
    if (xbi <= xai + 1) {
      const xmf = 0.5 * (x + xnext) - xaFloor;
      acc[line + xai] += d - d * xmf;
      acc[line + xai + 1] += d * xmf;
    } else {
      const s = 1 / (xb - xa);
      const xaf = xa - xaFloor;
      const a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
      const xbf = xb - xbCeil + 1;
      const am = 0.5 * s * xbf * xbf;
      acc[line + xai] += d * a0;
      if (xbi === xai + 2) {
        acc[line + xai + 1] += d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - xaf);
        acc[line + xai + 1] += d * (a1 - a0);
        for (let xi = xai + 2; xi < xbi - 1; xi++) acc[line + xi] += d * s;
        const a2 = a1 + (xbi - xai - 3) * s;
        acc[line + xbi - 1] += d * (1 - a2 - am);
      }
      acc[line + xbi] += d * am;
    }
    x = xnext;
  }
}

/** Splits an edge at x = 0 and x = w and clamps the outside parts onto those lines (area-preserving for cells inside). */
function accumulateClipped(acc: Float64Array, stride: number, w: number, h: number, ax: number, ay: number, bx: number, by: number): void {
  if (ay === by) return;
  const inside = ax >= 0 && ax <= w && bx >= 0 && bx <= w;
  if (inside) return accumulateEdge(acc, stride, h, ax, ay, bx, by);
  // Parameters where the edge crosses x = 0 and x = w, in order along the edge.
  const ts: number[] = [0];
  for (const xc of [0, w]) {
    if ((ax - xc) * (bx - xc) < 0) ts.push((xc - ax) / (bx - ax));
  }
  ts.push(1);
  ts.sort((p, q) => p - q);
  for (let i = 0; i + 1 < ts.length; i++) {
    const t0 = ts[i];
    const t1 = ts[i + 1];
    const px = t0 === 0 ? ax : ax + (bx - ax) * t0;
    const py = t0 === 0 ? ay : ay + (by - ay) * t0;
    const qx = t1 === 1 ? bx : ax + (bx - ax) * t1;
    const qy = t1 === 1 ? by : ay + (by - ay) * t1;
    const mid = 0.5 * (px + qx);
    const cx = mid < 0 ? 0 : mid > w ? w : -1;
    if (cx >= 0) accumulateEdge(acc, stride, h, cx, py, cx, qy);
    else accumulateEdge(acc, stride, h, Math.min(w, Math.max(0, px)), py, Math.min(w, Math.max(0, qx)), qy);
  }
}

/**
 * Exact covered fraction of every grid cell touched by `mp` (EPSG:3067 metres, same CRS as `grid`).
 * Cells outside the grid are not reported. Rings may come in any orientation: each
 * polygon's outer ring counts positive and its holes negative. Overlapping parts
 * of a MultiPolygon add up, and the result is clamped to [0, 1].
 */
export function coverageRaster(mp: MultiPolygon, grid: GridSpec): CellCoverage {
  const bb = multiPolygonBBox(mp);
  if (bboxIsEmpty(bb)) return EMPTY;
  const cs = grid.cellSize;
  const c0 = Math.max(0, Math.floor((bb[0] - grid.originX) / cs));
  const r0 = Math.max(0, Math.floor((bb[1] - grid.originY) / cs));
  const c1 = Math.min(grid.cols, Math.ceil((bb[2] - grid.originX) / cs));
  const r1 = Math.min(grid.rows, Math.ceil((bb[3] - grid.originY) / cs));
  const w = c1 - c0;
  const h = r1 - r0;
  if (w <= 0 || h <= 0) return EMPTY;
  const stride = w + 2;
  const acc = accumulationBuffer(stride * h);
  const ox = grid.originX + c0 * cs;
  const oy = grid.originY + r0 * cs;
  const inv = 1 / cs;
  for (const polygon of mp) {
    for (let ri = 0; ri < polygon.length; ri++) {
      const ring = polygon[ri];
      // Outer ring counted as if CCW, holes as if CW, whatever their stored orientation.
      const ccw = ringSignedArea(ring) > 0;
      const forward = ccw === (ri === 0);
      const n = ring.length;
      for (let i = 0; i + 1 < n; i++) {
        const a = forward ? ring[i] : ring[n - 1 - i];
        const b = forward ? ring[i + 1] : ring[n - 2 - i];
        accumulateClipped(acc, stride, w, h, (a[0] - ox) * inv, (a[1] - oy) * inv, (b[0] - ox) * inv, (b[1] - oy) * inv);
      }
      const first = ring[0];
      const last = ring[n - 1];
      if (n > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
        const a = forward ? last : first;
        const b = forward ? first : last;
        accumulateClipped(acc, stride, w, h, (a[0] - ox) * inv, (a[1] - oy) * inv, (b[0] - ox) * inv, (b[1] - oy) * inv);
      }
    }
  }
  return collect(acc, stride, w, h, c0, r0);
}

/** Prefix-sums each row of the buffer and gathers the non-zero cells; leaves the buffer's used part at zero. */
function collect(acc: Float64Array, stride: number, w: number, h: number, c0: number, r0: number): CellCoverage {
  let cap = Math.min(w * h, 1024);
  let cols: Int32Array = new Int32Array(cap);
  let rows: Int32Array = new Int32Array(cap);
  let fractions: Float64Array = new Float64Array(cap);
  let count = 0;
  for (let y = 0; y < h; y++) {
    let sum = 0;
    const line = y * stride;
    for (let x = 0; x < w; x++) {
      sum += acc[line + x];
      let f = sum < 0 ? -sum : sum;
      if (f < COVERAGE_EPSILON) continue;
      if (f > 1) f = 1;
      if (count === cap) {
        cap = Math.min(w * h, cap * 2);
        cols = grow(cols, cap);
        rows = grow(rows, cap);
        fractions = growF(fractions, cap);
      }
      cols[count] = c0 + x;
      rows[count] = r0 + y;
      fractions[count] = f;
      count++;
    }
    acc.fill(0, line, line + stride);
  }
  return { cols: cols.subarray(0, count), rows: rows.subarray(0, count), fractions: fractions.subarray(0, count), count };
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

function growF(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
