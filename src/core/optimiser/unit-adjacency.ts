/**
 * Which units touch which: grid cells through their four shared edges (corners do not
 * connect), polygon units through shared boundary (two edges lying on one line and
 * overlapping by more than 1 mm; a shared vertex alone does not connect).
 * Stored compactly (CSR): the neighbours of u are neighbours[offsets[u] … offsets[u+1]).
 */
import type { GridUnits, PolygonUnits, Units } from '../model/units';
import { buildUnitLookup } from '../overlay/unit-lookup';

export interface UnitAdjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Tolerance for "on one line" and "overlapping", metres. */
const EDGE_TOLERANCE = 0.001;

export function unitAdjacency(units: Units): UnitAdjacency {
  return units.kind === 'grid' ? gridAdjacency(units) : polygonAdjacency(units);
}

function fromLists(lists: number[][]): UnitAdjacency {
  const offsets = new Int32Array(lists.length + 1);
  for (let u = 0; u < lists.length; u++) offsets[u + 1] = offsets[u] + lists[u].length;
  const neighbours = new Int32Array(offsets[lists.length]);
  lists.forEach((l, u) => neighbours.set(l.sort((a, b) => a - b), offsets[u]));
  return { offsets, neighbours };
}

function gridAdjacency(units: GridUnits): UnitAdjacency {
  const lookup = buildUnitLookup(units);
  const n = units.count;
  const offsets = new Int32Array(n + 1);
  const tmp = new Int32Array(4 * n);
  let k = 0;
  for (let u = 0; u < n; u++) {
    const c = units.col[u];
    const r = units.row[u];
    for (const [dc, dr] of [[0, -1], [-1, 0], [1, 0], [0, 1]]) {
      const v = lookup.get(c + dc, r + dr);
      if (v >= 0 && v !== u) tmp[k++] = v;
    }
    offsets[u + 1] = k;
  }
  return { offsets, neighbours: tmp.slice(0, k) };
}

interface Segment {
  unit: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** True when the two segments lie on one line (within tolerance) and overlap by more than the tolerance. */
function sharesEdge(a: Segment, b: Segment): boolean {
  const dx = a.x1 - a.x0;
  const dy = a.y1 - a.y0;
  const len = Math.hypot(dx, dy);
  if (len <= EDGE_TOLERANCE) return false;
  const off = (x: number, y: number) => Math.abs((x - a.x0) * dy - (y - a.y0) * dx) / len;
  if (off(b.x0, b.y0) > EDGE_TOLERANCE || off(b.x1, b.y1) > EDGE_TOLERANCE) return false;
  const t = (x: number, y: number) => ((x - a.x0) * dx + (y - a.y0) * dy) / len;
  const t0 = t(b.x0, b.y0);
  const t1 = t(b.x1, b.y1);
  const lo = Math.max(0, Math.min(t0, t1));
  const hi = Math.min(len, Math.max(t0, t1));
  return hi - lo > EDGE_TOLERANCE;
}

function polygonAdjacency(units: PolygonUnits): UnitAdjacency {
  const segments: Segment[] = [];
  units.geometries.forEach((mp, unit) => {
    for (const polygon of mp) for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) segments.push({ unit, x0: ring[i][0], y0: ring[i][1], x1: ring[i + 1][0], y1: ring[i + 1][1] });
    }
  });
  // Bucket segments on a square grid sized to the mean segment length; compare within buckets.
  let total = 0;
  for (const s of segments) total += Math.hypot(s.x1 - s.x0, s.y1 - s.y0);
  const size = Math.max(1, (2 * total) / Math.max(1, segments.length));
  const buckets = new Map<string, number[]>();
  segments.forEach((s, i) => {
    const c0 = Math.floor((Math.min(s.x0, s.x1) - EDGE_TOLERANCE) / size);
    const c1 = Math.floor((Math.max(s.x0, s.x1) + EDGE_TOLERANCE) / size);
    const r0 = Math.floor((Math.min(s.y0, s.y1) - EDGE_TOLERANCE) / size);
    const r1 = Math.floor((Math.max(s.y0, s.y1) + EDGE_TOLERANCE) / size);
    for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) {
      const key = `${c},${r}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const pairs = new Set<number>();
  const n = units.count;
  for (const list of buckets.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const a = segments[list[i]];
      const b = segments[list[j]];
      if (a.unit === b.unit) continue;
      const lo = Math.min(a.unit, b.unit);
      const hi = Math.max(a.unit, b.unit);
      if (pairs.has(lo * n + hi)) continue;
      if (sharesEdge(a, b) || sharesEdge(b, a)) pairs.add(lo * n + hi);
    }
  }
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const key of pairs) {
    const lo = Math.floor(key / n);
    const hi = key - lo * n;
    lists[lo].push(hi);
    lists[hi].push(lo);
  }
  return fromLists(lists);
}
