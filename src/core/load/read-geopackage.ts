/**
 * GeoPackage (SQLite) → FeatureTable in EPSG:3067, with sql.js (SQLite compiled to WebAssembly).
 * The feature layer comes from gpkg_contents, its geometry column from gpkg_geometry_columns and
 * its CRS from gpkg_spatial_ref_sys (EPSG organisation code, else the WKT definition).
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { fail, type Problem, type Result, errorText } from '../model/result';
import { crsFromWkt, parseCrsName, type CrsCode } from './crs';
import type { FeatureTable } from './feature-table';
import { decodeGpkgGeometry, WkbError } from './gpkg-geometry';
import { FeatureTableBuilder, type BuilderOptions } from './table-builder';

/** How to get sql.js: an initialised module, or where its .wasm file is (browser). In Node the default finds node_modules/sql.js/dist. */
export interface SqlJsOptions {
  SQL?: SqlJsStatic;
  locateFile?: (file: string) => string;
}

export interface GeoPackageOptions extends BuilderOptions {
  sqlJs?: SqlJsOptions;
  /** Feature table to read; default the first in gpkg_contents (others are listed in a warning). */
  layer?: string;
  /** Give up reading after this many milliseconds. Default 120 000 (2 minutes). */
  timeLimitMs?: number;
}

/** Default time limit for reading one GeoPackage layer. */
export const GEOPACKAGE_TIME_LIMIT_MS = 120_000;

/** A file shorter than its SQLite header says (page size × page count): truncated. */
function truncatedSqlite(bytes: Uint8Array): string | null {
  if (bytes.length < 100) return `it has only ${bytes.length} bytes`;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = v.getUint16(16, false);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `its header gives an invalid page size ${raw}`;
  if (bytes.length % pageSize !== 0) return `its length ${bytes.length} is not a whole number of ${pageSize}-byte pages (truncated)`;
  const pages = v.getUint32(28, false);
  const sizeValid = pages > 0 && v.getUint32(24, false) === v.getUint32(92, false);
  if (sizeValid && pages * pageSize > bytes.length) return `its header gives ${pages} pages of ${pageSize} bytes but the file has ${bytes.length / pageSize} (truncated)`;
  return null;
}

let cached: Promise<SqlJsStatic> | null = null;

async function sqlModule(options: SqlJsOptions = {}): Promise<SqlJsStatic> {
  if (options.SQL) return options.SQL;
  if (!cached || options.locateFile) {
    const init = (await import('sql.js')).default;
    const p = init(options.locateFile ? { locateFile: options.locateFile } : undefined);
    if (options.locateFile) return p;
    cached = p;
  }
  return cached;
}

/** "SQLite format 3\0" at the start of the file. */
export function isSqlite(bytes: Uint8Array): boolean {
  const magic = 'SQLite format 3';
  if (bytes.length < 16) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return bytes[15] === 0;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: Record<string, SqlValue>[] = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}

export async function readGeoPackage(file: string, bytes: Uint8Array, options: GeoPackageOptions = {}): Promise<Result<FeatureTable>> {
  const cut = truncatedSqlite(bytes);
  if (cut) return fail({ code: 'invalid-geopackage', message: `The GeoPackage is damaged: ${cut}.`, fix: 'Copy or export the GeoPackage again (QGIS "Save Features As… → GeoPackage" or `ogr2ogr -f GPKG`); check that the download finished.', file });
  const SQL = await sqlModule(options.sqlJs);
  let db: Database;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (e) {
    return fail({ code: 'invalid-geopackage', message: `The file starts like SQLite but cannot be opened (${errorText(e)}); it is damaged or truncated.`, fix: 'Export the layer again as GeoPackage (QGIS "Save Features As… → GeoPackage" or `ogr2ogr -f GPKG`).', file });
  }
  try {
    return read(db, file, options);
  } catch (e) {
    return fail({ code: 'invalid-geopackage', message: `The GeoPackage cannot be read (${errorText(e)}).`, fix: 'Check the file with `ogrinfo` or QGIS and export the layer again.', file });
  } finally {
    db.close();
  }
}

function read(db: Database, file: string, options: GeoPackageOptions): Result<FeatureTable> {
  const tables = new Set(rows(db, "SELECT name FROM sqlite_master WHERE type IN ('table','view')").map((r) => String(r.name)));
  for (const t of ['gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys'])
    if (!tables.has(t))
      return fail({ code: 'not-geopackage', message: `The file is an SQLite database but not a GeoPackage: it has no "${t}" table.`, fix: 'Give a GeoPackage (.gpkg) written by QGIS or `ogr2ogr -f GPKG`, or export the layer as FlatGeobuf.', file, field: t });
  const layers = rows(db, "SELECT table_name FROM gpkg_contents WHERE lower(data_type) = 'features' ORDER BY table_name").map((r) => String(r.table_name));
  if (!layers.length) return fail({ code: 'no-features', message: 'The GeoPackage has no feature layer (gpkg_contents lists none with data_type "features").', fix: 'Save a vector layer into the GeoPackage.', file });
  const layer = options.layer ?? layers[0];
  if (!layers.includes(layer)) return fail({ code: 'missing-layer', message: `The GeoPackage has no feature layer "${layer}" (it has: ${layers.join(', ')}).`, fix: 'Choose one of the layers listed (CLI: --units-layer, --schools-layer or --catchments-layer NAME).', file });
  const kind = rows(db, 'SELECT type FROM sqlite_master WHERE name = ?', [layer])[0]?.type;
  if (kind !== 'table')
    return fail({ code: 'unsupported-geopackage', message: `Layer "${layer}" is ${kind === 'view' ? 'an SQL view' : kind ? `a ${String(kind)}` : 'not a table in the database'}; only plain tables are read (a view can run any query, for any time).`, fix: `Save the layer as a table (QGIS "Save Features As… → GeoPackage", or \`ogr2ogr -f GPKG out.gpkg in.gpkg "${layer}"\`).`, file, field: layer });
  const generated = rows(db, `PRAGMA table_xinfo(${quote(layer)})`).filter((c) => Number(c.hidden) === 2 || Number(c.hidden) === 3);
  if (generated.length)
    return fail({ code: 'unsupported-geopackage', message: `Layer "${layer}" has generated columns (${generated.map((c) => String(c.name)).join(', ')}), which run expressions when read.`, fix: 'Export the layer again so that every column holds stored values (QGIS "Save Features As…").', file, field: layer });
  const [geomCol] = rows(db, 'SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?', [layer]);
  if (!geomCol) return fail({ code: 'not-geopackage', message: `Layer "${layer}" has no entry in gpkg_geometry_columns.`, fix: 'Export the layer again with QGIS or ogr2ogr.', file, field: 'gpkg_geometry_columns' });
  const crs = layerCrs(db, Number(geomCol.srs_id));
  const builder = new FeatureTableBuilder(file, 'geopackage', options);
  if (layers.length > 1 && !options.layer)
    builder.warn({ code: 'geopackage-layer-chosen', message: `The GeoPackage has ${layers.length} feature layers (${layers.join(', ')}); layer "${layer}" was read.`, fix: 'If that is the wrong layer, choose another (CLI: --units-layer, --schools-layer or --catchments-layer NAME; in the app: the layer list in the file step).', file });
  const info = rows(db, `PRAGMA table_info(${quote(layer)})`);
  const pk = info.find((c) => Number(c.pk) === 1 && /INT/i.test(String(c.type)))?.name as string | undefined;
  const geomName = String(geomCol.column_name);
  const total = Number(rows(db, `SELECT count(*) AS n FROM ${quote(layer)}`)[0].n);
  const step = Math.max(1, Math.floor(total / 50));
  const stmt = db.prepare(`SELECT * FROM ${quote(layer)}`);
  const names = stmt.getColumnNames();
  const errors: Problem[] = [];
  let i = 0;
  const limit = options.timeLimitMs ?? GEOPACKAGE_TIME_LIMIT_MS;
  const deadline = Date.now() + limit;
  try {
    while (stmt.step()) {
      if ((i & 255) === 0 && Date.now() > deadline)
        return fail({ code: 'geopackage-timeout', message: `Reading layer "${layer}" took longer than ${Math.round(limit / 1000)} s (${i} features read).`, fix: 'Export the layer as FlatGeobuf (faster to read), or clip it to the municipality.', file, field: layer });
      const values = stmt.get();
      const row: Record<string, SqlValue> = Object.create(null);
      names.forEach((n, k) => (row[n] = values[k]));
      const props: Record<string, unknown> = Object.create(null);
      for (const [k, v] of Object.entries(row)) if (k !== geomName && k !== pk) props[k] = v instanceof Uint8Array ? null : v;
      const blob = row[geomName];
      let geometry = null;
      if (blob instanceof Uint8Array) {
        try {
          geometry = decodeGpkgGeometry(blob);
        } catch (e) {
          if (!(e instanceof WkbError)) throw e;
          errors.push({ code: 'invalid-geometry', message: `Feature ${i} has a damaged geometry blob (${e.message}).`, fix: 'Repair the layer in QGIS ("Fix geometries") and export again.', file, feature: pk ? `${i} (fid ${String(row[pk])})` : i, field: geomName });
        }
      }
      builder.add(geometry, props, pk ? row[pk] : null);
      if (++i % step === 0) builder.progress((0.9 * i) / total, `reading features ${i}/${total}`);
    }
  } finally {
    stmt.free();
  }
  if (errors.length) return fail(...errors.slice(0, 20));
  const result = builder.finish(crs.declared, crs.text);
  if (result.ok) {
    result.value.layer = layer;
    result.value.layers = layers;
  }
  return result;
}

function layerCrs(db: Database, srsId: number): { declared: CrsCode | null; text?: string } {
  if (srsId === 0 || srsId === -1 || !Number.isFinite(srsId)) return { declared: null }; // "undefined" geographic/Cartesian
  const [srs] = rows(db, 'SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId]);
  if (!srs) return { declared: parseCrsName(srsId), text: `srs_id ${srsId}` };
  if (/^EPSG$/i.test(String(srs.organization))) return { declared: parseCrsName(Number(srs.organization_coordsys_id)), text: `EPSG:${String(srs.organization_coordsys_id)}` };
  const wkt = String(srs.definition ?? '');
  return { declared: crsFromWkt(wkt), text: String(srs.srs_name ?? wkt.slice(0, 60)) };
}
