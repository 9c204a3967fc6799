/**
 * GeoJSON and GeoPackage exports of Tiny City's catchments: A = x 385 000–385 500, B = x 385 500–386 000,
 * y 6 672 000–6 673 000 (EPSG:3067).
 */
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/model/dataset';
import { multiPolygonBBox } from '../../../src/core/geometry/bbox';
import { tm35ToLonLat } from '../../../src/core/load/display-projection';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { catchmentsGeoJson } from '../../../src/core/export/catchment-features';
import type { NetworkCatchments } from '../../../src/core/export/catchment-features';
import { catchmentsGeoPackage, GPKG_APPLICATION_ID } from '../../../src/core/export/geopackage-export';
import { decodeGpkgMultiPolygon, encodeGpkgMultiPolygon } from '../../../src/core/export/gpkg-geometry';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { readQml } from '../../helpers/qgis-qml-check';
import { config, smallSchoolEngine } from './tiny-city-engines';

let dataset: Dataset;
let SQL: SqlJsStatic;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
  SQL = await initSqlJs();
});

function networks(engine: ScenarioEngine): NetworkCatchments[] {
  return [{ indicators: engine.indicators('fi-lower'), catchments: engine.catchments('fi-lower') }];
}

describe('catchmentsGeoJson', () => {
  it('EPSG:3067: coordinates as in the catchments, crs member, properties', () => {
    const engine = new ScenarioEngine(dataset, config);
    const fc = JSON.parse(catchmentsGeoJson(networks(engine), config));
    expect(fc.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3067');
    expect(fc.features).toHaveLength(2);
    // Utilisation A 100/100, B 180/80 = 2.25; foreign-language share A 6/100, B 46/180 = 0.2556 (README).
    expect(fc.features[0].properties).toMatchObject({ network: 'fi-lower', school_id: 'A', school_name: 'Länsikoulu', children: 100, capacity: 100, utilisation: 1, foreign_language: 0.06 });
    expect(fc.features[1].properties).toMatchObject({ network: 'fi-lower', school_id: 'B', school_name: 'Itäkoulu', children: 180, capacity: 80, utilisation: 2.25, foreign_language: 0.2556 });
    expect(Object.keys(fc.features[0].properties)).toEqual(['network', 'school_id', 'school_name', 'children', 'capacity', 'utilisation', ...config.shares.map((d) => d.id)]);
    expect(fc.features[0].geometry.type).toBe('MultiPolygon');
    expect(fc.features[0].geometry.coordinates).toEqual(engine.catchments('fi-lower')[0]);
    expect(multiPolygonBBox(fc.features[0].geometry.coordinates)).toEqual([385_000, 6_672_000, 385_500, 6_673_000]);
  });

  it('EPSG:4326: longitude/latitude, no crs member; agrees with the independent JHS 154 formulas', () => {
    const engine = new ScenarioEngine(dataset, config);
    const fc = JSON.parse(catchmentsGeoJson(networks(engine), config, { crs: 'EPSG:4326' }));
    expect(fc.crs).toBeUndefined();
    const src = engine.catchments('fi-lower')[0][0][0];
    const out = fc.features[0].geometry.coordinates[0][0];
    src.forEach(([x, y], i) => {
      const [lon, lat] = tm35ToLonLat(x, y);
      expect(out[i][0]).toBeCloseTo(lon, 8);
      expect(out[i][1]).toBeCloseTo(lat, 8);
    });
    // Tiny City is in southern Finland: about 24.9° E, 60.2° N.
    expect(out[0][0]).toBeGreaterThan(24.8);
    expect(out[0][0]).toBeLessThan(25.1);
    expect(out[0][1]).toBeGreaterThan(60.1);
    expect(out[0][1]).toBeLessThan(60.3);
  });

  it('privacy: a school with fewer than 10 children has children null', () => {
    const fc = JSON.parse(catchmentsGeoJson(networks(smallSchoolEngine(dataset)), config));
    expect(fc.features[0].properties.children).toBeNull();
    expect(fc.features[0].properties.utilisation).toBeNull();
    expect(fc.features[0].properties.foreign_language).toBeNull();
    expect(fc.features[1].properties.children).toBe(275);
  });
});

describe('GeoPackage geometry', () => {
  it('encodes the header: GP, version 0, LE + envelope flags, srs_id, envelope minx maxx miny maxy', () => {
    const mp: [number, number][][][] = [[[[1, 2], [5, 2], [5, 7], [1, 7], [1, 2]]]];
    const g = encodeGpkgMultiPolygon(mp, 3067);
    const v = new DataView(g.buffer);
    expect([g[0], g[1], g[2], g[3]]).toEqual([0x47, 0x50, 0, 0b11]);
    expect(v.getInt32(4, true)).toBe(3067);
    expect([8, 16, 24, 32].map((o) => v.getFloat64(o, true))).toEqual([1, 5, 2, 7]);
    // WKB: byte order 1, type 6 (MultiPolygon), 1 polygon; polygon: 1, type 3, 1 ring of 5 points.
    expect(g[40]).toBe(1);
    expect(v.getUint32(41, true)).toBe(6);
    expect(v.getUint32(45, true)).toBe(1);
    expect(v.getUint32(50, true)).toBe(3);
    expect(g.length).toBe(40 + 9 + 9 + 4 + 5 * 16);
    expect(decodeGpkgMultiPolygon(g)).toEqual({ srsId: 3067, envelope: [1, 2, 5, 7], empty: false, geometry: mp });
  });

  it('marks an empty geometry', () => {
    const g = encodeGpkgMultiPolygon([], 3067);
    expect(g[3]).toBe(0b10001);
    expect(decodeGpkgMultiPolygon(g)).toEqual({ srsId: 3067, envelope: null, empty: true, geometry: [] });
  });
});

describe('catchmentsGeoPackage', () => {
  it('re-opens with sql.js with the required tables, rows and exact coordinates', () => {
    const engine = new ScenarioEngine(dataset, config);
    const bytes = catchmentsGeoPackage(SQL, networks(engine), config, { date: '2025-01-15T00:00:00.000Z' });
    expect(new TextDecoder().decode(bytes.slice(0, 15))).toBe('SQLite format 3');
    const db = new SQL.Database(bytes);
    try {
      const one = (sql: string) => db.exec(sql)[0].values;
      expect(one('PRAGMA application_id')[0][0]).toBe(GPKG_APPLICATION_ID);
      expect(GPKG_APPLICATION_ID).toBe(1196444487); // 'G' 'P' 'K' 'G' = 0x47 0x50 0x4B 0x47
      expect(one('PRAGMA user_version')[0][0]).toBe(10300);
      const tables = one("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map((r) => r[0]);
      expect(tables).toEqual(expect.arrayContaining(['gpkg_spatial_ref_sys', 'gpkg_contents', 'gpkg_geometry_columns', 'catchments_fi_lower', 'layer_styles']));
      expect(one('SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id')).toEqual([
        [-1, 'NONE', -1], [0, 'NONE', 0], [3067, 'EPSG', 3067], [4326, 'EPSG', 4326],
      ]);
      expect(one('SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 3067')[0][0]).toMatch(/^PROJCS\["ETRS89 \/ TM35FIN/);
      expect(one("SELECT table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id, last_change FROM gpkg_contents WHERE data_type = 'features'")).toEqual([
        ['catchments_fi_lower', 'features', 'catchments_fi_lower', 385_000, 6_672_000, 386_000, 6_673_000, 3067, '2025-01-15T00:00:00.000Z'],
      ]);
      expect(one('SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns')).toEqual([['catchments_fi_lower', 'geom', 'MULTIPOLYGON', 3067, 0, 0]]);
      const rows = one('SELECT geom, network, school_id, school_name, children, capacity, utilisation, foreign_language FROM catchments_fi_lower ORDER BY fid');
      expect(rows.map((r) => r.slice(1))).toEqual([['fi-lower', 'A', 'Länsikoulu', 100, 100, 1, 0.06], ['fi-lower', 'B', 'Itäkoulu', 180, 80, 2.25, 0.2556]]);
      // QGIS default style: categorized on school_id, one category per school, labels on school_name.
      const [style] = one('SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, useAsDefault, styleQML, styleSLD FROM layer_styles');
      expect(style.slice(0, 6)).toEqual(['', '', 'catchments_fi_lower', 'geom', 'catchments_fi_lower', 1]);
      const qml = style[6] as string;
      expect(qml).toContain('<renderer-v2 type="categorizedSymbol" attr="school_id"');
      expect(qml).toContain('value="A" label="Länsikoulu"');
      expect(qml).toContain('value="B" label="Itäkoulu"');
      expect(qml).toContain('labelsEnabled="1"');
      expect(qml).toContain('fieldName="school_name"');
      // Read as QGIS reads it (qgis-qml-check.ts): nothing QGIS would reject, both schools rendered.
      const read = readQml(qml);
      expect(read.problems).toEqual([]);
      expect(read.categories.map((c) => [c.value, c.render, c.layerClass])).toEqual([['A', true, 'SimpleFill'], ['B', true, 'SimpleFill']]);
      // A and B touch: different colours.
      const colours = [...qml.matchAll(/name="color" type="QString" value="([^"]+)"/g)].map((m) => m[1]);
      expect(colours).toHaveLength(2);
      expect(colours[0]).not.toBe(colours[1]);
      expect(style[7]).toContain('<ogc:Literal>A</ogc:Literal>');
      expect(one("SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'")).toEqual([['attributes']]);
      rows.forEach((r, i) => {
        const g = decodeGpkgMultiPolygon(r[0] as Uint8Array);
        expect(g.srsId).toBe(3067);
        expect(g.geometry).toEqual(engine.catchments('fi-lower')[i]);
      });
    } finally {
      db.close();
    }
  });

  it('EPSG:4326 with the privacy threshold applied', () => {
    const bytes = catchmentsGeoPackage(SQL, networks(smallSchoolEngine(dataset)), config, { crs: 'EPSG:4326' });
    const db = new SQL.Database(bytes);
    try {
      expect(db.exec('SELECT srs_id FROM gpkg_geometry_columns')[0].values).toEqual([[4326]]);
      const rows = db.exec('SELECT geom, children FROM catchments_fi_lower ORDER BY fid')[0].values;
      expect(rows[0][1]).toBeNull();
      expect(rows[1][1]).toBe(275);
      const g = decodeGpkgMultiPolygon(rows[1][0] as Uint8Array);
      expect(g.srsId).toBe(4326);
      expect(g.envelope![0]).toBeGreaterThan(24.8);
      expect(g.envelope![1]).toBeGreaterThan(60.1);
    } finally {
      db.close();
    }
  });
});
