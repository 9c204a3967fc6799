/**
 * Write GeoJSON-like features to FlatGeobuf bytes (optionally with a packed Hilbert R-tree
 * spatial index, so that readFlatGeobufBBox can load a bounding box only), with a column schema
 * taken from all features (not only the first): integer columns as Int, other numbers as
 * Double, anything else as String; missing values are written as null. CRS code in the header.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { Builder } from 'flatbuffers';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { BBox } from '../model/geometry-types';
import { buildTree, DEFAULT_NODE_SIZE, hilbertOrder } from './flatgeobuf-index';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';

export interface WriteFlatGeobufOptions {
  /** EPSG code written to the header. Default 3067 (ETRS-TM35FIN). */
  crsCode?: number;
  /** Write a spatial index (features are then stored in Hilbert order of their boxes). Default false. */
  spatialIndex?: boolean;
}

type Props = Record<string, unknown>;

/** Serialise features (Point, Polygon, MultiPolygon, …) to FlatGeobuf. Coordinates are written as given. */
export function writeFlatGeobuf(input: FeatureCollection | Feature[], options: WriteFlatGeobufOptions = {}): Uint8Array {
  let features = Array.isArray(input) ? input : input.features;
  const indexed = Boolean(options.spatialIndex) && features.length > 0;
  let boxes: BBox[] = [];
  if (indexed) {
    const all = features.map(featureBox);
    const order = hilbertOrder(all);
    features = order.map((i) => features[i]);
    boxes = order.map((i) => all[i]);
  }
  const columns = columnsOf(features.map((f) => (f.properties ?? {}) as Props));
  const header: HeaderMeta = {
    geometryType: geometryTypeOf(features),
    columns,
    envelope: indexed ? Float64Array.from(envelopeOf(boxes)) : null,
    featuresCount: features.length,
    indexNodeSize: indexed ? DEFAULT_NODE_SIZE : 0,
    crs: null,
    title: null,
    description: null,
    metadata: null,
  };
  const headerBytes = buildHeader(header, options.crsCode ?? 3067);
  const parts = features.map((f) => {
    const props = (f.properties ?? {}) as Props;
    const values: Record<string, string | number | boolean | null> = {};
    for (const c of columns) values[c.name] = cellValue(props[c.name], c.type);
    return buildFeature(parseGeometry(f.geometry as Exclude<Geometry, { type: 'GeometryCollection' }>), values, header);
  });
  let tree: Uint8Array = new Uint8Array(0);
  if (indexed) {
    const offsets: number[] = [];
    let at = 0;
    for (const p of parts) {
      offsets.push(at);
      at += p.length;
    }
    tree = buildTree(boxes, offsets, DEFAULT_NODE_SIZE);
  }
  const total = magicbytes.length + headerBytes.length + tree.length + parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  out.set(magicbytes);
  out.set(headerBytes, magicbytes.length);
  out.set(tree, magicbytes.length + headerBytes.length);
  let offset = magicbytes.length + headerBytes.length + tree.length;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function columnsOf(props: Props[]): ColumnMeta[] {
  const kinds = new Map<string, 'int' | 'double' | 'bool' | 'string' | 'none'>();
  for (const p of props)
    for (const [k, v] of Object.entries(p)) {
      const prev = kinds.get(k) ?? 'none';
      if (v === null || v === undefined) {
        kinds.set(k, prev);
        continue;
      }
      const kind = typeof v === 'number' ? (Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? 'int' : 'double') : typeof v === 'boolean' ? 'bool' : 'string';
      kinds.set(k, merge(prev, kind));
    }
  return [...kinds].map(([name, kind]) => ({
    name,
    type: kind === 'int' ? ColumnType.Int : kind === 'double' ? ColumnType.Double : kind === 'bool' ? ColumnType.Bool : ColumnType.String,
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: true,
    unique: false,
    primary_key: false,
  }));
}

function merge(a: string, b: 'int' | 'double' | 'bool' | 'string'): 'int' | 'double' | 'bool' | 'string' {
  if (a === 'none' || a === b) return b;
  if ((a === 'int' && b === 'double') || (a === 'double' && b === 'int')) return 'double';
  return 'string';
}

function cellValue(v: unknown, type: ColumnType): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (type === ColumnType.String) return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (type === ColumnType.Bool) return Boolean(v);
  return Number(v);
}

function geometryTypeOf(features: Feature[]): GeometryType {
  const types = new Set(features.map((f) => f.geometry?.type));
  if (types.size !== 1) return GeometryType.Unknown;
  const t = [...types][0];
  const map: Record<string, GeometryType> = {
    Point: GeometryType.Point,
    MultiPoint: GeometryType.MultiPoint,
    LineString: GeometryType.LineString,
    MultiLineString: GeometryType.MultiLineString,
    Polygon: GeometryType.Polygon,
    MultiPolygon: GeometryType.MultiPolygon,
  };
  return (t && map[t]) ?? GeometryType.Unknown;
}

/** Size-prefixed header with columns, CRS code, envelope and index node size (flatgeobuf's own buildHeader writes neither). */
function buildHeader(header: HeaderMeta, crsCode: number): Uint8Array {
  const builder = new Builder(1024);
  const cols = (header.columns ?? []).map((c) => {
    const name = builder.createString(c.name);
    Column.startColumn(builder);
    Column.addName(builder, name);
    Column.addType(builder, c.type);
    return Column.endColumn(builder);
  });
  const columns = cols.length ? Header.createColumnsVector(builder, cols) : 0;
  const envelope = header.envelope ? Header.createEnvelopeVector(builder, header.envelope) : 0;
  const name = builder.createString('L1');
  let crs = 0;
  if (crsCode) {
    Crs.startCrs(builder);
    Crs.addCode(builder, crsCode);
    crs = Crs.endCrs(builder);
  }
  Header.startHeader(builder);
  if (crs) Header.addCrs(builder, crs);
  if (envelope) Header.addEnvelope(builder, envelope);
  Header.addFeaturesCount(builder, BigInt(header.featuresCount));
  Header.addGeometryType(builder, header.geometryType);
  Header.addIndexNodeSize(builder, header.indexNodeSize);
  if (columns) Header.addColumns(builder, columns);
  Header.addName(builder, name);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}

function featureBox(f: Feature): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit((f.geometry as { coordinates?: unknown } | null)?.coordinates);
  return b;
}

function envelopeOf(boxes: BBox[]): BBox {
  const e: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    e[0] = Math.min(e[0], b[0]);
    e[1] = Math.min(e[1], b[1]);
    e[2] = Math.max(e[2], b[2]);
    e[3] = Math.max(e[3], b[3]);
  }
  return e;
}
