/**
 * Separate pieces of a catchment, counted on its units (docs/travel.md "Connected catchments"):
 * the units whose dominant school it is, joined when they share an edge (grid cells side by
 * side; polygon units with a common boundary segment, endpoints equal to 1 mm). Units touching
 * only at a corner are not joined. With the street option, two of the school's units are also
 * joined when a walkable street runs between their snap points without entering a unit of
 * another school (through empty land or the school's own units).
 */
import type { Units } from '../model/units';
import type { StreetNetwork } from './street-network';

/** Unit adjacency through shared edges (CSR). */
export interface UnitGraph {
  start: Int32Array;
  to: Int32Array;
}

export function unitAdjacency(units: Units): UnitGraph {
  const lists: number[][] = Array.from({ length: units.count }, () => []);
  if (units.kind === 'grid') {
    const { cols } = units.grid;
    const at = new Map<number, number>();
    for (let u = 0; u < units.count; u++) at.set(units.row[u] * cols + units.col[u], u);
    for (let u = 0; u < units.count; u++) {
      const c = units.col[u], r = units.row[u];
      for (const [dc, dr] of [[1, 0], [0, 1]]) {
        if (c + dc >= cols) continue;
        const v = at.get((r + dr) * cols + c + dc);
        if (v !== undefined) lists[u].push(v), lists[v].push(u);
      }
    }
  } else {
    const mm = (x: number) => Math.round(x * 1000);
    const byEdge = new Map<string, number>();
    units.geometries.forEach((mp, u) => {
      for (const poly of mp)
        for (const ring of poly)
          for (let i = 1; i < ring.length; i++) {
            const a = `${mm(ring[i - 1][0])},${mm(ring[i - 1][1])}`, b = `${mm(ring[i][0])},${mm(ring[i][1])}`;
            if (a === b) continue;
            const key = a < b ? `${a};${b}` : `${b};${a}`;
            const v = byEdge.get(key);
            if (v === undefined) byEdge.set(key, u);
            else if (v !== u && !lists[u].includes(v)) lists[u].push(v), lists[v].push(u);
          }
    });
  }
  const start = new Int32Array(units.count + 1);
  for (let u = 0; u < units.count; u++) start[u + 1] = start[u] + lists[u].length;
  const to = new Int32Array(start[units.count]);
  lists.forEach((l, u) => to.set(l, start[u]));
  return { start, to };
}

/** Where a point lies among the units (−1: in no unit); grid units only, null otherwise. */
export type UnitAt = (x: number, y: number) => number;

/**
 * Piece of every unit of `school` (0, 1, …; −1 for units not of the school), and the count.
 * `owner` is each unit's dominant school. With `streets` (and `unitAt`), pieces joined by a street
 * that stays out of other schools' units count as one.
 */
export function schoolPieces(graph: UnitGraph, owner: Int32Array, school: number, members: ArrayLike<number>,
  streets?: { net: StreetNetwork; unitAt: UnitAt }): { piece: Map<number, number>; count: number } {
  const parent = new Map<number, number>();
  for (let i = 0; i < members.length; i++) if (owner[members[i]] === school) parent.set(members[i], members[i]);
  const find = (u: number): number => {
    let r = u;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    while (parent.get(u)! !== r) {
      const next = parent.get(u)!;
      parent.set(u, r);
      u = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const u of parent.keys()) for (let k = graph.start[u]; k < graph.start[u + 1]; k++) if (parent.has(graph.to[k])) union(u, graph.to[k]);
  if (streets) joinByStreets(streets.net, streets.unitAt, owner, school, parent, union);
  const piece = new Map<number, number>();
  const ids = new Map<number, number>();
  for (const u of parent.keys()) {
    const r = find(u);
    if (!ids.has(r)) ids.set(r, ids.size);
    piece.set(u, ids.get(r)!);
  }
  return { piece, count: ids.size };
}

/** Joins the school's units whose snap points a street connects without entering another school's unit. */
function joinByStreets(net: StreetNetwork, unitAt: UnitAt, owner: Int32Array, school: number, members: Map<number, number>, union: (a: number, b: number) => void): void {
  const g = net.graph;
  const passable = (n: number) => {
    const u = unitAt(g.nodeX[n], g.nodeY[n]);
    return u < 0 || owner[u] === school;
  };
  const label = new Map<number, number>(); // node → the first member unit reaching it
  const stack: number[] = [];
  for (const u of members.keys()) {
    const e = net.unitEdge[u];
    if (e < 0) continue;
    for (const start of [g.edgeA[e], g.edgeB[e]]) {
      const seen = label.get(start);
      if (seen !== undefined) {
        union(u, seen);
        continue;
      }
      if (!passable(start)) continue;
      label.set(start, u);
      stack.push(start);
      while (stack.length) {
        const n = stack.pop()!;
        for (let k = g.adjStart[n]; k < g.adjStart[n + 1]; k++) {
          const edge = g.adjEdge[k];
          const m = g.edgeA[edge] === n ? g.edgeB[edge] : g.edgeA[edge];
          if (label.has(m) || !passable(m)) continue;
          label.set(m, u);
          stack.push(m);
        }
      }
    }
  }
}
