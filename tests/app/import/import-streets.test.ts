/**
 * The street file as the wizard's fifth, optional file: read and checked for walkable lines when
 * given (a file without lines is refused by name, changing nothing), and handed with the dataset
 * to the engine at Finish as the walkable links (kept with the dataset in the browser).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ok } from '../../../src/core/model/result';
import type { StreetLinks } from '../../../src/core/travel/street-links';
import { createImportService } from '../../../src/app/workers/import-service';
import type { DatasetSummary } from '../../../src/app/workers/engine-protocol';
import { TINY_STREET_LINKS, tinyStreetsGeoJson } from '../../helpers/tiny-streets';

const TINY = resolve('tests/fixtures/tiny-city');
const none = () => undefined;

async function wizard() {
  let adopted: StreetLinks | null | undefined;
  const service = createImportService(async (dataset, _c, _p, _l, streets) => {
    adopted = streets;
    return ok({ name: dataset.name } as DatasetSummary);
  });
  const file = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(resolve(TINY, name))) });
  for (const role of ['units', 'schools', 'catchments'] as const) expect((await service.read(role, await file(`${role}.geojson`), null, none)).ok).toBe(true);
  return { service, file, adopted: () => adopted };
}

async function finish(service: Awaited<ReturnType<typeof wizard>>['service']) {
  const fields = await service.fields();
  if (!fields.ok) throw new Error('fields');
  expect((await service.applyFields({ preset: 'statfi-grid', mapping: fields.value.mapping })).ok).toBe(true);
  expect((await service.schools({ filter: null, overrides: {}, generate: false, area: null })).ok).toBe(true);
  return service.finish('Tiny City', '');
}

describe('street file in the import wizard', () => {
  test('read, then handed to the engine with the dataset as walkable links', async () => {
    const { service, adopted } = await wizard();
    const r = await service.read('streets', { name: 'streets.geojson', bytes: new TextEncoder().encode(tinyStreetsGeoJson()) }, null, none);
    expect(r.ok && [r.value.role, r.value.features, r.value.geometry.other]).toEqual(['streets', TINY_STREET_LINKS, TINY_STREET_LINKS]);
    const done = await finish(service);
    expect(done.ok).toBe(true);
    const links = adopted()!;
    // 9 LineStrings, all walkable under the OSM rule: 8 streets of 4 vertices, 1 footway of 2.
    expect(links.count).toBe(9);
    expect(links.xy.length / 2).toBe(8 * 4 + 2);
  });

  test('without a street file the dataset is adopted with none; a file without lines is refused by name', async () => {
    const { service, file, adopted } = await wizard();
    const bad = await service.read('streets', await file('schools.geojson'), null, none);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ code: 'no-walkable-streets', file: 'schools.geojson' });
    expect((await finish(service)).ok).toBe(true);
    expect(adopted()).toBeNull();
  });
});
