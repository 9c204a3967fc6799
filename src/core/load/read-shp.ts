/**
 * Shapefile geometry (.shp main file) → GeoJSON-like geometries in the file's own CRS.
 * Points, MultiPoints and Polygons (with Z/M variants, whose extra ordinates are dropped);
 * PolyLines come back as MultiLineStrings (one line per part), for street layers.
 * Polygon parts are grouped the Shapefile way: clockwise rings are outer rings, counter-clockwise
 * rings are holes of the smallest outer ring that contains them.
 */
import { ringSignedArea } from '../geometry/area';
import type { Position } from '../model/geometry-types';
import { UserError } from '../model/result';

export type ShpGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | null;

const damaged = (file: string, message: string, feature?: number) =>
  new UserError({
    code: 'invalid-shapefile',
    message: `The .shp file is damaged: ${message}.`,
    fix: 'Export the layer again (QGIS "Save Features As…"), or convert it with `ogr2ogr -f FlatGeobuf out.fgb in.shp`.',
    file,
    ...(feature !== undefined ? { feature } : {}),
  });

/** Read every record of a .shp file, in order. Throws UserError ('invalid-shapefile') on damage. */
export function readShp(file: string, bytes: Uint8Array): ShpGeometry[] {
  if (bytes.length < 100) throw damaged(file, `it has only ${bytes.length} bytes (a .shp starts with a 100-byte header)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) throw damaged(file, 'it does not start with the Shapefile code 9994');
  const out: ShpGeometry[] = [];
  let p = 100;
  while (p + 8 <= bytes.length) {
    const length = view.getInt32(p + 4, false) * 2;
    const start = p + 8;
    if (length < 4 || start + length > bytes.length) throw damaged(file, `record ${out.length} claims ${length} bytes beyond the end of the file (truncated?)`, out.length);
    out.push(readRecord(file, new DataView(bytes.buffer, bytes.byteOffset + start, length), out.length));
    p = start + length;
  }
  return out;
}

function readRecord(file: string, v: DataView, index: number): ShpGeometry {
  const type = v.getInt32(0, true);
  const need = (n: number) => {
    if (n > v.byteLength) throw damaged(file, `record ${index} is too short for its contents`, index);
  };
  switch (type) {
    case 0:
      return null;
    case 1:
    case 11:
    case 21:
      need(20);
      return { type: 'Point', coordinates: [v.getFloat64(4, true), v.getFloat64(12, true)] };
    case 8:
    case 18:
    case 28: {
      need(40);
      const n = v.getInt32(36, true);
      need(40 + 16 * n);
      const pts: Position[] = [];
      for (let i = 0; i < n; i++) pts.push([v.getFloat64(40 + 16 * i, true), v.getFloat64(48 + 16 * i, true)]);
      return { type: 'MultiPoint', coordinates: pts };
    }
    case 5:
    case 15:
    case 25:
      return { type: 'MultiPolygon', coordinates: groupRings(readParts(file, v, index)) };
    case 3:
    case 13:
    case 23:
      return { type: 'MultiLineString', coordinates: readParts(file, v, index) };
    default:
      throw damaged(file, `record ${index} has the unknown shape type ${type}`, index);
  }
}

function readParts(file: string, v: DataView, index: number): Position[][] {
  if (v.byteLength < 44) throw damaged(file, `record ${index} is too short for a polygon or polyline`, index);
  const numParts = v.getInt32(36, true);
  const numPoints = v.getInt32(40, true);
  const pointsAt = 44 + 4 * numParts;
  if (numParts < 0 || numPoints < 0 || pointsAt + 16 * numPoints > v.byteLength) throw damaged(file, `record ${index} announces ${numParts} parts and ${numPoints} points, more than it holds`, index);
  const rings: Position[][] = [];
  for (let k = 0; k < numParts; k++) {
    const from = v.getInt32(44 + 4 * k, true);
    const to = k + 1 < numParts ? v.getInt32(48 + 4 * k, true) : numPoints;
    if (from < 0 || to > numPoints || to < from) throw damaged(file, `record ${index} has part ${k} pointing outside its points`, index);
    const ring: Position[] = [];
    for (let i = from; i < to; i++) ring.push([v.getFloat64(pointsAt + 16 * i, true), v.getFloat64(pointsAt + 8 + 16 * i, true)]);
    rings.push(ring);
  }
  return rings;
}


function inside(p: Position, ring: Position[]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Outer rings (clockwise) with the holes (counter-clockwise) they contain. All rings counter-clockwise → all outer. */
export function groupRings(rings: Position[][]): Position[][][] {
  const areas = rings.map((ring) => 2 * ringSignedArea(ring));
  const outers = rings.map((_, i) => i).filter((i) => areas[i] < 0);
  if (outers.length === 0) return rings.map((r) => [r]);
  const polygons = new Map<number, Position[][]>(outers.map((i) => [i, [rings[i]]]));
  rings.forEach((ring, i) => {
    if (areas[i] < 0 || ring.length === 0) return;
    let best = -1;
    for (const o of outers) if (inside(ring[0], rings[o]) && (best < 0 || Math.abs(areas[o]) < Math.abs(areas[best]))) best = o;
    if (best >= 0) polygons.get(best)!.push(ring);
    else polygons.set(i, [ring.slice().reverse()]); // a stray hole: keep it as an outer ring
  });
  return [...polygons.values()];
}
