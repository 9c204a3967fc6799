/**
 * Flat (binary) outlines of statistical units for deck.gl's SolidPolygonLayer: one object per
 * polygon part, each a closed outer ring (holes are not drawn), counter-clockwise.
 * Built in EPSG:3067 metres; the worker reprojects `positions` to lon/lat before sending.
 */
import type { GridSpec } from '../../core/model/grid-spec';
import type { MultiPolygon } from '../../core/model/geometry-types';

export interface UnitOutlines {
  /** Interleaved [x, y, …] of every ring vertex (closed rings). */
  positions: Float64Array;
  /** Index (in vertices) where each object's ring starts; length objects + 1 (last = vertex count). */
  startIndices: Uint32Array;
  /** Unit index of each object (a multi-part unit has several objects). */
  objectUnit: Uint32Array;
}

/** Five vertices per cell: SW, SE, NE, NW, SW (counter-clockwise, closed). */
export function gridOutlines(grid: GridSpec, col: ArrayLike<number>, row: ArrayLike<number>): UnitOutlines {
  const n = col.length;
  const positions = new Float64Array(n * 10);
  const startIndices = new Uint32Array(n + 1);
  const objectUnit = new Uint32Array(n);
  const s = grid.cellSize;
  for (let i = 0; i < n; i++) {
    const x0 = grid.originX + col[i] * s;
    const y0 = grid.originY + row[i] * s;
    positions.set([x0, y0, x0 + s, y0, x0 + s, y0 + s, x0, y0 + s, x0, y0], i * 10);
    startIndices[i] = i * 5;
    objectUnit[i] = i;
  }
  startIndices[n] = n * 5;
  return { positions, startIndices, objectUnit };
}

/** Outer rings of every part of every unit, closed and counter-clockwise. */
export function polygonOutlines(geometries: readonly MultiPolygon[]): UnitOutlines {
  const rings: { ring: number[][]; unit: number }[] = [];
  let vertices = 0;
  geometries.forEach((mp, unit) => {
    for (const polygon of mp) {
      const outer = polygon[0];
      if (!outer || outer.length < 3) continue;
      const ring = outer.map((p) => [p[0], p[1]]);
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1]) ring.push([a[0], a[1]]);
      let area2 = 0;
      for (let i = 0; i + 1 < ring.length; i++) area2 += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      if (area2 < 0) ring.reverse();
      rings.push({ ring, unit });
      vertices += ring.length;
    }
  });
  const positions = new Float64Array(vertices * 2);
  const startIndices = new Uint32Array(rings.length + 1);
  const objectUnit = new Uint32Array(rings.length);
  let v = 0;
  rings.forEach(({ ring, unit }, o) => {
    startIndices[o] = v;
    objectUnit[o] = unit;
    for (const p of ring) {
      positions[v * 2] = p[0];
      positions[v * 2 + 1] = p[1];
      v++;
    }
  });
  startIndices[rings.length] = v;
  return { positions, startIndices, objectUnit };
}

/**
 * Per-vertex RGBA colours (what binary SolidPolygonLayer attributes need) from per-unit colours.
 * @param unitColours RGBA per unit, length units × 4
 */
export function vertexColours(outlines: UnitOutlines, unitColours: Uint8Array): Uint8Array {
  const { startIndices, objectUnit } = outlines;
  const out = new Uint8Array(startIndices[startIndices.length - 1] * 4);
  for (let o = 0; o < objectUnit.length; o++) {
    const u = objectUnit[o] * 4;
    for (let v = startIndices[o]; v < startIndices[o + 1]; v++) {
      out[v * 4] = unitColours[u];
      out[v * 4 + 1] = unitColours[u + 1];
      out[v * 4 + 2] = unitColours[u + 2];
      out[v * 4 + 3] = unitColours[u + 3];
    }
  }
  return out;
}
