/**
 * Tiny hand-made files for loader tests: dBASE tables, Shapefile polygons/points and GeoPackages,
 * written byte by byte from the format specifications (not with the code under test).
 */
import initSqlJs from 'sql.js';
import type { Position } from '../../../src/core/model/geometry-types';

export interface DbfColumn {
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

/** dBASE III table; text values are encoded with `encode` (UTF-8 by default, or windows-1252 via latin1). */
export function makeDbf(columns: DbfColumn[], rows: (string | number | null)[][], encode: (s: string) => Uint8Array = (s) => new TextEncoder().encode(s)): Uint8Array {
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  columns.forEach((c, i) => {
    const p = 32 + 32 * i;
    for (let k = 0; k < c.name.length; k++) out[p + k] = c.name.charCodeAt(k);
    out[p + 11] = c.type.charCodeAt(0);
    out[p + 16] = c.length;
    out[p + 17] = c.decimals ?? 0;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let p = headerLength + r * recordLength;
    out[p++] = 0x20;
    columns.forEach((c, i) => {
      const value = row[i];
      const raw = value === null ? new Uint8Array(0) : c.type === 'N' ? new TextEncoder().encode(String(value).padStart(c.length)) : encode(String(value));
      out.fill(0x20, p, p + c.length);
      out.set(raw.subarray(0, c.length), p);
      p += c.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** windows-1252 / ISO-8859-1 bytes of a string of Latin-1 characters. */
export const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** .shp of Polygon records (type 5), each a list of rings given as written (Shapefile outer rings are clockwise). */
export function makeShpPolygons(records: Position[][][]): Uint8Array {
  const contents = records.map((rings) => {
    const points = rings.flat();
    const bytes = new Uint8Array(44 + 4 * rings.length + 16 * points.length);
    const v = new DataView(bytes.buffer);
    v.setInt32(0, 5, true);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((b, k) => v.setFloat64(4 + 8 * k, b, true));
    v.setInt32(36, rings.length, true);
    v.setInt32(40, points.length, true);
    let start = 0;
    rings.forEach((r, k) => {
      v.setInt32(44 + 4 * k, start, true);
      start += r.length;
    });
    const at = 44 + 4 * rings.length;
    points.forEach((p, k) => {
      v.setFloat64(at + 16 * k, p[0], true);
      v.setFloat64(at + 16 * k + 8, p[1], true);
    });
    return bytes;
  });
  return shpFile(5, contents);
}

/** .shp of Point records (type 1). */
export function makeShpPoints(points: Position[]): Uint8Array {
  return shpFile(
    1,
    points.map(([x, y]) => {
      const b = new Uint8Array(20);
      const v = new DataView(b.buffer);
      v.setInt32(0, 1, true);
      v.setFloat64(4, x, true);
      v.setFloat64(12, y, true);
      return b;
    }),
  );
}

function shpFile(type: number, contents: Uint8Array[]): Uint8Array {
  const total = 100 + contents.reduce((a, c) => a + 8 + c.length, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, total / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, type, true);
  let p = 100;
  contents.forEach((c, i) => {
    v.setInt32(p, i + 1, false);
    v.setInt32(p + 4, c.length / 2, false);
    out.set(c, p + 8);
    p += 8 + c.length;
  });
  return out;
}

/** A clockwise square ring (Shapefile outer ring) with lower-left corner (x, y). */
export function cwSquare(x: number, y: number, s: number): Position[] {
  return [[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]];
}

/** Standard WKB (little-endian unless `big`) of a Polygon. */
export function wkbPolygon(rings: Position[][], big = false): Uint8Array {
  const n = rings.reduce((a, r) => a + r.length, 0);
  const b = new Uint8Array(9 + 4 * rings.length + 16 * n);
  const v = new DataView(b.buffer);
  const le = !big;
  b[0] = le ? 1 : 0;
  v.setUint32(1, 3, le);
  v.setUint32(5, rings.length, le);
  let p = 9;
  for (const r of rings) {
    v.setUint32(p, r.length, le);
    p += 4;
    for (const [x, y] of r) {
      v.setFloat64(p, x, le);
      v.setFloat64(p + 8, y, le);
      p += 16;
    }
  }
  return b;
}

/** Standard WKB of a Point. */
export function wkbPoint([x, y]: Position, big = false): Uint8Array {
  const b = new Uint8Array(21);
  const v = new DataView(b.buffer);
  b[0] = big ? 0 : 1;
  v.setUint32(1, 1, !big);
  v.setFloat64(5, x, !big);
  v.setFloat64(13, y, !big);
  return b;
}

/** GeoPackageBinary: "GP", version 0, flags (little-endian header, envelope kind 1 = [minx, maxx, miny, maxy]), srs_id, envelope, WKB. */
export function gpkgBlob(wkb: Uint8Array, srsId: number, envelope?: [number, number, number, number]): Uint8Array {
  const env = envelope ? 32 : 0;
  const b = new Uint8Array(8 + env + wkb.length);
  const v = new DataView(b.buffer);
  b[0] = 0x47;
  b[1] = 0x50;
  b[3] = 0x01 | ((envelope ? 1 : 0) << 1);
  v.setInt32(4, srsId, true);
  envelope?.forEach((e, k) => v.setFloat64(8 + 8 * k, e, true));
  b.set(wkb, 8 + env);
  return b;
}

export interface GpkgSpec {
  table: string;
  srsId: number;
  organization?: string;
  definition?: string;
  columns: string[];
  rows: (string | number | null | Uint8Array)[][];
  /** Leave out gpkg_contents (a plain SQLite file). */
  withoutContents?: boolean;
}

/** A GeoPackage built with SQL only (gpkg_spatial_ref_sys, gpkg_contents, gpkg_geometry_columns, one feature table with column "geom"). */
export async function makeGeoPackage(spec: GpkgSpec): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT)');
  db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', ['layer srs', spec.srsId, spec.organization ?? 'EPSG', spec.srsId, spec.definition ?? 'undefined', null]);
  if (!spec.withoutContents) db.run("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER)");
  if (!spec.withoutContents) db.run("INSERT INTO gpkg_contents VALUES (?, 'features', ?, ?)", [spec.table, spec.table, spec.srsId]);
  db.run('CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER)');
  db.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', ?, 0, 0)", [spec.table, spec.srsId]);
  db.run(`CREATE TABLE "${spec.table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, ${spec.columns.map((c) => `"${c}"`).join(', ')})`);
  for (const row of spec.rows) db.run(`INSERT INTO "${spec.table}" (geom, ${spec.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${row.map(() => '?').join(', ')})`, row);
  const bytes = db.export();
  db.close();
  return bytes;
}
