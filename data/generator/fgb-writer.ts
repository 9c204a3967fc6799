/**
 * Minimal FlatGeobuf writer on top of the `flatgeobuf` package's building blocks.
 * Unlike `flatgeobuf/lib/mjs/geojson.js`'s serialize (which types every number as Double
 * and cannot set column types), this writes integer columns as Short or Int, and puts the
 * CRS code (EPSG:3067) in the header. No spatial index (the loaders read every feature).
 * Point features are encoded by hand in the smallest valid FlatBuffers layout (no geometry
 * type, which the header already gives): 68 bytes of framing plus padding to 8, instead of about 85.
 */
import type { Geometry } from 'geojson';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';

/** Column types used here: Short = int16, Int = int32. */
export type FgbColumnType = 'short' | 'int' | 'string';

export interface FgbColumn {
  name: string;
  type: FgbColumnType;
}

export interface FgbFeature {
  geometry: Extract<Geometry, { type: 'Point' | 'Polygon' | 'MultiPolygon' }>;
  properties: Record<string, string | number>;
}

const COLUMN_TYPES: Record<FgbColumnType, ColumnType> = { short: ColumnType.Short, int: ColumnType.Int, string: ColumnType.String };
const GEOMETRY_TYPES = { Point: GeometryType.Point, Polygon: GeometryType.Polygon, MultiPolygon: GeometryType.MultiPolygon };

/** Serialise features (all of one geometry type) with the given columns, CRS EPSG:`crsCode`. */
export function writeFlatGeobuf(features: FgbFeature[], columns: FgbColumn[], crsCode = 3067): Uint8Array {
  if (features.length === 0) throw new Error('writeFlatGeobuf: no features');
  const type = features[0].geometry.type;
  if (features.some((f) => f.geometry.type !== type)) throw new Error('writeFlatGeobuf: mixed geometry types');
  const meta: HeaderMeta = {
    geometryType: GEOMETRY_TYPES[type],
    columns: columns.map((c): ColumnMeta => ({ name: c.name, type: COLUMN_TYPES[c.type], title: null, description: null, width: -1, precision: -1, scale: -1, nullable: false, unique: false, primary_key: false })),
    envelope: null,
    featuresCount: features.length,
    indexNodeSize: 0,
    crs: null,
    title: null,
    description: null,
    metadata: null,
  };
  const header = buildHeader(meta, crsCode);
  const parts = features.map((f) => {
    for (const c of columns) {
      const v = f.properties[c.name];
      if (c.type === 'string' ? typeof v !== 'string' : !Number.isInteger(v)) throw new Error(`writeFlatGeobuf: bad value ${String(v)} for column ${c.name}`);
      if (c.type === 'short' && ((v as number) < -32768 || (v as number) > 32767)) throw new Error(`writeFlatGeobuf: ${c.name}=${v} does not fit a Short`);
    }
    if (f.geometry.type === 'Point') return pointFeature(f.geometry.coordinates[0], f.geometry.coordinates[1], encodeProperties(f.properties, columns));
    return buildFeature(parseGeometry(f.geometry), f.properties, meta);
  });
  const size = magicbytes.length + header.length + parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(size);
  out.set(magicbytes);
  out.set(header, magicbytes.length);
  let offset = magicbytes.length + header.length;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Property bytes as FlatGeobuf stores them: per column its uint16 index, then the value (little-endian). */
export function encodeProperties(properties: Record<string, string | number>, columns: FgbColumn[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: number[] = [];
  const u16 = (v: number) => chunks.push(v & 0xff, (v >> 8) & 0xff);
  const u32 = (v: number) => chunks.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  columns.forEach((c, i) => {
    const v = properties[c.name];
    u16(i);
    if (c.type === 'short') u16((v as number) & 0xffff);
    else if (c.type === 'int') u32((v as number) | 0);
    else {
      const bytes = encoder.encode(v as string);
      u32(bytes.length);
      for (const b of bytes) chunks.push(b);
    }
  });
  return Uint8Array.from(chunks);
}

/**
 * One size-prefixed Feature table holding a Point geometry (xy only) and `props`. Byte
 * positions from the start of the size prefix (FlatBuffers aligns size-prefixed buffers from
 * there, and readers map doubles straight from the file, so they must sit at multiples of 8):
 *   0 size | 4 root uoffset → 16 | 8 Feature vtable [8, 12, 4, 8] | 16 Feature table: soffset 8,
 *   geometry → 36, properties → 64 | 28 Geometry vtable [8, 8, 0, 4] (xy only) | 36 Geometry
 *   table: soffset 8, xy → 44 | 44 xy length 2 | 48 x, 56 y | 64 properties length, bytes |
 *   zero padding to a multiple of 8.
 */
function pointFeature(x: number, y: number, props: Uint8Array): Uint8Array {
  const total = Math.ceil((68 + props.length) / 8) * 8;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint32(0, total - 4, true);
  v.setUint32(4, 16 - 4, true);
  [8, 12, 4, 8].forEach((n, k) => v.setUint16(8 + 2 * k, n, true));
  v.setInt32(16, 16 - 8, true);
  v.setUint32(20, 36 - 20, true);
  v.setUint32(24, 64 - 24, true);
  [8, 8, 0, 4].forEach((n, k) => v.setUint16(28 + 2 * k, n, true));
  v.setInt32(36, 36 - 28, true);
  v.setUint32(40, 44 - 40, true);
  v.setUint32(44, 2, true);
  v.setFloat64(48, x, true);
  v.setFloat64(56, y, true);
  v.setUint32(64, props.length, true);
  out.set(props, 68);
  return out;
}
