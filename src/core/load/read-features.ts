/** Format detection by content and the size limit, in front of the GeoJSON and FlatGeobuf readers. */
import { fail, type Result } from '../model/result';
import type { FeatureTable } from './feature-table';
import { isFlatGeobuf, readFlatGeobuf } from './read-flatgeobuf';
import { readGeoJson } from './read-geojson';

/** A file handed to the loaders: its name (for messages and extension hints) and its content. */
export interface InputFile {
  name: string;
  bytes: Uint8Array | string;
}

/** Default refusal limit for one input file: 2 GB. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

export type SniffedFormat = 'flatgeobuf' | 'json' | 'empty' | 'shapefile' | 'zip' | 'unknown';

/** Detect the format from the first bytes: "fgb" magic, JSON starting with "{" (or "["), ZIP, Shapefile. */
export function sniffFormat(input: Uint8Array | string): SniffedFormat {
  if (typeof input === 'string') {
    const t = input.replace(/^\uFEFF/, '').trimStart();
    return t === '' ? 'empty' : t[0] === '{' || t[0] === '[' ? 'json' : 'unknown';
  }
  if (isFlatGeobuf(input)) return 'flatgeobuf';
  if (input.length >= 4 && input[0] === 0x50 && input[1] === 0x4b && input[2] === 0x03 && input[3] === 0x04) return 'zip';
  if (input.length >= 4 && input[0] === 0x00 && input[1] === 0x00 && input[2] === 0x27 && input[3] === 0x0a) return 'shapefile';
  let i = 0;
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) i = 3;
  while (i < input.length && (input[i] === 0x20 || input[i] === 0x09 || input[i] === 0x0a || input[i] === 0x0d)) i++;
  if (i >= input.length) return 'empty';
  return input[i] === 0x7b || input[i] === 0x5b ? 'json' : 'unknown';
}

/** Read a GeoJSON or FlatGeobuf file into a FeatureTable (EPSG:3067), refusing files over `maxBytes`. */
export async function readFeatures(input: InputFile, maxBytes = DEFAULT_MAX_BYTES): Promise<Result<FeatureTable>> {
  const file = input.name;
  const size = typeof input.bytes === 'string' ? input.bytes.length : input.bytes.byteLength;
  if (size > maxBytes)
    return fail({
      code: 'file-too-large',
      message: `The file is ${(size / 1024 ** 2).toFixed(0)} MB, over the limit of ${(maxBytes / 1024 ** 2).toFixed(0)} MB.`,
      fix: 'Clip the data to the municipality (e.g. `ogr2ogr -clipsrc …`) or drop unused fields, or raise the limit (CLI: --max-mb).',
      file,
    });
  const format = sniffFormat(input.bytes);
  switch (format) {
    case 'flatgeobuf':
      return readFlatGeobuf(file, input.bytes as Uint8Array);
    case 'json':
      return readGeoJson(file, input.bytes);
    case 'empty':
      return fail({ code: 'empty-file', message: 'The file is empty.', fix: 'Choose the right file, or export the layer again.', file });
    default:
      return fail(unknownFormat(file, format));
  }
}

function unknownFormat(file: string, format: SniffedFormat) {
  const hint =
    format === 'zip'
      ? 'It is a ZIP archive: unzip it first.'
      : format === 'shapefile' || /\.shp$/i.test(file)
        ? 'Shapefiles are not read directly: convert with `ogr2ogr -f FlatGeobuf out.fgb in.shp` (or QGIS "Save Features As…").'
        : /\.fgb$/i.test(file)
          ? 'The name ends in .fgb but the file does not start with the FlatGeobuf bytes "fgb": it is damaged or not FlatGeobuf.'
          : 'Give a GeoJSON (.geojson) or FlatGeobuf (.fgb) file.';
  return {
    code: format === 'zip' || format === 'shapefile' ? 'unsupported-format' : /\.fgb$/i.test(file) ? 'invalid-flatgeobuf' : 'unknown-format',
    message: 'The file is neither GeoJSON nor FlatGeobuf.',
    fix: hint,
    file,
  };
}
