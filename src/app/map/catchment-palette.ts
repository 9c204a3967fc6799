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
  const byCell = new Map<string, number>();
  for (let i = 0; i < unitSchool.length; i++) if (unitSchool[i] >= 0) byCell.set(`${col[i]},${row[i]}`, unitSchool[i]);
  const sets = Array.from({ length: schoolCount }, () => new Set<number>());
  for (let i = 0; i < unitSchool.length; i++) {
    const a = unitSchool[i];
    if (a < 0) continue;
    for (const [dc, dr] of [[1, 0], [0, 1]] as const) {
      const b = byCell.get(`${col[i] + dc},${row[i] + dr}`);
      if (b !== undefined && b !== a) {
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
