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
export function readShp(file: string, bytes: Uint8Array, shx?: Uint8Array): ShpGeometry[] {
  if (bytes.length < 100) throw damaged(file, `it has only ${bytes.length} bytes (a .shp starts with a 100-byte header)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) throw damaged(file, 'it does not start with the Shapefile code 9994');
  const declared = view.getInt32(24, false) * 2;
  if (declared > bytes.length) throw damaged(file, `its header gives a length of ${declared} bytes but it has only ${bytes.length} (truncated)`);
  const out: ShpGeometry[] = [];
  let p = 100;
  while (p + 8 <= bytes.length) {
    const length = view.getInt32(p + 4, false) * 2;
    const start = p + 8;
    if (length < 4 || start + length > bytes.length) throw damaged(file, `record ${out.length} claims ${length} bytes beyond the end of the file (truncated?)`, out.length);
    out.push(readRecord(file, new DataView(bytes.buffer, bytes.byteOffset + start, length), out.length));
    p = start + length;
  }
  if (shx && shx.length >= 100) {
    const indexed = Math.floor((shx.length - 100) / 8);
    if (indexed !== out.length) throw damaged(file, `it holds ${out.length} records but its index (.shx) lists ${indexed} (one of them is truncated)`);
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

type Box = [number, number, number, number];

function ringBox(ring: Position[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ring) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/**
 * Outer rings (clockwise) with the holes (counter-clockwise) they contain. All rings counter-clockwise → all outer.
 * Candidate shells for a hole come from a uniform grid over the shells' bounding boxes, so tens of
 * thousands of rings are grouped in well under a second.
 */
export function groupRings(rings: Position[][]): Position[][][] {
  const areas = rings.map((ring) => 2 * ringSignedArea(ring));
  const outers = rings.map((_, i) => i).filter((i) => areas[i] < 0);
  if (outers.length === 0) return rings.map((r) => [r]);
  const polygons = new Map<number, Position[][]>(outers.map((i) => [i, [rings[i]]]));
  const index = shellIndex(outers.map((o) => ringBox(rings[o])));
  rings.forEach((ring, i) => {
    if (areas[i] < 0 || ring.length === 0) return;
    const p = ring[0];
    let best = -1;
    for (const k of index(p[0], p[1])) {
      const o = outers[k];
      if (inside(p, rings[o]) && (best < 0 || Math.abs(areas[o]) < Math.abs(areas[best]))) best = o;
    }
    if (best >= 0) polygons.get(best)!.push(ring);
    else polygons.set(i, [ring.slice().reverse()]); // a stray hole: keep it as an outer ring
  });
  return [...polygons.values()];
}

/** A grid of about one cell per shell; returns the shells whose box contains a point. */
function shellIndex(boxes: Box[]): (x: number, y: number) => number[] {
  const all = boxes.reduce<Box>((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])], [Infinity, Infinity, -Infinity, -Infinity]);
  const n = Math.max(1, Math.min(512, Math.ceil(Math.sqrt(boxes.length))));
  const w = (all[2] - all[0]) / n || 1;
  const h = (all[3] - all[1]) / n || 1;
  const cell = (v: number, o: number, s: number) => Math.min(n - 1, Math.max(0, Math.floor((v - o) / s)));
  const cells: number[][] = Array.from({ length: n * n }, () => []);
  boxes.forEach((b, k) => {
    for (let cy = cell(b[1], all[1], h); cy <= cell(b[3], all[1], h); cy++) for (let cx = cell(b[0], all[0], w); cx <= cell(b[2], all[0], w); cx++) cells[cy * n + cx].push(k);
  });
  return (x, y) => {
    if (!(x >= all[0] && x <= all[2] && y >= all[1] && y <= all[3])) return [];
    return cells[cell(y, all[1], h) * n + cell(x, all[0], w)].filter((k) => x >= boxes[k][0] && x <= boxes[k][2] && y >= boxes[k][1] && y <= boxes[k][3]);
  };
}
