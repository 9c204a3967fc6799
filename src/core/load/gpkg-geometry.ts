/**
 * GeoPackageBinary geometry blobs (GeoPackage 1.x, §2.1.3): "GP" magic, version, flags
 * (header byte order, envelope kind, empty flag), srs_id, envelope, then standard WKB in either
 * byte order. Points, LineStrings, Polygons, MultiPoints, MultiLineStrings and MultiPolygons are decoded (Z/M ordinates are
 * dropped, ISO and EWKB dimension flags accepted); other types are named but not decoded.
 * Coordinates stay in the layer's CRS.
 */
import type { Position } from '../model/geometry-types';

export type WkbGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: string; coordinates: null };

export class WkbError extends Error {}

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];
const NAMES = ['Geometry', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'];

/** Decode a GeoPackageBinary blob; null for an empty geometry. Throws WkbError when damaged. */
export function decodeGpkgGeometry(blob: Uint8Array): WkbGeometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new WkbError('the blob does not start with the GeoPackage magic "GP"');
  const flags = blob[3];
  const envelope = (flags >> 1) & 0x07;
  if (envelope > 4) throw new WkbError(`the envelope indicator ${envelope} is invalid`);
  if (flags & 0x10) return null; // empty geometry
  const start = 8 + ENVELOPE_BYTES[envelope];
  if (start >= blob.length) throw new WkbError('the blob ends before its WKB geometry');
  const reader = new WkbReader(blob.subarray(start));
  return reader.geometry();
}

/** Decode plain WKB. */
export function decodeWkb(bytes: Uint8Array): WkbGeometry {
  return new WkbReader(bytes).geometry();
}

class WkbReader {
  private view: DataView;
  private pos = 0;
  private little = true;

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  geometry(): WkbGeometry {
    const { type, dims } = this.header();
    switch (type) {
      case 1:
        return { type: 'Point', coordinates: this.position(dims) };
      case 2:
        return { type: 'LineString', coordinates: this.rings(dims, 1)[0] };
      case 3:
        return { type: 'Polygon', coordinates: this.rings(dims) };
      case 4:
      case 5:
      case 6: {
        const n = this.count(5);
        const parts: WkbGeometry[] = [];
        for (let i = 0; i < n; i++) parts.push(this.geometry());
        if (type === 4) return { type: 'MultiPoint', coordinates: parts.map((g) => this.expect(g, 'Point').coordinates as Position) };
        if (type === 5) return { type: 'MultiLineString', coordinates: parts.map((g) => this.expect(g, 'LineString').coordinates as Position[]) };
        return { type: 'MultiPolygon', coordinates: parts.map((g) => this.expect(g, 'Polygon').coordinates as Position[][]) };
      }
      default:
        return { type: NAMES[type] ?? `WKB type ${type}`, coordinates: null };
    }
  }

  private expect(g: WkbGeometry, type: string): WkbGeometry {
    if (g.type !== type) throw new WkbError(`a Multi${type} holds a ${g.type}`);
    return g;
  }

  private header(): { type: number; dims: number } {
    this.need(5);
    const order = this.view.getUint8(this.pos);
    if (order > 1) throw new WkbError(`byte order ${order} is neither 0 (big-endian) nor 1 (little-endian)`);
    this.little = order === 1;
    let raw = this.view.getUint32(this.pos + 1, this.little);
    this.pos += 5;
    let dims = 2;
    if (raw & 0x80000000) dims++; // EWKB Z
    if (raw & 0x40000000) dims++; // EWKB M
    if (raw & 0x20000000) this.pos += 4; // EWKB SRID
    raw &= 0x0fffffff;
    const iso = Math.floor(raw / 1000);
    if (iso === 1 || iso === 2) dims = 3;
    if (iso === 3) dims = 4;
    return { type: raw % 1000, dims };
  }

  private need(n: number): void {
    if (this.pos + n > this.view.byteLength) throw new WkbError('the WKB ends in the middle of a geometry (truncated)');
  }

  private count(minBytesEach: number): number {
    this.need(4);
    const n = this.view.getUint32(this.pos, this.little);
    this.pos += 4;
    if (n * minBytesEach > this.view.byteLength - this.pos) throw new WkbError(`a count of ${n} is larger than the data`);
    return n;
  }

  private position(dims: number): Position {
    this.need(8 * dims);
    const p: Position = [this.view.getFloat64(this.pos, this.little), this.view.getFloat64(this.pos + 8, this.little)];
    this.pos += 8 * dims;
    return p;
  }

  /** `known` rings: a LineString's single point list (no ring count in the WKB). */
  private rings(dims: number, known?: number): Position[][] {
    const nRings = known ?? this.count(4);
    const rings: Position[][] = [];
    for (let r = 0; r < nRings; r++) {
      const n = this.count(8 * dims);
      const ring: Position[] = [];
      for (let i = 0; i < n; i++) ring.push(this.position(dims));
      rings.push(ring);
    }
    return rings;
  }
}
