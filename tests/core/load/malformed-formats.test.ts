/** The format-specific files of the malformed corpus (tests/fixtures/malformed/): each gives its named code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFeatures } from '../../../src/core/load/read-features';

const DIR = new URL('../../fixtures/malformed/', import.meta.url);
const read = (name: string, maxBytes?: number) => readFeatures({ name, bytes: new Uint8Array(readFileSync(new URL(name, DIR))) }, { maxBytes });

describe('malformed corpus: formats', () => {
  it.each([
    ['zip-without-shp.zip', 'zip-without-shapefile', 'LUEMINUT.txt'],
    ['zip-damaged.zip', 'invalid-zip', undefined],
    ['dbf-non-numeric.zip', 'non-numeric-value', '"many"'],
    ['gml-broken-poslist.gml', 'invalid-geometry', 'not a multiple of the dimension 2'],
    ['gml-not-featurecollection.xml', 'not-gml', '<kml>'],
    ['geopackage-no-contents.gpkg', 'not-geopackage', 'gpkg_contents'],
    ['csv-missing-coordinates.csv', 'missing-coordinate-column', 'id, name, language'],
    ['csv-invalid-grid-id.csv', 'invalid-grid-id', 'CRS3067RES250mN6672000E385010'],
    ['csv-duplicate-ids.csv', 'duplicate-id', 'rows 2 and 4'],
    ['gk25-declared-3067.geojson', 'crs-mismatch', 'look like EPSG:3879'],
  ])('%s → %s', async (name, code, mention) => {
    const r = await read(name);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].code).toBe(code);
    expect(r.problems[0].file).toContain(name);
    if (mention) expect(r.problems[0].message).toContain(mention);
  });

  it('dbf-non-numeric.zip names the record and the field', async () => {
    const r = await read('dbf-non-numeric.zip');
    expect(!r.ok && r.problems[0]).toMatchObject({ feature: 1, field: 'capacity', file: 'dbf-non-numeric.zip/schools.shp' });
  });

  it('csv-invalid-grid-id.csv names the row and the field', async () => {
    const r = await read('csv-invalid-grid-id.csv');
    expect(!r.ok && r.problems[0]).toMatchObject({ feature: '1 (row 3)', field: 'grd_id' });
  });

  it('csv-over-limit.csv with a limit of 100 bytes → file-too-large', async () => {
    const r = await read('csv-over-limit.csv', 100);
    expect(!r.ok && r.problems[0].code).toBe('file-too-large');
    expect((await read('csv-over-limit.csv')).ok).toBe(true);
  });

  it('shapefile-no-prj.zip loads, CRS EPSG:3067 from the coordinates, warning missing-prj', async () => {
    const r = await read('shapefile-no-prj.zip');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.crs).toEqual({ crs: 'EPSG:3067', source: 'coordinates' });
    expect(r.warnings.map((w) => w.code)).toEqual(['missing-prj']);
  });

  it('gk25-declared-3067.geojson loads with the override EPSG:3879', async () => {
    const r = await readFeatures({ name: 'g.geojson', bytes: new Uint8Array(readFileSync(new URL('gk25-declared-3067.geojson', DIR))), crsOverride: 'EPSG:3879' });
    expect(r.ok && r.value.crs).toEqual({ crs: 'EPSG:3879', source: 'override', declared: 'urn:ogc:def:crs:EPSG::3067' });
  });
});
