/** GeoPackage input: layers, srs, GeoPackageBinary in both byte orders, failures. GeoPackages are built in the test with sql.js. */
import { describe, expect, it } from 'vitest';
import { tm35ToLonLat } from '../../../src/core/load/display-projection';
import { textValue } from '../../../src/core/load/feature-table';
import { decodeGpkgGeometry } from '../../../src/core/load/gpkg-geometry';
import { readFeatures } from '../../../src/core/load/read-features';
import { gpkgBlob, makeGeoPackage, wkbPoint, wkbPolygon } from './format-builders';
import { square } from './load-helpers';

describe('GeoPackage', () => {
  it('reads a polygon layer in EPSG:3067 (little-endian WKB, with envelope): geometry, attributes, fid as the feature id', async () => {
    const ring = square(385_000, 6_672_000, 250)[0];
    const bytes = await makeGeoPackage({
      table: 'ruudut',
      srsId: 3067,
      columns: ['grd_id', 'nimi', 'he_7_12'],
      rows: [[gpkgBlob(wkbPolygon([ring]), 3067, [385_000, 385_250, 6_672_000, 6_672_250]), 'CRS3067RES250mN6672000E385000', 'Hämeenlinna', 12]],
    });
    const r = await readFeatures({ name: 'u.gpkg', bytes });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value;
    expect(t.format).toBe('geopackage');
    expect(t.layer).toBe('ruudut');
    expect(t.crs).toEqual({ crs: 'EPSG:3067', source: 'declared', declared: 'EPSG:3067' });
    expect(t.geometries).toEqual([{ kind: 'polygons', polygons: [[ring]] }]);
    expect(t.fieldNames).toEqual(['grd_id', 'nimi', 'he_7_12']);
    expect(textValue(t, 'nimi', 0)).toBe('Hämeenlinna');
    expect(t.columns.he_7_12.numbers[0]).toBe(12);
    expect(t.featureIds).toEqual(['1']);
  });

  it('takes the CRS from gpkg_spatial_ref_sys (EPSG:3879) and decodes big-endian points', async () => {
    // A GK25 point on the zone's central meridian (x = 25 500 000) lies at exactly 25°E.
    const bytes = await makeGeoPackage({ table: 'koulut', srsId: 3879, columns: ['id'], rows: [[gpkgBlob(wkbPoint([25_500_000, 6_672_000], true), 3879), 'A']] });
    const r = await readFeatures({ name: 's.gpkg', bytes });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.crs).toMatchObject({ crs: 'EPSG:3879', source: 'declared' });
    const g = r.value.geometries[0];
    if (g?.kind !== 'point') throw new Error('expected a point');
    expect(Math.abs(tm35ToLonLat(g.point[0], g.point[1])[0] - 25)).toBeLessThan(1e-7);
  });

  it('an srs given only as WKT (organisation not EPSG) is read by name', async () => {
    const bytes = await makeGeoPackage({ table: 'k', srsId: 100_000, organization: 'NONE', definition: 'PROJCS["ETRS89 / TM35FIN(E,N)",GEOGCS["ETRS89"]]', columns: ['id'], rows: [[gpkgBlob(wkbPoint([385_000, 6_672_000]), 100_000), 'A']] });
    const r = await readFeatures({ name: 'w.gpkg', bytes });
    expect(r.ok && r.value.crs.crs).toBe('EPSG:3067');
  });

  it('decodes empty geometries and ISO Z points (extra ordinate dropped)', () => {
    const empty = gpkgBlob(new Uint8Array(0), 3067);
    empty[3] |= 0x10;
    expect(decodeGpkgGeometry(empty)).toBeNull();
    const z = new Uint8Array(29);
    const v = new DataView(z.buffer);
    z[0] = 1;
    v.setUint32(1, 1001, true); // ISO PointZ
    v.setFloat64(5, 1, true);
    v.setFloat64(13, 2, true);
    v.setFloat64(21, 3, true);
    expect(decodeGpkgGeometry(gpkgBlob(z, 3067))).toEqual({ type: 'Point', coordinates: [1, 2] });
  });

  it('an SQLite file without gpkg_contents → not-geopackage', async () => {
    const bytes = await makeGeoPackage({ table: 'k', srsId: 3067, columns: ['id'], rows: [], withoutContents: true });
    const r = await readFeatures({ name: 'x.gpkg', bytes });
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'not-geopackage', field: 'gpkg_contents', file: 'x.gpkg' });
  });

  it('a damaged geometry blob → invalid-geometry naming the feature and the column', async () => {
    const blob = gpkgBlob(wkbPolygon([square(385_000, 6_672_000, 250)[0]]), 3067);
    const bytes = await makeGeoPackage({ table: 'k', srsId: 3067, columns: ['id'], rows: [[blob.subarray(0, 30), 'A']] });
    const r = await readFeatures({ name: 'x.gpkg', bytes });
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'invalid-geometry', feature: '0 (fid 1)', field: 'geom' });
  });

  it('a truncated GeoPackage → invalid-geopackage', async () => {
    const bytes = await makeGeoPackage({ table: 'k', srsId: 3067, columns: ['id'], rows: [] });
    const r = await readFeatures({ name: 'x.gpkg', bytes: bytes.subarray(0, 200) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['invalid-geopackage', 'not-geopackage']).toContain(r.problems[0].code);
  });
});
