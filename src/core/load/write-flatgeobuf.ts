/**
 * Write GeoJSON-like features to FlatGeobuf bytes (no spatial index), with a column schema
 * taken from all features (not only the first): integer columns as Int, other numbers as
 * Double, anything else as String; missing values are written as null. CRS code in the header.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';

export interface WriteFlatGeobufOptions {
  /** EPSG code written to the header. Default 3067 (ETRS-TM35FIN). */
  crsCode?: number;
}

type Props = Record<string, unknown>;

/** Serialise features (Point, Polygon, MultiPolygon, …) to FlatGeobuf. Coordinates are written as given. */
export function writeFlatGeobuf(input: FeatureCollection | Feature[], options: WriteFlatGeobufOptions = {}): Uint8Array {
  const features = Array.isArray(input) ? input : input.features;
  const columns = columnsOf(features.map((f) => (f.properties ?? {}) as Props));
  const header: HeaderMeta = {
    geometryType: geometryTypeOf(features),
    columns,
    envelope: null,
    featuresCount: features.length,
    indexNodeSize: 0,
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
  const total = magicbytes.length + headerBytes.length + parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  out.set(magicbytes);
  out.set(headerBytes, magicbytes.length);
  let offset = magicbytes.length + headerBytes.length;
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
