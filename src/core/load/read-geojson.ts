/** GeoJSON (text or UTF-8 bytes) → FeatureTable in EPSG:3067. */
import { fail, type Result, errorText } from '../model/result';
import { crsFromGeoJsonMember } from './crs';
import type { FeatureTable } from './feature-table';
import { parsedItems, scanFeatureCollection, type ScannedCollection } from './geojson-chunks';
import { FeatureTableBuilder, type BuilderOptions } from './table-builder';

const invalidJson = (file: string, why: string) =>
  fail<FeatureTable>({
    code: 'invalid-json',
    message: `The file is not valid JSON (${why}); it may be truncated or not a GeoJSON file.`,
    fix: 'Export the layer again as GeoJSON (e.g. QGIS "Export → Save Features As…", or `ogr2ogr -f GeoJSON`).',
    file,
  });

/**
 * Read a GeoJSON FeatureCollection (or a single Feature). The CRS comes from the legacy
 * `crs` member when present (GDAL writes it for non-WGS84 data), else from the coordinate
 * ranges (RFC 7946 files in degrees are detected as EPSG:4326). Bytes are read in chunks
 * (geojson-chunks.ts), so the file is never one giant string.
 */
export function readGeoJson(file: string, input: string | Uint8Array, options: BuilderOptions = {}): Result<FeatureTable> {
  if (typeof input !== 'string') {
    let scan: ScannedCollection | null;
    try {
      scan = scanFeatureCollection(input);
    } catch (e) {
      return invalidJson(file, errorText(e));
    }
    if (scan) {
      let obj: { type?: unknown; crs?: unknown };
      try {
        obj = JSON.parse(scan.skeleton) as typeof obj;
      } catch (e) {
        return invalidJson(file, errorText(e));
      }
      if (obj.type !== 'FeatureCollection') return notGeoJson(file, obj.type);
      const builder = new FeatureTableBuilder(file, 'geojson', options);
      const total = scan.starts.length;
      try {
        for (const [first, items] of parsedItems(input, scan)) {
          items.forEach((f, k) => addFeature(builder, f, first + k, file));
          builder.progress((0.9 * (first + items.length)) / total, `reading features ${first + items.length}/${total}`);
        }
      } catch (e) {
        return invalidJson(file, errorText(e));
      }
      return finish(builder, obj, file, options);
    }
    if (input.length > 256 * 1024 ** 2) return invalidJson(file, 'a file this large must be a FeatureCollection object with a "features" array');
  }
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (text.trim() === '') return fail({ code: 'empty-file', message: 'The file is empty.', fix: 'Choose the right file, or export the layer again.', file });
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return invalidJson(file, errorText(e));
  }
  const obj = json as { type?: unknown; features?: unknown; crs?: unknown };
  let features: unknown[];
  if (obj && obj.type === 'FeatureCollection' && Array.isArray(obj.features)) features = obj.features;
  else if (obj && obj.type === 'Feature') features = [obj];
  else return notGeoJson(file, obj?.type);
  const builder = new FeatureTableBuilder(file, 'geojson', options);
  const step = Math.max(1, Math.floor(features.length / 50));
  for (let i = 0; i < features.length; i++) {
    addFeature(builder, features[i], i, file);
    features[i] = null;
    if (i % step === 0) builder.progress((0.9 * i) / features.length, `reading features ${i}/${features.length}`);
  }
  return finish(builder, obj, file, options);
}

function notGeoJson(file: string, type: unknown): Result<FeatureTable> {
  return fail({
    code: 'not-geojson',
    message: `The file is JSON but not a GeoJSON FeatureCollection (its "type" is ${JSON.stringify(type ?? null)}).`,
    fix: 'Give a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]}) or a FlatGeobuf file.',
    file,
  });
}

function addFeature(builder: FeatureTableBuilder, item: unknown, i: number, file: string): void {
  const f = item as { type?: unknown; geometry?: unknown; properties?: unknown; id?: unknown } | null;
  if (!f || typeof f !== 'object' || f.type !== 'Feature') {
    builder.error({ code: 'not-geojson', message: `Item ${i} of "features" is not a GeoJSON Feature.`, fix: 'Every item of "features" must be {"type": "Feature", "geometry": …, "properties": {…}}.', file, feature: i });
    return;
  }
  if (f.properties !== undefined && f.properties !== null && (typeof f.properties !== 'object' || Array.isArray(f.properties))) {
    builder.error({ code: 'invalid-properties', message: `Feature ${i} has "properties" that are ${Array.isArray(f.properties) ? 'an array' : `a ${typeof f.properties}`}, not an object of named fields.`, fix: 'Write each feature\'s properties as an object, e.g. "properties": {"id": "A", …}, or null.', file, feature: i });
    return;
  }
  builder.add(f.geometry, f.properties ? (f.properties as Record<string, unknown>) : null, f.id);
}

function finish(builder: FeatureTableBuilder, obj: { crs?: unknown }, file: string, options: BuilderOptions): Result<FeatureTable> {
  const declaredText = obj.crs ? JSON.stringify((obj.crs as { properties?: unknown }).properties ?? obj.crs) : undefined;
  const declared = crsFromGeoJsonMember(obj.crs);
  if (obj.crs && !declared && !options.crsOverride)
    return fail({ code: 'unsupported-crs', message: `The file's "crs" member ${declaredText} is not a CRS this tool knows.`, fix: 'Use EPSG:3067, an ETRS-GKn zone (EPSG:3873–3885) or EPSG:4326, or reproject with `ogr2ogr -t_srs EPSG:3067`.', file });
  return builder.finish(declared, declared ? nameOf(obj.crs) : undefined);
}

function nameOf(member: unknown): string | undefined {
  const p = (member as { properties?: { name?: unknown; code?: unknown } }).properties;
  return p?.name !== undefined ? String(p.name) : p?.code !== undefined ? `EPSG:${String(p.code)}` : undefined;
}
