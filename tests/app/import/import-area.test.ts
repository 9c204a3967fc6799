/**
 * The wizard's worker side with a planning area, on Tiny City (tests/fixtures/tiny-city): the
 * units, the two schools (A at column 0–1, B further east) and a boundary file of two squares,
 * kunta 049 over columns 0–1 and 091 over columns 2–3. With the area kunta = 049 only the
 * 8 western cells remain: he_7_12 = 4 × (10 + 15) = 100 children and he_vakiy = 8 × 100 = 800
 * inhabitants; the generated catchments cover exactly those cells, so the dataset Finish builds
 * has 8 units and its two schools share the 100 children.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../../src/core/model/dataset';
import { ok } from '../../../src/core/model/result';
import { presets } from '../../../src/core/config/presets';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { createImportService } from '../../../src/app/workers/import-service';
import type { DatasetSummary } from '../../../src/app/workers/engine-protocol';

const TINY = resolve('tests/fixtures/tiny-city');
const X0 = 385_000;
const Y0 = 6_672_000;
const square = (x0: number, x1: number) => [[[x0, Y0 - 100], [x1, Y0 - 100], [x1, Y0 + 1100], [x0, Y0 + 1100], [x0, Y0 - 100]]];
const boundary = JSON.stringify({
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
  features: [
    { type: 'Feature', properties: { kunta: '049' }, geometry: { type: 'Polygon', coordinates: square(X0 - 100, X0 + 500) } },
    { type: 'Feature', properties: { kunta: '091' }, geometry: { type: 'Polygon', coordinates: square(X0 + 500, X0 + 1100) } },
  ],
});

async function wizard() {
  let adopted: Dataset | null = null;
  const service = createImportService(async (dataset) => {
    adopted = dataset;
    return ok({ name: dataset.name } as DatasetSummary);
  });
  const file = async (name: string) => ({ name, bytes: new Uint8Array(await readFile(resolve(TINY, name))) });
  const none = () => undefined;
  expect((await service.read('units', await file('units.geojson'), null, none)).ok).toBe(true);
  expect((await service.read('schools', await file('schools.geojson'), null, none)).ok).toBe(true);
  expect((await service.read('boundary', { name: 'kunnat.geojson', bytes: new TextEncoder().encode(boundary) }, null, none)).ok).toBe(true);
  const fields = await service.fields();
  if (!fields.ok) throw new Error('fields');
  expect((await service.applyFields({ preset: 'statfi-grid', mapping: fields.value.mapping })).ok).toBe(true);
  return { service, adopted: () => adopted as Dataset | null };
}

describe('import with a planning area', () => {
  test('kunta = 049 keeps the 8 western cells; generated catchments share their 100 children', async () => {
    const { service, adopted } = await wizard();
    const schools = await service.schools({ filter: null, overrides: {}, generate: true, area: { field: 'kunta', value: '049' } });
    expect(schools.ok).toBe(true);
    if (!schools.ok) return;
    expect(schools.value.area).toMatchObject({ unitsKept: 8, unitsTotal: 16, polygons: 2, problems: [] });
    expect(schools.value.area?.filterFields).toContain('kunta');
    const check = await service.check();
    if (!check.ok) throw new Error('check');
    expect(check.value.units.count).toBe(8);
    expect(check.value.units.populationTotal).toBe(800);
    expect(check.value.errors).toEqual([]);
    expect(check.value.networks[0].counts.gap).toBe(0);
    // The wizard's base-year field: a year that is not one is refused, and nothing is adopted.
    const refused = await service.finish('Tiny West', '', 20.5);
    expect(!refused.ok && refused.problems[0].code).toBe('import-bad-year');
    expect(adopted()).toBeNull();
    const done = await service.finish('Tiny West', '', 2023);
    expect(done.ok).toBe(true);
    const dataset = adopted()!;
    expect(dataset.year).toBe(2023);
    expect(dataset.units.count).toBe(8);
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const network = dataset.networks.find((n) => n.level === 'lower')!;
    const total = engine.indicators(network.id).schools.reduce((a, s) => a + s.children, 0);
    expect(total).toBeCloseTo(100, 9);
  });

  test('without a filter every polygon makes the area: all 16 cells', async () => {
    const { service } = await wizard();
    const schools = await service.schools({ filter: null, overrides: {}, generate: true, area: null });
    expect(schools.ok && schools.value.area?.unitsKept).toBe(16);
  });

  test('a filter value no polygon has: named in the Schools step, and Finish is refused', async () => {
    const { service } = await wizard();
    const schools = await service.schools({ filter: null, overrides: {}, generate: true, area: { field: 'kunta', value: '092' } });
    expect(schools.ok).toBe(true);
    if (!schools.ok) return;
    expect(schools.value.area?.problems.map((p) => p.code)).toEqual(['area-empty']);
    const check = await service.check();
    expect(check.ok && check.value.errors.map((e) => e.code)).toEqual(['area-empty']);
    const done = await service.finish('x', '');
    expect(done.ok).toBe(false);
  });
});
