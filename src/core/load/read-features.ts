/**
 * Format detection by content and the size limit, in front of the readers: GeoJSON, FlatGeobuf,
 * zipped Shapefile, GeoPackage, GML/WFS and CSV. Every reader returns a FeatureTable in EPSG:3067
 * with the CRS it found ({crs, source: declared | coordinates | assumed | override}).
 */
import { fail, type Result, errorText } from '../model/result';
import { inflateLimited, OverLimit } from './decompress';
import type { FeatureTable } from './feature-table';
import { isFlatGeobuf, readFlatGeobuf } from './read-flatgeobuf';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';
import { isSqlite, readGeoPackage, type SqlJsOptions } from './read-geopackage';
import { readGml } from './read-gml';
import { readShapefile } from './read-shapefile';
import { readZip } from './read-zip';
import type { ProgressCallback } from './table-builder';

/** A file handed to the loaders: its name (for messages and extension hints) and its content. */
export interface InputFile {
  name: string;
  bytes: Uint8Array | string;
  /** The user's choice of CRS for this file ("EPSG:3879", "3879", …); wins over the file's declaration. */
  crsOverride?: string;
  /** Side files of an unzipped Shapefile (.dbf, .prj, .cpg, .shx), when `bytes` is the .shp. */
  companions?: { name: string; bytes: Uint8Array | string }[];
}

/** Options of readFeatures (all optional). */
export interface ReadOptions {
  /** Refuse files larger than this many bytes (also the unpacked size of a ZIP). Default 2 GB. */
  maxBytes?: number;
  /** CRS override for this file (InputFile.crsOverride wins). */
  crsOverride?: string;
  onProgress?: ProgressCallback;
  /** CSV grids given by corner columns without ids: the cell size in metres. */
  cellSize?: number;
  /** GeoPackage table or ZIP member (name without extension) to read. */
  layer?: string;
  /** How to find sql.js in the browser (GeoPackage). */
  sqlJs?: SqlJsOptions;
  /** How many archives (gzip, ZIP) this file was inside; more than MAX_NESTING is refused. */
  nesting?: number;
}

/** Archives inside archives deeper than this are refused (a gzip of a ZIP of a gzip is 3). */
export const MAX_NESTING = 3;

/** Default refusal limit for one input file: 2 GB. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

export type SniffedFormat = 'flatgeobuf' | 'json' | 'empty' | 'shapefile' | 'zip' | 'sqlite' | 'xml' | 'csv' | 'unknown';

const CSV_NAME = /\.(csv|tsv|txt)$/i;

/**
 * Detect the format from the first bytes: "fgb" magic, ZIP, Shapefile, SQLite, JSON ("{" or "["),
 * XML ("<"); text whose first line has a separator is CSV when the name ends in .csv/.tsv/.txt
 * (or when no name is given).
 */
export function sniffFormat(input: Uint8Array | string, name = 'data.csv'): SniffedFormat {
  let head: string;
  if (typeof input === 'string') head = input.slice(0, 4096);
  else {
    if (isFlatGeobuf(input)) return 'flatgeobuf';
    if (input.length >= 4 && input[0] === 0x50 && input[1] === 0x4b && input[2] === 0x03 && input[3] === 0x04) return 'zip';
    if (input.length >= 4 && input[0] === 0x00 && input[1] === 0x00 && input[2] === 0x27 && input[3] === 0x0a) return 'shapefile';
    if (isSqlite(input)) return 'sqlite';
    head = new TextDecoder('latin1').decode(input.subarray(0, 4096));
  }
  const t = head.replace(/^(\uFEFF|ï»¿)/, '').trimStart();
  if (t === '') return 'empty';
  if (t[0] === '{' || t[0] === '[') return 'json';
  if (t[0] === '<') return 'xml';
  const firstLine = t.split(/\r?\n/)[0];
  if (CSV_NAME.test(name) && /[;,\t|]/.test(firstLine) && !/[\0-\x08]/.test(t)) return 'csv';
  return 'unknown';
}

/** Read a file of any supported format into a FeatureTable (EPSG:3067), refusing files over the size limit. */
/** gzip magic bytes 1f 8b: any supported format may come gzipped (e.g. units.fgb.gz). */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses a gzipped file (every member, CRC and length checked) and reads what is inside, under the same size limit. */
async function readGzipped(input: InputFile, opts: ReadOptions, maxBytes: number): Promise<Result<FeatureTable>> {
  let inner: Uint8Array;
  try {
    inner = await inflateLimited(input.bytes as Uint8Array, 'gzip', maxBytes);
  } catch (e) {
    if (e instanceof OverLimit)
      return fail({ code: 'file-too-large', message: `The gzip file expands to more than the limit of ${formatSize(maxBytes)}.`, fix: 'Clip the data to the municipality or raise the limit (CLI: --max-mb, which applies to the expanded size).', file: input.name });
    return fail({ code: 'invalid-gzip', message: `The file looks gzip-compressed but is damaged: ${errorText(e)}.`, fix: 'Compress it again (gzip FILE) or give the uncompressed file.', file: input.name });
  }
  return readFeatures({ ...input, name: input.name.replace(/\.gz$/i, ''), bytes: inner }, { ...opts, maxBytes, nesting: (opts.nesting ?? 0) + 1 });
}

/** UTF-16 text (BOM FF FE or FE FF) decoded to a string; the readers take text as well as bytes. */
function decodeUtf16(bytes: Uint8Array): string | null {
  if (bytes.length < 2) return null;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return null;
  return new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
}

export async function readFeatures(input: InputFile, options: number | ReadOptions = {}): Promise<Result<FeatureTable>> {
  const opts: ReadOptions = typeof options === 'number' ? { maxBytes: options } : options;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const file = input.name;
  const size = typeof input.bytes === 'string' ? input.bytes.length : input.bytes.byteLength;
  if (size > maxBytes)
    return fail({
      code: 'file-too-large',
      message: `The file is ${formatSize(size)}, over the limit of ${formatSize(maxBytes)}.`,
      fix: 'Clip the data to the municipality (e.g. `ogr2ogr -clipsrc …`, or load a FlatGeobuf by bounding box) or drop unused fields, or raise the limit (CLI: --max-mb).',
      file,
    });
  if ((opts.nesting ?? 0) > MAX_NESTING)
    return fail({ code: 'nesting-too-deep', message: `The file is packed in more than ${MAX_NESTING} archives inside each other (gzip, ZIP).`, fix: 'Unpack it and give the data file itself, or a single .zip or .gz.', file });
  if (typeof input.bytes !== 'string' && isGzip(input.bytes)) return readGzipped(input, opts, maxBytes);
  const text16 = typeof input.bytes === 'string' ? null : decodeUtf16(input.bytes);
  if (text16 !== null) return readFeatures({ ...input, bytes: text16 }, opts);
  const builderOptions = { crsOverride: input.crsOverride ?? opts.crsOverride, onProgress: opts.onProgress };
  const bytes = () => (typeof input.bytes === 'string' ? new TextEncoder().encode(input.bytes) : input.bytes);
  const format = sniffFormat(input.bytes, file);
  switch (format) {
    case 'flatgeobuf':
      return readFlatGeobuf(file, input.bytes as Uint8Array, builderOptions);
    case 'json':
      return readGeoJson(file, input.bytes, builderOptions);
    case 'zip':
      return readZip(file, bytes(), { ...builderOptions, maxBytes, layer: opts.layer }, (name, member, remaining) => readFeatures({ name, bytes: member, crsOverride: builderOptions.crsOverride ?? undefined }, { ...opts, maxBytes: remaining, nesting: (opts.nesting ?? 0) + 1 }));
    case 'sqlite':
      return readGeoPackage(file, bytes(), { ...builderOptions, sqlJs: opts.sqlJs, layer: opts.layer });
    case 'xml':
      return readGml(file, input.bytes, builderOptions);
    case 'csv':
      return readCsv(file, input.bytes, { ...builderOptions, cellSize: opts.cellSize });
    case 'shapefile':
      if (input.companions?.length) return readShapefileParts(input, builderOptions);
      return fail(unknownFormat(file, format));
    case 'empty':
      return fail({ code: 'empty-file', message: 'The file is empty.', fix: 'Choose the right file, or export the layer again.', file });
    default:
      return fail(unknownFormat(file, format));
  }
}

function readShapefileParts(input: InputFile, options: { crsOverride?: string; onProgress?: ProgressCallback }): Result<FeatureTable> {
  const stem = input.name.replace(/\.[^.]+$/, '').toLowerCase();
  const part = (ext: string) => input.companions?.find((c) => c.name.toLowerCase() === stem + ext)?.bytes;
  const text = (b: Uint8Array | string | undefined) => (b === undefined ? undefined : typeof b === 'string' ? b : new TextDecoder('utf-8').decode(b));
  const dbf = part('.dbf');
  return readShapefile(input.name, { shp: input.bytes as Uint8Array, dbf: typeof dbf === 'string' ? new TextEncoder().encode(dbf) : dbf, prj: text(part('.prj')), cpg: text(part('.cpg')) }, options);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(0)} MB` : `${bytes} bytes`;
}

function unknownFormat(file: string, format: SniffedFormat) {
  const hint =
    format === 'shapefile' || /\.shp$/i.test(file)
      ? 'A bare .shp cannot be read: its attributes are in the .dbf and its CRS in the .prj. Zip the .shp, .shx, .dbf, .prj (and .cpg) together and load the .zip, or convert with `ogr2ogr -f FlatGeobuf out.fgb in.shp` (or QGIS "Save Features As…").'
      : /\.fgb$/i.test(file)
        ? 'The name ends in .fgb but the file does not start with the FlatGeobuf bytes "fgb": it is damaged or not FlatGeobuf.'
        : 'Give a GeoJSON, FlatGeobuf, GeoPackage, GML, CSV (.csv) or zipped Shapefile (.zip) file.';
  return {
    code: format === 'shapefile' || /\.shp$/i.test(file) ? 'unsupported-format' : /\.fgb$/i.test(file) ? 'invalid-flatgeobuf' : 'unknown-format',
    message: format === 'shapefile' ? 'The file is a bare Shapefile .shp without its .dbf and .prj.' : 'The file is in none of the supported formats.',
    fix: hint,
    file,
  };
}
