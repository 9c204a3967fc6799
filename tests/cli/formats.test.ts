/** The CLI on the new input formats of the malformed corpus: named code on stderr, exit 2; and a zipped Shapefile that loads. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { BAD, captureIo, tinyArgs } from './cli-test-io';

const cases = [
  { name: 'zip without .shp', args: tinyArgs({ schools: `${BAD}zip-without-shp.zip` }), code: 'zip-without-shapefile' },
  { name: 'non-numeric DBF value', args: tinyArgs({ schools: `${BAD}dbf-non-numeric.zip` }), code: 'non-numeric-value', mentions: ['field "capacity"'] },
  { name: 'broken GML posList', args: tinyArgs({ catchments: `${BAD}gml-broken-poslist.gml` }), code: 'invalid-geometry' },
  { name: 'SQLite without gpkg_contents', args: tinyArgs({ schools: `${BAD}geopackage-no-contents.gpkg` }), code: 'not-geopackage' },
  { name: 'CSV without coordinates', args: tinyArgs({ schools: `${BAD}csv-missing-coordinates.csv` }), code: 'missing-coordinate-column' },
  { name: 'CSV with an invalid grid id', args: tinyArgs({ units: `${BAD}csv-invalid-grid-id.csv` }), code: 'invalid-grid-id', mentions: ['field "grd_id"'] },
  { name: 'CSV with duplicate grid ids', args: tinyArgs({ units: `${BAD}csv-duplicate-ids.csv` }), code: 'duplicate-id' },
  { name: 'GK25 declared as EPSG:3067', args: tinyArgs({ schools: `${BAD}gk25-declared-3067.geojson` }), code: 'crs-mismatch' },
];

describe('CLI: input formats', () => {
  for (const c of cases)
    it(`validate: ${c.name} → [${c.code}], exit 2`, async () => {
      const io = captureIo();
      expect(await runCli(['validate', ...c.args], io)).toBe(2);
      expect(io.err).toContain(`[${c.code}]`);
      for (const m of c.mentions ?? []) expect(io.err).toContain(m);
      expect(io.err).not.toContain('internal error');
    });

  it('validate: schools as a zipped Shapefile without .prj load, with the warning missing-prj', async () => {
    const io = captureIo();
    expect(await runCli(['validate', ...tinyArgs({ schools: `${BAD}shapefile-no-prj.zip` })], io)).toBe(0);
    expect(io.out).toContain('[missing-prj]');
  });
});
