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

/** Flags of the schools in `only` (null = every school). */
function flagsOf(only: readonly number[] | null | undefined, n: number): Uint8Array {
  const flags = new Uint8Array(n);
  if (!only) flags.fill(1);
  else for (const s of only) if (s >= 0 && s < n) flags[s] = 1;
  return flags;
}

/** Where each grid unit lies in a dense block with a border of one empty cell on every side. */
export interface GridIndex {
  /** Block index of each unit. */
  cell: Int32Array;
  /** Unit in each block cell, −1 where none (the border is all −1). */
  unitAt: Int32Array;
  /** Block width (columns + 2) and size (cells). */
  width: number;
  size: number;
}

/** The dense block of the units' cells (depends on the grid only: compute once per dataset). */
export function gridIndex(col: ArrayLike<number>, row: ArrayLike<number>): GridIndex {
  let c0 = Infinity;
  let r0 = Infinity;
  let c1 = -Infinity;
  let r1 = -Infinity;
  for (let i = 0; i < col.length; i++) {
    c0 = Math.min(c0, col[i]);
    r0 = Math.min(r0, row[i]);
    c1 = Math.max(c1, col[i]);
    r1 = Math.max(r1, row[i]);
  }
  if (!(c1 >= c0)) return { cell: new Int32Array(0), unitAt: new Int32Array(0), width: 0, size: 0 };
  const width = c1 - c0 + 3;
  const size = width * (r1 - r0 + 3);
  const cell = new Int32Array(col.length);
  const unitAt = new Int32Array(size).fill(-1);
  for (let i = 0; i < col.length; i++) {
    cell[i] = (row[i] - r0 + 1) * width + (col[i] - c0 + 1);
    unitAt[cell[i]] = i;
  }
  return { cell, unitAt, width, size };
}

/**
 * Catchment adjacency from grid cells: schools a ≠ b are neighbours when a cell dominated by a
 * shares an edge with a cell dominated by b.
 * @param col column of each unit; @param row row of each unit
 * @param unitSchool dominant school index per unit, −1 none
 * @param only when given, only these schools' lists are filled (the others stay empty): what
 *   recolouring after an edit needs
 * @param index gridIndex(col, row), when kept from an earlier call
 */
export function gridAdjacency(col: ArrayLike<number>, row: ArrayLike<number>, unitSchool: ArrayLike<number>, schoolCount: number,
  only?: readonly number[] | null, index: GridIndex = gridIndex(col, row)): number[][] {
  const sets = Array.from({ length: schoolCount }, () => new Set<number>());
  if (index.size === 0) return sets.map(() => []);
  const flags = flagsOf(only, schoolCount);
  const { cell, unitAt, width } = index;
  // Dense lookup block → unit → school: one pass over the units, no string keys.
  const owner = (k: number): number => (unitAt[k] >= 0 ? unitSchool[unitAt[k]] : -1);
  for (let i = 0; i < unitSchool.length; i++) {
    const a = unitSchool[i];
    if (a < 0 || flags[a] !== 1) continue;
    const k = cell[i];
    for (const b of [owner(k + 1), owner(k - 1), owner(k + width), owner(k - width)]) if (b >= 0 && b !== a) sets[a].add(b);
  }
  return sets.map((s) => [...s].sort((x, y) => x - y));
}

/**
 * Catchment adjacency for polygon units: bounding boxes [minX, minY, maxX, maxY] (metres) that
 * overlap or lie within `tolerance` metres of each other. Conservative: may add neighbours.
 */
export function bboxAdjacency(bboxes: readonly (readonly [number, number, number, number] | null)[], tolerance = 1, only?: readonly number[] | null): number[][] {
  const out = bboxes.map(() => [] as number[]);
  const flags = flagsOf(only, bboxes.length);
  for (let a = 0; a < bboxes.length; a++) {
    const p = bboxes[a];
    if (!p || flags[a] !== 1) continue;
    for (let b = 0; b < bboxes.length; b++) {
      const q = bboxes[b];
      if (!q || b === a) continue;
      if (p[0] - tolerance <= q[2] && q[0] - tolerance <= p[2] && p[1] - tolerance <= q[3] && q[1] - tolerance <= p[3]) out[a].push(b);
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
export function outlineAdjacency(catchments: readonly (readonly (readonly (readonly (readonly number[])[])[])[])[], tolerance: number,
  only?: readonly number[] | null): number[][] {
  const flags = flagsOf(only, catchments.length);
  // With `only`, just the vertices within reach of those schools' outlines are bucketed.
  let reach: [number, number, number, number] | null = null;
  if (only) {
    reach = [Infinity, Infinity, -Infinity, -Infinity];
    for (const s of only)
      for (const polygon of catchments[s] ?? [])
        for (const p of polygon[0] ?? []) {
          reach[0] = Math.min(reach[0], p[0] - 2 * tolerance);
          reach[1] = Math.min(reach[1], p[1] - 2 * tolerance);
          reach[2] = Math.max(reach[2], p[0] + 2 * tolerance);
          reach[3] = Math.max(reach[3], p[1] + 2 * tolerance);
        }
  }
  const buckets = new Map<number, Set<number>>();
  const key = (i: number, j: number) => i * 1_000_003 + j;
  catchments.forEach((mp, school) => {
    for (const polygon of mp)
      for (const ring of polygon)
        for (const p of ring) {
          if (reach && (p[0] < reach[0] || p[0] > reach[2] || p[1] < reach[1] || p[1] > reach[3])) continue;
          const k = key(Math.floor(p[0] / tolerance), Math.floor(p[1] / tolerance));
          let set = buckets.get(k);
          if (!set) buckets.set(k, (set = new Set()));
          set.add(school);
        }
  });
  const sets = catchments.map(() => new Set<number>());
  for (const [k, here] of buckets) {
    if (only && ![...here].some((a) => flags[a] === 1)) continue;
    const i = Math.round(k / 1_000_003);
    const j = k - i * 1_000_003;
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++) {
        const there = buckets.get(key(i + di, j + dj));
        if (!there) continue;
        for (const a of here) if (flags[a] === 1) for (const b of there) if (a !== b) sets[a].add(b);
      }
  }
  return sets.map((s) => [...s].sort((x, y) => x - y));
}

/** Union of adjacency lists (same node count), sorted, without duplicates. */
export function mergeAdjacency(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((list, i) => [...new Set([...list, ...(b[i] ?? [])])].sort((x, y) => x - y));
}
