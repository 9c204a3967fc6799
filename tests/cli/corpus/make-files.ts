/**
 * Builders for the adversarial corpus (tests/cli/corpus/corpus.ts): Tiny City's files in every
 * format, and byte-level damage (gzip trailers, ZIP sizes, DBF headers, SQLite headers).
 * Written from the format specifications, not with the code under test.
 */
import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { writeFlatGeobuf } from '../../../src/core/load/write-flatgeobuf';
import { gpkgBlob, makeDbf, makeShpPoints, wkbPoint, wkbPolygon, type DbfColumn } from '../../core/load/format-builders';
import { TINY } from '../cli-test-io';

export type Json = Record<string, unknown>;
export interface Fc {
  type: 'FeatureCollection';
  crs?: unknown;
  features: { type: 'Feature'; properties: Json; geometry: { type: string; coordinates: unknown } | null }[];
}

const read = (name: string): Fc => JSON.parse(readFileSync(`${TINY}${name}`, 'utf-8')) as Fc;
/** Fresh copies of Tiny City's three GeoJSON files. */
export const tiny = () => ({ units: read('units.geojson'), schools: read('schools.geojson'), catchments: read('catchments.geojson') });
export const enc = (s: string) => new TextEncoder().encode(s);
export const gj = (fc: unknown) => JSON.stringify(fc);

export const PRJ =
  'PROJCS["ETRS89_ETRS_TM35FIN",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]]],PROJECTION["Transverse_Mercator"],PARAMETER["Central_Meridian",27.0]]';

/** Code page 850 bytes of the characters used here (ASCII plus Finnish/Swedish letters). */
const CP850: Record<string, number> = { ä: 0x84, ö: 0x94, å: 0x86, Ä: 0x8e, Ö: 0x99, Å: 0x8f, é: 0x82, ü: 0x81 };
export const cp850 = (s: string) => Uint8Array.from(s, (ch) => CP850[ch] ?? ch.charCodeAt(0));
export const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
export function utf16(s: string, big: boolean): Uint8Array {
  const out = new Uint8Array(2 + 2 * s.length);
  out[0] = big ? 0xfe : 0xff;
  out[1] = big ? 0xff : 0xfe;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = big ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = big ? c & 0xff : c >> 8;
  }
  return out;
}

const SCHOOL_COLS: DbfColumn[] = [
  { name: 'id', type: 'C', length: 4 },
  { name: 'name', type: 'C', length: 20 },
  { name: 'language', type: 'C', length: 2 },
  { name: 'grades', type: 'C', length: 4 },
  { name: 'capacity', type: 'N', length: 6 },
];
const SCHOOL_ROWS: (string | number)[][] = [
  ['A', 'Länsikoulu', 'fi', '1-6', 100],
  ['B', 'Itäkoulu', 'fi', '1-6', 80],
];
/** Tiny City's schools as Shapefile parts (.shp, .dbf, .prj), text encoded with `encode`. */
export function schoolShapefile(encode: (s: string) => Uint8Array = enc): Record<string, Uint8Array> {
  return {
    'schools.shp': makeShpPoints([[385_250, 6_672_500], [385_750, 6_672_500]]),
    'schools.dbf': makeDbf(SCHOOL_COLS, SCHOOL_ROWS, encode),
    'schools.prj': enc(PRJ),
  };
}
export const zip = (files: Record<string, Uint8Array>, level = 6) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level }]])) as never);
export const gzip = (b: Uint8Array | string) => gzipSync(typeof b === 'string' ? enc(b) : b);

/** Offsets of every ZIP central-directory header. */
export function centralHeaders(z: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= z.length; i++) if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2) out.push(i);
  return out;
}
/** Patch a 32-bit little-endian field of a copy of `b`. */
export function patch32(b: Uint8Array, at: number, value: number): Uint8Array {
  const c = b.slice();
  new DataView(c.buffer).setUint32(at, value >>> 0, true);
  return c;
}

/** Tiny City's schools as FlatGeobuf, with extra properties. */
export function schoolsFgb(extra: Json = {}): Uint8Array {
  const s = tiny().schools;
  for (const f of s.features) Object.assign(f.properties, extra);
  return writeFlatGeobuf(s as never);
}

/** A GeoPackage of Tiny City's schools (layer "schools"), optionally a second layer and a view. */
export async function schoolsGpkg(opts: { extraLayer?: boolean; badView?: boolean; extraColumn?: string; truncate?: number } = {}): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT)');
  db.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('ETRS-TM35FIN', 3067, 'EPSG', 3067, 'undefined', NULL)");
  db.run('CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER)');
  db.run('CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER)');
  const layer = (name: string, rows: (string | number | Uint8Array)[][], cols: string[]) => {
    db.run("INSERT INTO gpkg_contents VALUES (?, 'features', ?, 3067)", [name, name]);
    db.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', 3067, 0, 0)", [name]);
    db.run(`CREATE TABLE "${name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, ${cols.map((c) => `"${c}"`).join(', ')})`);
    for (const r of rows) db.run(`INSERT INTO "${name}" (geom, ${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${r.map(() => '?').join(', ')})`, r);
  };
  if (opts.extraLayer)
    layer('areas', [[gpkgBlob(wkbPolygon([[[385_000, 6_672_000], [386_000, 6_672_000], [386_000, 6_673_000], [385_000, 6_672_000]]]), 3067), 'X']], ['name']);
  const cols = ['id', 'name', 'language', 'grades', 'capacity', ...(opts.extraColumn ? [opts.extraColumn] : [])];
  layer('schools', SCHOOL_ROWS.map((r, i) => [gpkgBlob(wkbPoint([385_250 + 500 * i, 6_672_500]), 3067), ...r, ...(opts.extraColumn ? [7] : [])]), cols);
  if (opts.badView) {
    db.run('DELETE FROM gpkg_contents');
    db.run("UPDATE gpkg_geometry_columns SET table_name = 'endless'");
    db.run("INSERT INTO gpkg_contents VALUES ('endless', 'features', 'endless', 3067)");
    db.run('CREATE VIEW endless AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS fid, NULL AS geom, x AS id FROM c');
  }
  const bytes = db.export();
  db.close();
  return opts.truncate ? bytes.subarray(0, opts.truncate) : bytes;
}

/** A deeply nested JSON array value, as text. */
export const deepArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
