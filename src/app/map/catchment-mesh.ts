/**
 * Catchments as a few binary meshes instead of one deck.gl layer per school: the schools are
 * grouped in chunks of CHUNK_SCHOOLS consecutive school indices, and each chunk's catchments are
 * triangulated (earcut) and laid out in flat typed arrays — lon/lat per vertex, triangles, the
 * first vertex of each polygon and of each ring, and the school of each polygon — that one fill
 * layer and one outline layer draw without tessellating again (catchment-layers.ts).
 *
 * Why: a layer per school (a PolygonLayer is three GL layers) meant about 170 layers on the sample
 * city: their creation was a large part of the first frame, and their per-layer work a large part
 * of each redraw while the optimiser shows its best plan so far. A chunk is rebuilt only when one
 * of its catchments changed (by identity: network-view.ts keeps untouched ones), so an edit still
 * re-uploads only the few chunks it touched. Pure functions over arrays (no DOM, no GL): tested in
 * Node.
 */
import earcut from 'earcut';
import type { MultiPolygon } from '../../core/model/geometry-types';

/** Schools per chunk: few layers for the sample city (≈ 60 schools → 4), and an edit re-uploads ≈ 1/CHUNK of a 300-school city per chunk it touches. */
export const CHUNK_SCHOOLS = 16;

export interface CatchmentChunk {
  /** First school index of the chunk (school indices first … first + CHUNK_SCHOOLS − 1). */
  first: number;
  /** Lon/lat per vertex, flat (x0, y0, x1, y1, …); rings as given (closed). */
  positions: Float64Array;
  /** Triangles of the fills: three vertex indices each, into `positions`. */
  indices: Uint32Array;
  /** First vertex of each polygon, then the vertex count (length: polygons + 1). */
  polygonStarts: Int32Array;
  /** School index of each polygon. */
  polygonSchool: Int32Array;
  /** First vertex of each ring, then the vertex count (length: rings + 1). */
  ringStarts: Int32Array;
}

/**
 * Triangles (earcut) of a flat lon/lat polygon: `flat` holds x, y pairs of the outer ring then the
 * holes, each hole starting at the vertex listed in `holes`. Triangle vertices are numbered from 0.
 * The coordinates are taken relative to the first vertex and scaled to roughly metres, so that
 * earcut's orientation tests work on numbers of a sensible size.
 */
export function earcutLonLat(flat: ArrayLike<number>, holes?: number[]): number[] {
  const x0 = flat[0];
  const y0 = flat[1];
  const kx = 111_320 * Math.cos((y0 * Math.PI) / 180);
  const local = new Float64Array(flat.length);
  for (let i = 0; i < flat.length; i += 2) {
    local[i] = (flat[i] - x0) * kx;
    local[i + 1] = (flat[i + 1] - y0) * 110_574;
  }
  return earcut(local, holes?.length ? holes : undefined, 2);
}

/** Triangles of one polygon (outer ring then holes) whose vertices start at `offset` in the chunk. */
function triangulate(polygon: MultiPolygon[number], offset: number): number[] {
  const flat: number[] = [];
  const holes: number[] = [];
  polygon.forEach((ring, r) => {
    if (r > 0) holes.push(flat.length / 2);
    for (const [x, y] of ring) flat.push(x, y);
  });
  const local = earcutLonLat(flat, holes);
  for (let i = 0; i < local.length; i++) local[i] += offset;
  return local;
}

/** The chunk of schools first … first + count − 1 (empty catchments contribute nothing). */
export function buildChunk(catchments: readonly MultiPolygon[], first: number, count = CHUNK_SCHOOLS): CatchmentChunk {
  let vertices = 0;
  let polygons = 0;
  let rings = 0;
  const end = Math.min(catchments.length, first + count);
  for (let s = first; s < end; s++)
    for (const polygon of catchments[s] ?? []) {
      polygons++;
      for (const ring of polygon) {
        rings++;
        vertices += ring.length;
      }
    }
  const positions = new Float64Array(2 * vertices);
  const polygonStarts = new Int32Array(polygons + 1);
  const polygonSchool = new Int32Array(polygons);
  const ringStarts = new Int32Array(rings + 1);
  const triangles: number[][] = [];
  let v = 0;
  let p = 0;
  let r = 0;
  for (let s = first; s < end; s++)
    for (const polygon of catchments[s] ?? []) {
      polygonStarts[p] = v;
      polygonSchool[p++] = s;
      triangles.push(triangulate(polygon, v));
      for (const ring of polygon) {
        ringStarts[r++] = v;
        for (const [x, y] of ring) {
          positions[2 * v] = x;
          positions[2 * v + 1] = y;
          v++;
        }
      }
    }
  polygonStarts[p] = v;
  ringStarts[r] = v;
  const indices = new Uint32Array(triangles.reduce((n, t) => n + t.length, 0));
  let i = 0;
  for (const t of triangles) {
    indices.set(t, i);
    i += t.length;
  }
  return { first, positions, indices, polygonStarts, polygonSchool, ringStarts };
}

/**
 * The chunks of a network's catchments, each rebuilt only when one of its catchments is a new
 * object (or the school count changed); unchanged chunks are returned as the same objects, so the
 * layers drawing them keep their GPU buffers.
 */
export class CatchmentChunks {
  private chunks: CatchmentChunk[] = [];
  private last: readonly MultiPolygon[] = [];

  get(catchments: readonly MultiPolygon[]): CatchmentChunk[] {
    if (catchments === this.last) return this.chunks;
    const last = this.last;
    const next: CatchmentChunk[] = [];
    for (let first = 0; first < catchments.length; first += CHUNK_SCHOOLS) {
      const end = Math.min(catchments.length, first + CHUNK_SCHOOLS);
      // The same schools in the chunk as last time, each the same object.
      let same = Math.min(last.length, first + CHUNK_SCHOOLS) === end;
      for (let s = first; same && s < end; s++) same = catchments[s] === last[s];
      next.push(same ? this.chunks[first / CHUNK_SCHOOLS] : buildChunk(catchments, first));
    }
    this.last = catchments;
    this.chunks = next;
    return next;
  }
}
