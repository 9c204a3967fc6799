/**
 * The malformed-file corpus (tests/fixtures/malformed/): every file must give its named
 * problem code on stderr and exit code 2, for both commands, without a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { BAD, captureIo, tinyArgs } from './cli-test-io';

interface Case {
  name: string;
  args: string[];
  code: string;
  /** Text the message must contain (file, feature or field named). */
  mentions?: string[];
}

const cases: Case[] = [
  { name: 'empty file', args: tinyArgs({ units: `${BAD}empty.geojson` }), code: 'empty-file', mentions: ['empty.geojson'] },
  { name: 'truncated JSON', args: tinyArgs({ units: `${BAD}truncated.geojson` }), code: 'invalid-json', mentions: ['truncated.geojson'] },
  { name: 'JSON that is not GeoJSON', args: tinyArgs({ schools: `${BAD}not-geojson.json` }), code: 'not-geojson' },
  { name: 'schools given as polygons', args: tinyArgs({ schools: `${BAD}schools-polygon.geojson` }), code: 'wrong-geometry-type', mentions: ['feature 0 (id A)'] },
  { name: 'units given as lines', args: tinyArgs({ units: `${BAD}units-linestring.geojson` }), code: 'wrong-geometry-type', mentions: ['LineString'] },
  { name: 'catchments without school_id', args: tinyArgs({ catchments: `${BAD}catchments-no-school-id.geojson` }), code: 'missing-field', mentions: ['field "school_id"'] },
  { name: 'unknown network in a bundle', args: ['--bundle', `${BAD}bundle-unknown-network`], code: 'unknown-network', mentions: ['sv-upper', 'field "network"'] },
  { name: 'bad manifest', args: ['--bundle', `${BAD}bundle-bad-manifest`], code: 'invalid-manifest', mentions: ['field "format"', 'field "networks"'] },
  { name: 'non-numeric count', args: tinyArgs({ units: `${BAD}units-non-numeric.geojson` }), code: 'non-numeric-value', mentions: ['feature 1 (id CRS3067RES250mN6672000E385250)', 'field "he_7_12"', '"many"'] },
  { name: 'duplicate cell ids', args: tinyArgs({ units: `${BAD}units-duplicate-ids.geojson` }), code: 'duplicate-id', mentions: ['CRS3067RES250mN6672000E385000'] },
  { name: 'degrees in a file declaring EPSG:3067', args: tinyArgs({ schools: `${BAD}degrees-declared-3067.geojson` }), code: 'crs-mismatch', mentions: ['look like EPSG:4326'] },
  { name: 'coordinates outside Finland', args: tinyArgs({ schools: `${BAD}outside-finland.geojson` }), code: 'outside-finland', mentions: ['feature 1'] },
  { name: 'unsupported CRS', args: tinyArgs({ units: `${BAD}unsupported-crs.geojson` }), code: 'unsupported-crs', mentions: ['EPSG::2393'] },
  { name: 'ring with 3 positions', args: tinyArgs({ catchments: `${BAD}ring-3-positions.geojson` }), code: 'invalid-ring', mentions: ['feature 0'] },
  { name: 'null (NaN) coordinate', args: tinyArgs({ catchments: `${BAD}nan-coordinates.geojson` }), code: 'non-finite-coordinate', mentions: ['feature 0'] },
  { name: 'config with a missing field', args: [...tinyArgs(), '--config', `${BAD}config-missing-field.json`], code: 'invalid-config', mentions: ['privacyThreshold'] },
  { name: 'config with a bad share definition', args: [...tinyArgs(), '--config', `${BAD}config-bad-share.json`], code: 'invalid-config', mentions: ['shares[0].numerator'] },
  { name: 'FlatGeobuf with garbage bytes', args: tinyArgs({ units: `${BAD}garbage.fgb` }), code: 'invalid-flatgeobuf', mentions: ['garbage.fgb'] },
  { name: 'text file named .fgb', args: tinyArgs({ units: `${BAD}text-named.fgb` }), code: 'invalid-flatgeobuf' },
  { name: 'a Shapefile', args: tinyArgs({ units: `${BAD}shapefile.shp` }), code: 'unsupported-format', mentions: ['ogr2ogr'] },
  { name: 'missing file', args: tinyArgs({ units: `${BAD}does-not-exist.geojson` }), code: 'file-not-found', mentions: ['does-not-exist.geojson'] },
];

describe('malformed inputs', () => {
  for (const command of ['validate', 'indicators']) {
    for (const c of cases) {
      it(`${command}: ${c.name} → [${c.code}], exit 2`, async () => {
        const io = captureIo();
        const exit = await runCli([command, ...c.args], io);
        expect(exit).toBe(2);
        expect(io.err).toContain(`[${c.code}]`);
        for (const m of c.mentions ?? []) expect(io.err).toContain(m);
        expect(io.err).not.toContain('internal error');
        expect(io.out).toBe('');
      });
    }
  }

  it('a catchment of an unknown school is an error (the indices would leave its children out)', async () => {
    const io = captureIo();
    const exit = await runCli(['validate', ...tinyArgs({ catchments: `${BAD}catchments-unknown-school.geojson` })], io);
    expect(exit).toBe(2);
    expect(io.err).toContain('[unknown-school]');
    expect(io.err).toContain('ids: Z');
  });
});
