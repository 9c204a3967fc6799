/**
 * Which units touch along an edge (CSR lists): grid cells share an edge with their four
 * neighbours; polygon units when they share a boundary segment (both end vertices equal to
 * 1 mm). Touching at a corner only does not connect.
 */
import type { Units } from '../model/units';
import { buildUnitLookup } from '../overlay/unit-lookup';

export interface UnitAdjacency {
  start: Int32Array;
  neighbours: Int32Array;
}

export function unitAdjacency(units: Units): UnitAdjacency {
  const lists: number[][] = Array.from({ length: units.count }, () => []);
  if (units.kind === 'grid') {
    const lookup = buildUnitLookup(units);
    for (let u = 0; u < units.count; u++) {
      const c = units.col[u], r = units.row[u];
      for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const v = lookup.get(c + dc, r + dr);
        if (v >= 0) lists[u].push(v);
      }
    }
  } else {
    const owner = new Map<string, number>();
    const key = (ax: number, ay: number, bx: number, by: number) => {
      const a = `${Math.round(ax * 1000)},${Math.round(ay * 1000)}`;
      const b = `${Math.round(bx * 1000)},${Math.round(by * 1000)}`;
      return a < b ? `${a};${b}` : `${b};${a}`;
    };
    units.geometries.forEach((mp, u) => {
      for (const poly of mp)
        for (const ring of poly)
          for (let i = 0; i + 1 < ring.length; i++) {
            const k = key(ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]);
            const other = owner.get(k);
            if (other === undefined) owner.set(k, u);
            else if (other !== u && !lists[u].includes(other)) {
              lists[u].push(other);
              lists[other].push(u);
            }
          }
    });
  }
  const start = new Int32Array(units.count + 1);
  lists.forEach((l, u) => (start[u + 1] = start[u] + l.length));
  return { start, neighbours: Int32Array.from(lists.flat()) };
}
