/**
 * Categorical colours for catchments: Paul Tol's "light" scheme (colour-blind safe, light
 * enough for labels on top), assigned by greedy graph colouring so that neighbouring
 * catchments get different colours whenever the palette allows.
 */
import type { Rgb } from './colour-ramps';

/** Paul Tol's light qualitative scheme without its grey. */
export const CATCHMENT_PALETTE: readonly Rgb[] = [
  [119, 170, 221], [238, 136, 102], [238, 221, 136], [255, 170, 187],
  [153, 221, 255], [68, 187, 153], [187, 204, 51], [170, 170, 0],
];

/**
 * Colour index per node so that adjacent nodes differ (Welsh–Powell order: highest degree
 * first). A node keeps its `previous` colour when no neighbour coloured so far has it, so
 * colours stay stable across edits. When all colours are taken by neighbours (degree ≥ palette
 * size) the colour least used among the neighbours is chosen.
 * @param adjacency adjacency lists, symmetric, no self loops
 * @returns colour index 0…paletteSize−1 per node
 */
export function assignColours(adjacency: readonly (readonly number[])[], paletteSize: number, previous?: ArrayLike<number>): Int32Array {
  const n = adjacency.length;
  const colour = new Int32Array(n).fill(-1);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => adjacency[b].length - adjacency[a].length || a - b);
  for (const node of order) {
    const used = new Array<number>(paletteSize).fill(0);
    for (const m of adjacency[node]) if (colour[m] >= 0) used[colour[m]]++;
    const prev = previous?.[node];
    if (prev !== undefined && prev >= 0 && prev < paletteSize && used[prev] === 0) {
      colour[node] = prev;
      continue;
    }
    let best = 0;
    for (let c = 1; c < paletteSize; c++) if (used[c] < used[best]) best = c;
    colour[node] = best;
  }
  return colour;
}

/**
 * Catchment adjacency from grid cells: schools a ≠ b are neighbours when a cell dominated by a
 * shares an edge with a cell dominated by b.
 * @param col column of each unit; @param row row of each unit
 * @param unitSchool dominant school index per unit, −1 none
 */
export function gridAdjacency(col: ArrayLike<number>, row: ArrayLike<number>, unitSchool: ArrayLike<number>, schoolCount: number): number[][] {
  // Dense lookup (col, row) → school over the units' bounding block: O(units), no string keys.
  let c0 = Infinity;
  let r0 = Infinity;
  let c1 = -Infinity;
  let r1 = -Infinity;
  for (let i = 0; i < unitSchool.length; i++) {
    c0 = Math.min(c0, col[i]);
    r0 = Math.min(r0, row[i]);
    c1 = Math.max(c1, col[i]);
    r1 = Math.max(r1, row[i]);
  }
  const sets = Array.from({ length: schoolCount }, () => new Set<number>());
  if (!(c1 >= c0)) return sets.map(() => []);
  const width = c1 - c0 + 2;
  const owner = new Int32Array(width * (r1 - r0 + 2)).fill(-1);
  for (let i = 0; i < unitSchool.length; i++) if (unitSchool[i] >= 0) owner[(row[i] - r0) * width + (col[i] - c0)] = unitSchool[i];
  for (let i = 0; i < unitSchool.length; i++) {
    const a = unitSchool[i];
    if (a < 0) continue;
    const k = (row[i] - r0) * width + (col[i] - c0);
    for (const b of [owner[k + 1], owner[k + width]]) {
      if (b >= 0 && b !== a) {
        sets[a].add(b);
        sets[b].add(a);
      }
    }
  }
  return sets.map((s) => [...s].sort((x, y) => x - y));
}

/**
 * Catchment adjacency for polygon units: bounding boxes [minX, minY, maxX, maxY] (metres) that
 * overlap or lie within `tolerance` metres of each other. Conservative: may add neighbours.
 */
export function bboxAdjacency(bboxes: readonly (readonly [number, number, number, number] | null)[], tolerance = 1): number[][] {
  const out = bboxes.map(() => [] as number[]);
  for (let a = 0; a < bboxes.length; a++) {
    const p = bboxes[a];
    if (!p) continue;
    for (let b = a + 1; b < bboxes.length; b++) {
      const q = bboxes[b];
      if (!q) continue;
      if (p[0] - tolerance <= q[2] && q[0] - tolerance <= p[2] && p[1] - tolerance <= q[3] && q[1] - tolerance <= p[3]) {
        out[a].push(b);
        out[b].push(a);
      }
    }
  }
  return out;
}

/**
 * Catchment adjacency from the catchment outlines themselves: schools a ≠ b are neighbours when
 * a vertex of a lies within about `tolerance` metres of a vertex of b (vertices are bucketed on
 * a `tolerance` grid and the 3 × 3 neighbouring buckets compared). Catches catchments that touch
 * across land without population, which cell adjacency misses. Coordinates in metres.
 */
export function outlineAdjacency(catchments: readonly (readonly (readonly (readonly (readonly number[])[])[])[])[], tolerance: number): number[][] {
  const buckets = new Map<number, Set<number>>();
  const key = (i: number, j: number) => i * 1_000_003 + j;
  catchments.forEach((mp, school) => {
    for (const polygon of mp)
      for (const ring of polygon)
        for (const p of ring) {
          const k = key(Math.floor(p[0] / tolerance), Math.floor(p[1] / tolerance));
          let set = buckets.get(k);
          if (!set) buckets.set(k, (set = new Set()));
          set.add(school);
        }
  });
  const sets = catchments.map(() => new Set<number>());
  for (const [k, here] of buckets) {
    const i = Math.round(k / 1_000_003);
    const j = k - i * 1_000_003;
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++) {
        const there = buckets.get(key(i + di, j + dj));
        if (!there) continue;
        for (const a of here) for (const b of there) if (a !== b) sets[a].add(b);
      }
  }
  return sets.map((s) => [...s].sort((x, y) => x - y));
}

/** Union of adjacency lists (same node count), sorted, without duplicates. */
export function mergeAdjacency(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((list, i) => [...new Set([...list, ...(b[i] ?? [])])].sort((x, y) => x - y));
}
