/**
 * Catchments as an OGC GeoPackage 1.3 file, written with sql.js (SQLite in WebAssembly).
 * The caller passes an initialised sql.js module, so the browser can load the wasm from its
 * own URL (initSqlJs({ locateFile })) and Node loads it from node_modules.
 *
 * Contents: application_id 'GPKG' (0x47504B47), user_version 10300; gpkg_spatial_ref_sys with
 * the required rows −1 and 0 plus EPSG:3067 and EPSG:4326 (OGC WKT); gpkg_contents;
 * gpkg_geometry_columns; one feature table per network ("catchments_<network id>") with a
 * MULTIPOLYGON column "geom" in GeoPackageBinary and the properties of catchment-features.ts
 * (children, capacity, utilisation and one REAL column per share); and `layer_styles`, the table
 * QGIS reads its default style from (qgis-style.ts): each layer opens coloured by school and
 * labelled with the school name.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import type { IndicatorConfig } from '../config/indicator-config';
import { multiPolygonBBox } from '../geometry/bbox';
import { catchmentFeatures } from './catchment-features';
import type { FeatureOptions, NetworkCatchments } from './catchment-features';
import { encodeGpkgMultiPolygon } from './gpkg-geometry';
import { qgisStyleQml, qgisStyleSld, styleColours } from './qgis-style';

export const GPKG_APPLICATION_ID = 0x47504b47;
export const GPKG_USER_VERSION = 10300;

export const WKT_3067 =
  'PROJCS["ETRS89 / TM35FIN(E,N)",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6258"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",27],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","3067"]]';
export const WKT_4326 =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

export const GPKG_SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
`;

export interface GeoPackageOptions extends FeatureOptions {
  /** Prefix of the feature tables, one per network: "<prefix>_<network id>" (default "catchments"). */
  table?: string;
  /** Description stored in gpkg_contents. */
  description?: string;
  /** last_change timestamp, ISO 8601 (default now). */
  date?: string;
}

/** `layer_styles` as QGIS creates it (QgsOgrProvider / GDAL GPKG driver). */
const LAYER_STYLES = `CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, f_table_catalog TEXT(256),
  f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT,
  styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
  update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`;

/** A plain SQL identifier from any id: letters, digits and _ (others become _). */
export function sqlName(id: string): string {
  const s = id.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(s) ? s : `_${s}`;
}

type Bbox = [number, number, number, number];

/** Marks `db` as a GeoPackage: application id, version, the core tables and the four spatial reference systems it may use. */
export function writeGeoPackageHeader(db: Database): void {
  db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}; PRAGMA user_version = ${GPKG_USER_VERSION};`);
  db.run(GPKG_SCHEMA);
  const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
  srs.run(['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system']);
  srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
  srs.run(['WGS 84 geodetic', 4326, 'EPSG', 4326, WKT_4326, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid']);
  srs.run(['ETRS89 / TM35FIN(E,N)', 3067, 'EPSG', 3067, WKT_3067, 'ETRS-TM35FIN, metres (Finland)']);
  srs.free();
}

/** The GeoPackage file bytes: one styled layer per network (privacy applied). */
export function catchmentsGeoPackage(SQL: SqlJsStatic, networks: NetworkCatchments[], config: IndicatorConfig, options: GeoPackageOptions = {}): Uint8Array {
  const prefix = options.table ?? 'catchments';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(prefix)) throw new Error(`catchmentsGeoPackage: bad table name ${prefix}`);
  const srsId = options.crs === 'EPSG:4326' ? 4326 : 3067;
  const date = options.date ?? new Date().toISOString();
  const shareColumns = config.shares.map((d) => ({ id: d.id, column: sqlName(d.id) }));
  const db = new SQL.Database();
  try {
    writeGeoPackageHeader(db);
    db.run(LAYER_STYLES);
    for (const network of networks) {
      const table = `${prefix}_${sqlName(network.indicators.network)}`;
      const features = catchmentFeatures([network], config, options);
      const shareDefs = shareColumns.map((c) => `"${c.column}" REAL`).join(', ');
      db.run(`CREATE TABLE "${table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON,
        network TEXT, school_id TEXT, school_name TEXT, children REAL, capacity INTEGER, utilisation REAL${shareDefs ? `, ${shareDefs}` : ''})`);
      const columns = ['geom', 'network', 'school_id', 'school_name', 'children', 'capacity', 'utilisation', ...shareColumns.map((c) => `"${c.column}"`)];
      const insert = db.prepare(`INSERT INTO "${table}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      let bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
      for (const f of features) {
        const p = f.properties;
        insert.run([encodeGpkgMultiPolygon(f.geometry, srsId), p.network, p.school_id, p.school_name, p.children, p.capacity, p.utilisation, ...shareColumns.map((c) => p.shares[c.id] ?? null)]);
        const b = multiPolygonBBox(f.geometry);
        bbox = [Math.min(bbox[0], b[0]), Math.min(bbox[1], b[1]), Math.max(bbox[2], b[2]), Math.max(bbox[3], b[3])];
      }
      insert.free();
      const finite = bbox.every(Number.isFinite);
      db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        table, 'features', table, options.description ?? 'School catchments (Catchment Studio)', date,
        finite ? bbox[0] : null, finite ? bbox[1] : null, finite ? bbox[2] : null, finite ? bbox[3] : null, srsId,
      ]);
      db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [table, 'geom', 'MULTIPOLYGON', srsId]);
      const styled = features.map((f) => ({ schoolId: f.properties.school_id, label: f.properties.school_name, geometry: f.geometry }));
      const colours = styleColours(styled.map((f) => f.geometry));
      db.run('INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        '', '', table, 'geom', table, qgisStyleQml(styled, colours), qgisStyleSld(table, styled, colours), 1, 'Catchments coloured by school, labelled with the school name (Catchment Studio)', '', null, date,
      ]);
    }
    db.run("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles', ?)", [date]);
    return db.export();
  } finally {
    db.close();
  }
}
