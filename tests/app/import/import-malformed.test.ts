/**
 * The wizard's worker side given malformed files of every reader: each read fails with its named
 * code and leaves what was read before untouched (the units and fields stay, nothing is adopted
 * as the app's dataset); a file with several layers lists them, and choosing one re-reads it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../../src/core/model/dataset';
import { ok } from '../../../src/core/model/result';
import { createImportService } from '../../../src/app/workers/import-service';
import type { DatasetSummary } from '../../../src/app/workers/engine-protocol';
import { centralHeaders, enc, gj, gzip, patch32, schoolShapefile, schoolsGpkg, tiny, zip } from '../../cli/corpus/make-files';

const TINY = resolve('tests/fixtures/tiny-city');
const none = () => undefined;

async function started() {
  let adopted: Dataset | null = null;
  const service = createImportService(async (dataset) => {
    adopted = dataset;
    return ok({ name: dataset.name } as DatasetSummary);
  });
  const file = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(resolve(TINY, name))) });
  expect((await service.read('units', await file('units.geojson'), null, none)).ok).toBe(true);
  expect((await service.read('schools', await file('schools.geojson'), null, none)).ok).toBe(true);
  return { service, adopted: () => adopted, file };
}

describe('malformed files in the import wizard', () => {
  test('every failed read is named and leaves the earlier units, fields and schools as they were', async () => {
    const { service, adopted } = await started();
    const before = await service.fields();
    const units = gj(tiny().units);
    const gz = gzip(units);
    const crcBad = gz.slice();
    crcBad[crcBad.length - 6] ^= 0xff;
    const z = zip(schoolShapefile());
    const gpkg = await schoolsGpkg();
    const bad: [role: 'units' | 'schools', name: string, bytes: Uint8Array, code: string][] = [
      ['units', 'crc.geojson.gz', crcBad, 'invalid-gzip'],
      ['units', 'cut.geojson', enc(units.slice(0, units.length / 2)), 'invalid-json'],
      ['units', 'bomb.geojson.gz', gzip(new Uint8Array(8 * 1024 * 1024)), 'unknown-format'],
      ['schools', 'liar.zip', patch32(z, centralHeaders(z)[0] + 24, 50), 'invalid-zip'],
      ['schools', 'quote.csv', enc('id;name;x;y\nA;"Länsikoulu;385250;6672500\n'), 'csv-parse-error'],
      ['schools', 'half.gpkg', gpkg.subarray(0, gpkg.length / 2), 'invalid-geopackage'],
      ['schools', 'endless.gpkg', await schoolsGpkg({ badView: true }), 'unsupported-geopackage'],
    ];
    for (const [role, name, bytes, code] of bad) {
      const r = await service.read(role, { name, bytes }, null, none);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.problems[0].code, name).toBe(code);
      expect(JSON.stringify(r)).not.toContain('undefined');
    }
    expect(await service.fields()).toEqual(before);
    expect(adopted()).toBeNull();
  });

  test('a GeoPackage with two layers lists them; choosing one re-reads it, an unknown one keeps the layer read', async () => {
    const { service } = await started();
    const two = await schoolsGpkg({ extraLayer: true });
    const first = await service.read('schools', { name: 'two.gpkg', bytes: two }, null, none);
    expect(first.ok && [first.value.layer, first.value.layers, first.value.features]).toEqual(['areas', ['areas', 'schools'], 1]);
    expect(first.ok && first.warnings.map((w) => w.code)).toEqual(['geopackage-layer-chosen']);
    const chosen = await service.reread('schools', null, none, 'schools');
    expect(chosen.ok && [chosen.value.layer, chosen.value.features, chosen.value.geometry.points]).toEqual(['schools', 2, 2]);
    const unknown = await service.reread('schools', null, none, 'kouluja');
    expect(!unknown.ok && unknown.problems[0]).toMatchObject({ code: 'missing-layer', file: 'two.gpkg' });
    const still = await service.reread('schools', null, none);
    expect(still.ok && still.value.layer).toBe('schools');
  });
});
