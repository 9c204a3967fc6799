/**
 * The changed units (flag 1) as one small binary mesh for the hatch layer: the outline rings of
 * the flagged units only, copied from the unit layer's flat outlines (unit-geometry.ts), with
 * their triangles, so deck.gl neither tessellates nor calls an accessor per vertex.
 *
 * Why: the hatch layer used to cover every unit and re-colour the rows of the units whose flag
 * changed (a partial attribute update). When a plan preview moves units all over the city those
 * rows are most of the grid, and deck.gl's per-vertex accessor pass took 30–80 ms of main thread
 * (issue 12: no task over 50 ms while optimising). Now a new flag array costs one pass over the
 * flags and a copy of the flagged units' vertices: O(units + flagged vertices) of typed-array
 * work, about a millisecond on the sample city, whatever the flags' scatter.
 *
 * Grid cells are quads (five vertices, closed, counter-clockwise): two triangles. Other unit
 * outlines are triangulated with earcut once per ring and kept. Pure (no DOM, no GL): tested in Node.
 */
import type { UnitDisplay } from '../workers/engine-protocol';
import { earcutLonLat } from './catchment-mesh';

export interface ChangedUnitsMesh {
  /** Polygons drawn (layer objects of the flagged units). */
  length: number;
  /** Flagged units. */
  units: number;
  /** Lon/lat per vertex, flat; each polygon's ring as in the unit outlines (closed). */
  positions: Float64Array;
  /** First vertex of each polygon, then the vertex count (length + 1). */
  startIndices: Uint32Array;
  /** Triangles: three vertex indices each, into `positions`. */
  indices: Uint32Array;
}

/**
 * First layer object of every unit and one past the last: objects of unit u are
 * [starts[u], starts[u + 1]). `objectUnit` lists the unit of each object in ascending unit order
 * (as unit-geometry.ts builds it). Units without an object get an empty range.
 */
export function unitRowStarts(objectUnit: ArrayLike<number>, unitCount: number): Uint32Array {
  const starts = new Uint32Array(unitCount + 1);
  for (let o = 0; o < objectUnit.length; o++) starts[objectUnit[o] + 1]++;
  for (let u = 0; u < unitCount; u++) starts[u + 1] += starts[u];
  return starts;
}

/** Two triangles of a closed quad ring SW, SE, NE, NW, SW. */
const QUAD = Uint32Array.of(0, 1, 2, 0, 2, 3);

export class ChangedUnitsMesher {
  readonly display: UnitDisplay;
  /** Layer objects of unit u: [rowStarts[u], rowStarts[u + 1]). */
  private readonly rowStarts: Uint32Array;
  /** Triangles of each non-quad object's ring, numbered from the ring's first vertex (made when first drawn). */
  private readonly triangles = new Map<number, Uint32Array>();

  constructor(display: UnitDisplay) {
    this.display = display;
    this.rowStarts = unitRowStarts(display.objectUnit, display.count);
  }

  private trianglesOf(object: number): Uint32Array {
    const { startIndices, positions } = this.display;
    const a = startIndices[object];
    const b = startIndices[object + 1];
    if (this.display.kind === 'grid' && b - a === 5) return QUAD;
    let t = this.triangles.get(object);
    if (!t) {
      // The ring without its closing vertex (earcut closes it).
      const closed = b - a > 1 && positions[2 * a] === positions[2 * (b - 1)] && positions[2 * a + 1] === positions[2 * (b - 1) + 1];
      t = b - a >= 3 ? Uint32Array.from(earcutLonLat(positions.subarray(2 * a, 2 * (closed ? b - 1 : b)))) : new Uint32Array(0);
      this.triangles.set(object, t);
    }
    return t;
  }

  /** The mesh of the units whose flag is 1 (`flags` has one entry per unit). */
  build(flags: Uint8Array): ChangedUnitsMesh {
    const { startIndices, positions } = this.display;
    const rows = this.rowStarts;
    const n = Math.min(flags.length, this.display.count);
    let units = 0;
    let objects = 0;
    let vertices = 0;
    let corners = 0;
    for (let u = 0; u < n; u++) {
      if (flags[u] !== 1) continue;
      units++;
      for (let o = rows[u]; o < rows[u + 1]; o++) {
        objects++;
        vertices += startIndices[o + 1] - startIndices[o];
        corners += this.trianglesOf(o).length;
      }
    }
    const out = { length: objects, units, positions: new Float64Array(2 * vertices), startIndices: new Uint32Array(objects + 1), indices: new Uint32Array(corners) };
    let p = 0;
    let v = 0;
    let i = 0;
    for (let u = 0; u < n && p < objects; u++) {
      if (flags[u] !== 1) continue;
      for (let o = rows[u]; o < rows[u + 1]; o++) {
        const a = startIndices[o];
        const b = startIndices[o + 1];
        out.startIndices[p++] = v;
        out.positions.set(positions.subarray(2 * a, 2 * b), 2 * v);
        const t = this.trianglesOf(o);
        for (let k = 0; k < t.length; k++) out.indices[i++] = v + t[k];
        v += b - a;
      }
    }
    out.startIndices[objects] = v;
    return out;
  }

  /**
   * One polygon of zero area (three copies of the first unit's first vertex): drawing it links
   * the hatch layer's GL program before the first edit needs it, without showing anything.
   */
  degenerate(): ChangedUnitsMesh {
    const { positions } = this.display;
    const x = positions[0] ?? 0;
    const y = positions[1] ?? 0;
    return { length: 1, units: 0, positions: Float64Array.of(x, y, x, y, x, y), startIndices: Uint32Array.of(0, 3), indices: Uint32Array.of(0, 1, 2) };
  }
}
