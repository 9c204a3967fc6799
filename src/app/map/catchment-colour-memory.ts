/**
 * Keeps catchment colours put across edits, undo and redo.
 *
 * Two rules, both needed because a planner reads the map by colour:
 * 1. An edit may recolour only the schools it changed (`recolourChanged`): every other school
 *    keeps its colour, even when that leaves a clash elsewhere that the edit did not create.
 * 2. A state seen before gets the colours it had then (`CatchmentColourMemory`): the colours
 *    are remembered per network under a fingerprint of the dominant school of every unit, so
 *    undo, redo and switching back to a scenario restore them exactly.
 */

/**
 * Colours with only `changed` nodes free to move. A changed node keeps its previous colour
 * when no neighbour has it; otherwise it takes the colour least used among its neighbours
 * (lowest index on ties). Changed nodes are settled highest degree first (then by index), and
 * a changed node not yet settled does not block its previous colour for the others.
 * @param previous colour index per node (−1 or out of range: no colour yet)
 * @param adjacency symmetric adjacency lists of the current state
 * @param changed nodes allowed to change colour; every other node keeps `previous`
 */
export function recolourChanged(previous: ArrayLike<number>, adjacency: readonly (readonly number[])[], paletteSize: number, changed: Iterable<number>): Int32Array {
  const n = adjacency.length;
  const colour = new Int32Array(n);
  for (let i = 0; i < n; i++) colour[i] = i < previous.length && previous[i] >= 0 && previous[i] < paletteSize ? previous[i] : -1;
  const free = [...new Set(changed)].filter((i) => i >= 0 && i < n);
  free.sort((a, b) => adjacency[b].length - adjacency[a].length || a - b);
  const wanted = free.map((i) => colour[i]);
  for (const i of free) colour[i] = -1;
  free.forEach((node, k) => {
    const used = new Array<number>(paletteSize).fill(0);
    for (const m of adjacency[node]) if (colour[m] >= 0) used[colour[m]]++;
    const prev = wanted[k];
    if (prev >= 0 && used[prev] === 0) {
      colour[node] = prev;
      return;
    }
    let best = 0;
    for (let c = 1; c < paletteSize; c++) if (used[c] < used[best]) best = c;
    colour[node] = best;
  });
  return colour;
}

/** Nodes whose colour equals a neighbour's, or who have none: what a full repaint may move. */
export function clashingNodes(colour: ArrayLike<number>, adjacency: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < adjacency.length; i++) {
    if (!(colour[i] >= 0) || adjacency[i].some((m) => m > i && colour[m] === colour[i])) out.push(i);
  }
  return out;
}

/** 2 × 32-bit FNV-1a style fingerprint of an integer array (collisions are harmless: a repaint). */
export function fingerprint(values: ArrayLike<number>): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ values.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] | 0;
    a = Math.imul(a ^ v, 0x01000193);
    b = Math.imul(b ^ (v + i), 0x5bd1e995) ^ (b >>> 15);
  }
  return `${values.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

type Lists = readonly (readonly number[])[];

/** A lazy source of adjacency lists: `lists(only)` must fill at least the lists of `only` (null: every list). */
export interface LazyAdjacency {
  schoolCount: number;
  lists(only: readonly number[] | null): Lists;
}

/** Adjacency lists, or a lazy source of them. */
export type Adjacency = Lists | LazyAdjacency;

const isLazy = (a: Adjacency): a is LazyAdjacency => !Array.isArray(a);

function schoolCountOf(adjacency: Adjacency): number {
  return isLazy(adjacency) ? adjacency.schoolCount : adjacency.length;
}

/** Per-network colour memory: what the engine service asks for every snapshot. */
export class CatchmentColourMemory {
  private readonly current = new Map<string, Int32Array>();
  private readonly seen = new Map<string, Int32Array>();

  private readonly paletteSize: number;
  private readonly limit: number;

  constructor(paletteSize: number, limit = 500) {
    this.paletteSize = paletteSize;
    this.limit = limit;
  }

  /**
   * Colours for the network's state identified by `unitSchool`.
   * @param changed schools the edit changed, or null for a full snapshot (load, network or
   *   scenario switch): then only schools that clash or have no colour yet are repainted
   * @param adjacency the catchments' adjacency lists, or a function giving them: called (only when
   *   the state is new) with the changed schools, whose lists are all it must fill, or with null
   *   for every list
   * @param start colours to begin from when the network has none yet (the baseline's)
   */
  colours(networkId: string, unitSchool: ArrayLike<number>, adjacency: Adjacency, changed: readonly number[] | null, start: () => ArrayLike<number>): Int32Array {
    const key = `${networkId}|${schoolCountOf(adjacency)}|${fingerprint(unitSchool)}`;
    const known = this.seen.get(key);
    if (known) {
      this.current.set(networkId, known);
      return known.slice();
    }
    const previous = this.current.get(networkId) ?? start();
    const lists = isLazy(adjacency) ? adjacency.lists(changed) : adjacency;
    const free = changed ?? clashingNodes(previous, lists);
    const next = recolourChanged(previous, lists, this.paletteSize, free);
    this.current.set(networkId, next);
    this.seen.set(key, next);
    if (this.seen.size > this.limit) this.seen.delete(this.seen.keys().next().value!);
    return next.slice();
  }

  clear(): void {
    this.current.clear();
    this.seen.clear();
  }
}
