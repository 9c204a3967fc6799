/**
 * The catchments of one network in one school year as GIS features (CLI `export`): one feature
 * per school open that year (status open or temporary-premises), with the attributes school_id,
 * name, status, children (one decimal), capacity, utilisation (three decimals) and every share
 * id (four decimals), privacy applied (null when resting on fewer people than the threshold).
 * GeoJSON: EPSG:3067 with the legacy `crs` member, or RFC 7946 EPSG:4326 lon/lat without it.
 * GeoPackage: the writer of geopackage-export.ts (same schema and spatial reference systems).
 */
import type { SqlJsStatic } from 'sql.js';
import { multiPolygonBBox } from '../geometry/bbox';
import type { MultiPolygon } from '../model/geometry-types';
import type { PublicNetworkIndicators } from '../pupil-base/privacy';
import { reprojectMultiPolygon } from './catchment-features';
import type { ExportCrs } from './catchment-features';
import { writeGeoPackageHeader } from './geopackage-export';
import { encodeGpkgMultiPolygon } from './gpkg-geometry';

export type Attribute = string | number | null;

export interface YearFeature {
  properties: Record<string, Attribute>;
  geometry: MultiPolygon;
}

const round = (v: number | null, d: number): number | null => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

/** Features of the open schools; `catchments` parallel to `pub.schools`. */
export function yearCatchmentFeatures(pub: PublicNetworkIndicators, catchments: MultiPolygon[], crs: ExportCrs): YearFeature[] {
  const shareIds = Object.keys(pub.indices);
  const out: YearFeature[] = [];
  pub.schools.forEach((s, i) => {
    if (s.status === 'closed' || s.status === 'not-yet-open') return;
    const properties: Record<string, Attribute> = {
      school_id: s.id, name: s.name, status: s.status ?? 'open',
      children: round(s.children, 1), capacity: s.capacity, utilisation: round(s.utilisation, 3),
    };
    for (const id of shareIds) properties[id] = round(s.shares[id] ?? null, 4);
    out.push({ properties, geometry: reprojectMultiPolygon(catchments[i] ?? [], crs) });
  });
  return out;
}

export function yearFeaturesGeoJson(features: YearFeature[], crs: ExportCrs): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    ...(crs === 'EPSG:3067' ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } } } : {}),
    features: features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'MultiPolygon', coordinates: f.geometry } })),
  });
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A GeoPackage with one feature table (default "catchments"); columns from the first feature's attributes. */
export function yearFeaturesGeoPackage(SQL: SqlJsStatic, features: YearFeature[], crs: ExportCrs, table = 'catchments', date = new Date().toISOString()): Uint8Array {
  const srsId = crs === 'EPSG:4326' ? 4326 : 3067;
  const columns = features.length > 0 ? Object.keys(features[0].properties) : ['school_id'];
  const typeOf = (c: string) => (features.some((f) => typeof f.properties[c] === 'string') ? 'TEXT' : 'REAL');
  const db = new SQL.Database();
  try {
    writeGeoPackageHeader(db);
    db.run(`CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, ${columns.map((c) => `${quote(c)} ${typeOf(c)}`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO ${quote(table)} (geom, ${columns.map(quote).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`);
    let bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of features) {
      insert.run([encodeGpkgMultiPolygon(f.geometry, srsId), ...columns.map((c) => f.properties[c] ?? null)]);
      const b = multiPolygonBBox(f.geometry);
      bbox = [Math.min(bbox[0], b[0]), Math.min(bbox[1], b[1]), Math.max(bbox[2], b[2]), Math.max(bbox[3], b[3])];
    }
    insert.free();
    const finite = bbox.every(Number.isFinite);
    db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      table, 'features', table, 'School catchments of one year (Catchment Studio)', date,
      finite ? bbox[0] : null, finite ? bbox[1] : null, finite ? bbox[2] : null, finite ? bbox[3] : null, srsId,
    ]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [table, 'geom', 'MULTIPOLYGON', srsId]);
    return db.export();
  } finally {
    db.close();
  }
}
