/** Small readers of JSON shapes shared by the record validators (validate-edit.ts, validate-housing-record.ts). */
import type { MultiPolygon, Position } from '../model/geometry-types';
import type { Problem } from '../model/result';

export function problem(code: string, message: string, fix: string, feature: string, field?: string): Problem {
  return { code, message, fix, feature, ...(field ? { field } : {}) };
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function isFinitePair(p: unknown): p is Position {
  return Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** A MultiPolygon of finite coordinates with closed rings of ≥ 4 positions, or null. */
export function readMultiPolygon(x: unknown): MultiPolygon | null {
  if (!Array.isArray(x) || x.length === 0) return null;
  const out: MultiPolygon = [];
  for (const polygon of x) {
    if (!Array.isArray(polygon) || polygon.length === 0) return null;
    const rings = [];
    for (const ring of polygon) {
      if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isFinitePair)) return null;
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) return null;
      rings.push((ring as Position[]).map((p) => [p[0], p[1]] as Position));
    }
    out.push(rings);
  }
  return out;
}

