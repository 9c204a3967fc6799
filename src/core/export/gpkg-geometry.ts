/**
 * GeoPackage geometry encoding (OGC GeoPackage 1.3, clause 2.1.3): a GeoPackageBinary header
 * ("GP", version 0, flags, srs_id, envelope [minx, maxx, miny, maxy]) followed by ISO WKB,
 * all little-endian. Only MultiPolygon (WKB type 6) is written; the decoder reads what the
 * encoder writes (used by tests and for checks).
 */
import type { BBox, MultiPolygon } from '../model/geometry-types';
import { bboxIsEmpty, multiPolygonBBox } from '../geometry/bbox';

const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;
/** flags: bit 0 little-endian, bits 1–3 envelope code 1 ([minx, maxx, miny, maxy]). */
const FLAGS_LE_ENVELOPE = 0b0000_0011;
/** flags bit 4: empty geometry (then no envelope: code 0). */
const FLAG_EMPTY = 0b0001_0000;

function wkbSize(mp: MultiPolygon): number {
  let n = 1 + 4 + 4;
  for (const p of mp) {
    n += 1 + 4 + 4;
    for (const r of p) n += 4 + r.length * 16;
  }
  return n;
}

/** GeoPackageBinary of a MultiPolygon with the given srs_id. */
export function encodeGpkgMultiPolygon(mp: MultiPolygon, srsId: number): Uint8Array {
  const bbox = multiPolygonBBox(mp);
  const empty = bboxIsEmpty(bbox);
  const headerSize = 8 + (empty ? 0 : 32);
  const buf = new ArrayBuffer(headerSize + wkbSize(mp));
  const v = new DataView(buf);
  const bytes = new Uint8Array(buf);
  bytes[0] = 0x47; // 'G'
  bytes[1] = 0x50; // 'P'
  bytes[2] = 0; // version 0 = GeoPackage 1.x
  bytes[3] = empty ? FLAG_EMPTY | 0b1 : FLAGS_LE_ENVELOPE;
  v.setInt32(4, srsId, true);
  let o = 8;
  if (!empty) {
    const [minX, minY, maxX, maxY] = bbox;
    for (const x of [minX, maxX, minY, maxY]) {
      v.setFloat64(o, x, true);
      o += 8;
    }
  }
  bytes[o] = 1;
  v.setUint32(o + 1, WKB_MULTIPOLYGON, true);
  v.setUint32(o + 5, mp.length, true);
  o += 9;
  for (const p of mp) {
    bytes[o] = 1;
    v.setUint32(o + 1, WKB_POLYGON, true);
    v.setUint32(o + 5, p.length, true);
    o += 9;
    for (const r of p) {
      v.setUint32(o, r.length, true);
      o += 4;
      for (const [x, y] of r) {
        v.setFloat64(o, x, true);
        v.setFloat64(o + 8, y, true);
        o += 16;
      }
    }
  }
  return bytes;
}

export interface DecodedGpkgGeometry {
  srsId: number;
  /** Envelope as [minX, minY, maxX, maxY]; null when absent. */
  envelope: BBox | null;
  empty: boolean;
  geometry: MultiPolygon;
}

/** Decodes a GeoPackageBinary MultiPolygon (little- or big-endian WKB, envelope codes 0–4). Throws on anything else. */
export function decodeGpkgMultiPolygon(data: Uint8Array): DecodedGpkgGeometry {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data[0] !== 0x47 || data[1] !== 0x50) throw new Error('not GeoPackageBinary (magic)');
  const flags = data[3];
  const le = (flags & 1) === 1;
  const envCode = (flags >> 1) & 0b111;
  const envDoubles = [0, 4, 6, 6, 8][envCode];
  const srsId = v.getInt32(4, le);
  let envelope: BBox | null = null;
  if (envDoubles > 0) {
    const e = [0, 1, 2, 3].map((i) => v.getFloat64(8 + i * 8, le));
    envelope = [e[0], e[2], e[1], e[3]];
  }
  let o = 8 + envDoubles * 8;
  const readHeader = (type: number): [boolean, number] => {
    const wle = data[o] === 1;
    const t = v.getUint32(o + 1, wle);
    if (t !== type) throw new Error(`expected WKB type ${type}, got ${t}`);
    const count = v.getUint32(o + 5, wle);
    o += 9;
    return [wle, count];
  };
  const [, polygons] = readHeader(WKB_MULTIPOLYGON);
  const geometry: MultiPolygon = [];
  for (let i = 0; i < polygons; i++) {
    const [wle, rings] = readHeader(WKB_POLYGON);
    const polygon = [];
    for (let k = 0; k < rings; k++) {
      const n = v.getUint32(o, wle);
      o += 4;
      const ring: [number, number][] = [];
      for (let j = 0; j < n; j++) {
        ring.push([v.getFloat64(o, wle), v.getFloat64(o + 8, wle)]);
        o += 16;
      }
      polygon.push(ring);
    }
    geometry.push(polygon);
  }
  return { srsId, envelope, empty: (flags & FLAG_EMPTY) !== 0, geometry };
}
