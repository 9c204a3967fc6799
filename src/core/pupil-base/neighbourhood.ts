/**
 * Sums of unit quantities over the surrounding area of chosen units, used to impute
 * suppressed values from the neighbourhood (EPSG:3067 metres).
 *
 * - Grid units: the cells whose centre lies within `radius` metres of the unit's cell centre.
 *   Cells are sorted by (row, col) once (O(n log n)); each row of the circle is a contiguous run
 *   of that order, summed from prefix sums. Targets are visited in the same order so the runs'
 *   ends only move forward: a query costs O((2·radius/cellSize + 1) · (n + targets)).
 * - Polygon units: the units whose bounding box is within `radius` metres of the unit's
 *   bounding box (neighbours touching the unit are at distance 0): O(n) per unit.
 */
import type { Units } from '../model/units';
import { sameMask } from '../model/masks';

export interface NeighbourIndex {
  /**
   * For each quantity q (a value per unit) and each target unit t: Σ q[v] over the units v
   * around t (t itself included) with mask[v] = 1. Returns one Float64Array per quantity,
   * parallel to `targets`. Values of unmasked units are never read (they may be NaN).
   */
  sumsAround(quantities: Float64Array[], mask: Uint8Array, targets: ArrayLike<number>): Float64Array[];
}

/** Build the index once per units and radius (metres). */
export function createNeighbourIndex(units: Units, radius: number): NeighbourIndex {
  let index: NeighbourIndex | undefined;
  // Built on first use: nothing needs sorting when no value is imputed.
  const build = (): NeighbourIndex =>
    units.kind === 'grid' ? gridIndex(units.col, units.row, radius / units.grid.cellSize) : polygonIndex(units.bboxes, radius);
  return { sumsAround: (quantities, mask, targets) => (index ??= build()).sumsAround(quantities, mask, targets) };
}

/** Half-width in cells of each row −k…k of the circle of radius `cells` (cell sizes) around a cell centre. */
function circleHalfWidths(cells: number): Int32Array {
  const k = Math.floor(cells + 1e-9);
  const half = new Int32Array(2 * k + 1);
  for (let dy = -k; dy <= k; dy++) half[dy + k] = Math.floor(Math.sqrt(Math.max(0, cells * cells - dy * dy)) + 1e-9);
  return half;
}

function gridIndex(col: Int32Array, row: Int32Array, cells: number): NeighbourIndex {
  const n = col.length;
  let minC = Infinity;
  let maxC = -Infinity;
  let minR = Infinity;
  let maxR = -Infinity;
  for (let i = 0; i < n; i++) {
    minC = Math.min(minC, col[i]);
    maxC = Math.max(maxC, col[i]);
    minR = Math.min(minR, row[i]);
    maxR = Math.max(maxR, row[i]);
  }
  const width = maxC - minC + 1;
  const keyOf = (c: number, r: number): number => (r - minR) * width + (c - minC);
  const order = Array.from({ length: n }, (_, i) => i);
  const unitKeys = new Float64Array(n);
  for (let i = 0; i < n; i++) unitKeys[i] = keyOf(col[i], row[i]);
  order.sort((a, b) => unitKeys[a] - unitKeys[b]);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = unitKeys[order[i]];
  const half = circleHalfWidths(cells);
  const k = (half.length - 1) / 2;

  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) position[order[i]] = i;
  const slot = new Int32Array(n);

  return {
    sumsAround(quantities, mask, targets) {
      const prefixes = quantities.map((q) => {
        const p = new Float64Array(n + 1);
        for (let i = 0; i < n; i++) {
          const v = order[i];
          p[i + 1] = mask[v] ? p[i] + q[v] : p[i];
        }
        return p;
      });
      const out = quantities.map(() => new Float64Array(targets.length));
      // Visit targets in (row, col) order: every circle row's run then starts and ends at
      // keys that only grow, so one forward-moving pointer pair per row offset finds it.
      const sorted = new Int32Array(targets.length);
      for (let t = 0; t < targets.length; t++) {
        sorted[t] = position[targets[t]];
        slot[sorted[t]] = t;
      }
      sorted.sort();
      const rowsOfCircle = 2 * k + 1;
      const lo = new Int32Array(rowsOfCircle);
      const hi = new Int32Array(rowsOfCircle);
      const Q = prefixes.length;
      // Plain locals in the hot loop (same arithmetic and order of sums as keyOf: bit for bit).
      const w = width, c0min = minC, c1max = maxC, r0min = minR, r1max = maxR;
      for (let s = 0; s < sorted.length; s++) {
        const p = sorted[s];
        const u = order[p];
        const t = slot[p];
        const cu = col[u];
        const ru = row[u];
        for (let i = 0; i < rowsOfCircle; i++) {
          const r = ru + i - k;
          if (r < r0min || r > r1max) continue;
          const hw = half[i];
          const c0 = cu - hw < c0min ? c0min : cu - hw;
          const c1 = cu + hw > c1max ? c1max : cu + hw;
          const k0 = (r - r0min) * w + (c0 - c0min);
          const k1 = (r - r0min) * w + (c1 - c0min);
          let a = lo[i];
          while (a < n && keys[a] < k0) a++;
          let b = hi[i] > a ? hi[i] : a;
          while (b < n && keys[b] <= k1) b++;
          lo[i] = a;
          hi[i] = b;
          for (let q = 0; q < Q; q++) out[q][t] += prefixes[q][b] - prefixes[q][a];
        }
      }
      return out;
    },
  };
}

function polygonIndex(bboxes: [number, number, number, number][], radius: number): NeighbourIndex {
  const r2 = radius * radius;
  return {
    sumsAround(quantities, mask, targets) {
      const out = quantities.map(() => new Float64Array(targets.length));
      for (let t = 0; t < targets.length; t++) {
        const a = bboxes[targets[t]];
        for (let v = 0; v < bboxes.length; v++) {
          if (!mask[v]) continue;
          const b = bboxes[v];
          const dx = Math.max(0, a[0] - b[2], b[0] - a[2]);
          const dy = Math.max(0, a[1] - b[3], b[1] - a[3]);
          if (dx * dx + dy * dy > r2) continue;
          for (let q = 0; q < quantities.length; q++) out[q][t] += quantities[q][v];
        }
      }
      return out;
    },
  };
}

/**
 * Neighbourhood sums shared by the networks of one dataset. The same quantities and mask come
 * back once per network (each network's age band picks its own units with children to impute):
 * under a key that names them (the caller's field expressions), the sums are computed once for
 * every unit outside the mask and then read for whichever targets are asked. Every target must
 * lie outside the mask, as the units being imputed do. Bit-identical to asking the index
 * directly: a target's sum does not depend on the other targets.
 */
export class SharedNeighbourSums {
  private readonly index: NeighbourIndex;
  private readonly cache = new Map<string, { row: Int32Array; sums: Float64Array[] }>();

  constructor(units: Units, radius: number) {
    this.index = createNeighbourIndex(units, radius);
  }

  /** A NeighbourIndex whose answers are kept under `key`. */
  keyed(key: string): NeighbourIndex {
    return { sumsAround: (quantities, mask, targets) => this.sumsAround(key, quantities, mask, targets) };
  }

  /**
   * Computes the sums of several keys at once: requests whose masks are equal share one pass
   * over the neighbourhoods (on a grid most of a pass is finding each unit's circle, not adding),
   * each request's sums then kept under its key. Bit-identical to asking one key at a time: each
   * quantity's sums are made exactly as alone. Keys already kept are skipped.
   */
  precompute(requests: { key: string; quantities: Float64Array[]; mask: Uint8Array }[]): void {
    const todo = requests.filter((r) => !this.cache.has(r.key));
    const groups: (typeof todo)[] = [];
    for (const r of todo) {
      const same = groups.find((g) => sameMask(g[0].mask, r.mask));
      if (same) same.push(r);
      else groups.push([r]);
    }
    for (const group of groups) {
      const { row, outside } = outsideOf(group[0].mask);
      const all = this.index.sumsAround(group.flatMap((r) => r.quantities), group[0].mask, outside);
      let at = 0;
      for (const r of group) {
        this.cache.set(r.key, { row, sums: all.slice(at, at + r.quantities.length) });
        at += r.quantities.length;
      }
    }
  }

  private sumsAround(key: string, quantities: Float64Array[], mask: Uint8Array, targets: ArrayLike<number>): Float64Array[] {
    let kept = this.cache.get(key);
    if (!kept) {
      const { row, outside } = outsideOf(mask);
      kept = { row, sums: this.index.sumsAround(quantities, mask, outside) };
      this.cache.set(key, kept);
    }
    const { row, sums } = kept;
    return sums.map((s) => {
      const out = new Float64Array(targets.length);
      for (let t = 0; t < targets.length; t++) {
        const r = row[targets[t]];
        if (r < 0) throw new Error(`shared neighbourhood sums "${key}": unit ${targets[t]} is inside the mask`);
        out[t] = s[r];
      }
      return out;
    });
  }
}

/** The units outside `mask`, and each unit's place among them (−1 inside). */
function outsideOf(mask: Uint8Array): { row: Int32Array; outside: number[] } {
  const outside: number[] = [];
  const row = new Int32Array(mask.length).fill(-1);
  for (let u = 0; u < mask.length; u++) if (!mask[u]) row[u] = outside.push(u) - 1;
  return { row, outside };
}
