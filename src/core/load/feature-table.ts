/**
 * The common in-memory form of a loaded vector file: geometries in EPSG:3067 metres and
 * one column per property. GeoJSON objects are dropped as soon as a feature is added.
 */
import type { BBox, MultiPolygon, Position } from '../model/geometry-types';
import type { Problem } from '../model/result';
import type { CrsDetection, CrsSource } from './crs';

/** A feature's geometry after reading: a point, (multi)polygons, (multi)lines (street layers), or a type the loaders do not use. */
export type FeatureGeometry =
  | { kind: 'point'; point: Position }
  | { kind: 'polygons'; polygons: MultiPolygon }
  | { kind: 'lines'; type: 'LineString' | 'MultiLineString'; lines: Position[][] }
  | { kind: 'other'; type: string };

/** One property of every feature. */
export interface PropertyColumn {
  /** Field name as in the source (case kept). */
  name: string;
  /** Numeric value per feature: numbers as is, numeric strings parsed, booleans 1/0; null, empty, missing and non-numeric → NaN. */
  numbers: Float64Array;
  /** Raw text per feature when any value was a string (null where missing); null when every value was a number or missing. */
  texts: (string | null)[] | null;
  /** Indices of features whose value was a non-empty string that is not a number. */
  nonNumeric: number[];
  /** Number of features with a value (not null, not empty). */
  present: number;
}

export type FileFormat = 'geojson' | 'flatgeobuf' | 'shapefile' | 'geopackage' | 'csv' | 'gml';

export interface FeatureTable {
  /** File name, for messages. */
  file: string;
  format: FileFormat;
  count: number;
  /** Geometry per feature in EPSG:3067 metres; null where the feature had none. */
  geometries: (FeatureGeometry | null)[];
  /** Columns keyed by lower-cased field name. */
  columns: Record<string, PropertyColumn>;
  /** Lower-cased field names in source order. */
  fieldNames: string[];
  /** GeoJSON feature `id` member per feature (null when absent). */
  featureIds: (string | null)[];
  /** CRS of the source coordinates and how it was found. */
  crs: CrsDetection;
  /** Bounding box of all coordinates in EPSG:3067; null when there are none. */
  bbox: BBox | null;
  /** Text encoding used (Shapefile .dbf, CSV, GML), e.g. "windows-1252 (detected)". */
  encoding?: string;
  /** Layer or archive member read (GeoPackage table, file inside a ZIP). */
  layer?: string;
  /** Every layer the file offers (GeoPackage feature tables, Shapefiles in a ZIP), when there are several. */
  layers?: string[];
}

/** Text of a property: the string as written, a number formatted, null when missing. */
export function textValue(table: FeatureTable, field: string, index: number): string | null {
  const col = table.columns[field];
  if (!col) return null;
  const t = col.texts?.[index];
  if (t !== undefined && t !== null) return t;
  const v = col.numbers[index];
  return Number.isNaN(v) ? null : String(v);
}

/** First of `candidates` (lower-case) that is a column of the table. */
export function findField(table: FeatureTable, candidates: readonly string[]): string | null {
  for (const c of candidates) if (table.columns[c]) return c;
  return null;
}

/** How to name feature `index` in messages: "3 (id 03117)". */
export function featureLabel(table: FeatureTable, index: number, idField?: string | null): string {
  const id = (idField ? textValue(table, idField, index) : null) ?? table.featureIds[index];
  return id !== null && id !== undefined && id !== '' ? `${index} (id ${id})` : String(index);
}

/** Problems found while reading coordinates; the loader fails when any are errors. */
export interface ReadIssues {
  errors: Problem[];
  warnings: Problem[];
}

/**
 * Parse a property value to a number: finite numbers and numeric strings ("12", " 3.5", "1e3").
 * Booleans, objects, arrays and non-finite numbers are not numbers (`bad`), kept as text so the
 * message can show them; objects nested too deeply to print become "[nested value]".
 */
/** Statistics Finland's markers for a value that is not given: ".", "..", "...". */
const STATFI_MISSING = /^\.{1,3}$/;

export function toNumber(value: unknown): { n: number; text: string | null; bad: boolean; present: boolean } {
  if (value === null || value === undefined) return { n: NaN, text: null, bad: false, present: false };
  if (typeof value === 'number') return Number.isFinite(value) ? { n: value, text: null, bad: false, present: true } : { n: NaN, text: String(value), bad: true, present: true };
  if (typeof value === 'boolean') return { n: NaN, text: String(value), bad: true, present: true };
  if (typeof value === 'bigint') return { n: Number(value), text: null, bad: false, present: true };
  const text = typeof value === 'string' ? value : printable(value);
  const trimmed = text.trim();
  if (trimmed === '') return { n: NaN, text, bad: false, present: false };
  // Statistics Finland's PxWeb markers: ".." confidential or too uncertain, "..." not yet
  // available, "." not applicable. Each is a value the data do not give: missing, like an empty
  // cell (the suppression rule and its report then handle it; never summed as a number).
  if (STATFI_MISSING.test(trimmed)) return { n: NaN, text, bad: false, present: false };
  if (/^[-+]?\d{1,3}(,\d{3})+$/.test(trimmed)) return { n: NaN, text, bad: true, present: true }; // "1,234": thousands or decimals? refused
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) && /^[-+]?[0-9.,eE+-]+$/.test(trimmed) ? { n, text, bad: false, present: true } : { n: NaN, text, bad: true, present: true };
}

/** JSON text of an object value, at most 200 characters; "[nested value]" when it cannot be printed. */
function printable(value: unknown): string {
  try {
    const t = JSON.stringify(value) ?? String(value);
    return t.length > 200 ? `${t.slice(0, 200)}…` : t;
  } catch {
    return '[nested value]';
  }
}

/** What was read from one file: its format, size, coordinate system, encoding and layer. */
export interface TableReport {
  file: string;
  format: FileFormat;
  features: number;
  crs: string;
  crsSource: CrsSource;
  declared?: string;
  /** Text encoding (Shapefile .dbf, CSV, GML) and the layer read (GeoPackage table, ZIP member). */
  encoding?: string;
  layer?: string;
  /** Every layer the file offers, when there are several (to choose another). */
  layers?: string[];
}

/** The TableReport of a table as read. */
export function tableReport(t: FeatureTable): TableReport {
  return {
    file: t.file,
    format: t.format,
    features: t.count,
    crs: t.crs.crs,
    crsSource: t.crs.source,
    ...(t.crs.declared ? { declared: t.crs.declared } : {}),
    ...(t.encoding ? { encoding: t.encoding } : {}),
    ...(t.layer ? { layer: t.layer } : {}),
    ...(t.layers && t.layers.length > 1 ? { layers: t.layers } : {}),
  };
}
