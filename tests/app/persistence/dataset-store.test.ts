/**
 * Imported datasets kept in the browser: the Tiny City dataset (tests/fixtures/tiny-city) kept
 * in the fake IndexedDB comes back whole (typed-array columns included); a fresh engine service
 * started on it by hash gives the hand-worked numbers (fi-lower: A = 100, B = 180 children);
 * a missing or failing store gives named problems; and the start-up choice between the sample
 * city and the user's own data follows the address and the most recent session.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { idbDatasetStore, keepDataset, type DatasetEntry } from '../../../src/app/persistence/dataset-store';
import type { StoredData } from '../../../src/app/persistence/scenario-storage';
import { ScenarioHost } from '../../../src/app/scenarios/scenario-host';
import { chooseDataset } from '../../../src/app/scenarios/session-state';
import { createEngineService } from '../../../src/app/workers/engine-service';
import { presets } from '../../../src/core/config/presets';
import { loadBundle } from '../../../src/core/load/load-bundle';
import type { Dataset } from '../../../src/core/model/dataset';
import { datasetHash } from '../../../src/core/scenario/dataset-hash';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { domError, FakeMiniDb } from './fake-mini-db';

const DIR = resolve('tests/fixtures/tiny-city');
const config = presets['statfi-grid'];

async function tinyCity(): Promise<Dataset> {
  const r = await loadBundle(await readFile(resolve(DIR, 'manifest.json'), 'utf8'), async (name) => new Uint8Array(await readFile(resolve(DIR, name))));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const declarations = [{ id: 'fi-lower', label: { fi: 'Suomenkieliset 1–6', sv: 'Finska 1–6', en: 'Finnish 1–6' } }];

describe('kept datasets', () => {
  test('a kept dataset comes back whole and is listed; delete removes both records', async () => {
    const db = new FakeMiniDb();
    const store = idbDatasetStore(async () => db);
    const dataset = await tinyCity();
    const hash = datasetHash(dataset);
    const kept = await keepDataset(store, { hash, dataset, config, presetName: 'statfi-grid', declarations }, '2026-11-22T10:00:00.000Z');
    expect(kept.ok).toBe(true);
    expect(await store.list()).toEqual([{ hash, name: dataset.name, units: 16, schools: dataset.schools.length, savedAt: '2026-11-22T10:00:00.000Z' }]);
    const back = await store.get(hash);
    expect(back?.dataset.units.attributes.columns.he_7_12).toBeInstanceOf(Float64Array);
    expect(datasetHash(back!.dataset), 'the same data: the same hash, so its scenarios match').toBe(hash);
    expect(back?.config).toEqual(config);
    await store.remove(hash);
    expect(await store.list()).toEqual([]);
    expect(await store.get(hash)).toBeNull();
  });

  test('storage full: the import still counts, with the warning "dataset-not-kept"', async () => {
    const db = new FakeMiniDb();
    db.failWith = domError('QuotaExceededError', 'The quota has been exceeded.');
    const dataset = await tinyCity();
    const r = await keepDataset(idbDatasetStore(async () => db), { hash: datasetHash(dataset), dataset, config, presetName: 'statfi-grid', declarations });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].code).toBe('dataset-not-kept');
    expect(r.problems[0].message).toMatch(/storage is full/);
  });

  test('the engine service opens a kept dataset by hash with the hand-worked numbers; an unknown hash is named', async () => {
    const db = new FakeMiniDb();
    const store = idbDatasetStore(async () => db);
    const dataset = await tinyCity();
    await keepDataset(store, { hash: datasetHash(dataset), dataset, config, presetName: 'statfi-grid', declarations });
    const host = new ScenarioHost((d, c) => new ScenarioEngine(d, c), { schedule: () => ({ cancel() {} }) });
    const service = createEngineService(host.engineFactory, host.gate(async () => new Uint8Array()), host.gate((hash) => store.get(hash)));
    host.prime({ records: [], sessions: [], defaultName: 'S 1' });
    const stages: string[] = [];
    const r = await service.loadStored(datasetHash(dataset), (p) => stages.push(p.stage));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe(dataset.name);
    expect(r.value.networks.map((n) => n.label.en)).toContain('Finnish 1–6');
    const snapshot = await service.snapshot('fi-lower');
    expect(Object.fromEntries(snapshot.indicatorsFull.schools.map((s) => [s.id, s.children]))).toEqual({ A: 100, B: 180 });
    expect(stages).toContain('engine');
    const missing = await service.loadStored('0123456789abcdef', () => undefined);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0].code).toBe('stored-dataset-missing');
  });
});

describe('which dataset opens at start-up', () => {
  const bundle = { manifestUrl: 'http://x/manifest.json', fileUrls: {} };
  const entry = (hash: string, savedAt: string): DatasetEntry => ({ hash, name: hash, units: 1, schools: 1, savedAt });
  const session = (datasetHash: string, savedAt: string) => ({ datasetHash, activeScenarioId: null, networkId: null, ui: {}, view: null, savedAt });
  const data = (sessions: ReturnType<typeof session>[], datasets: DatasetEntry[]): StoredData => ({ records: [], sessions, datasets });

  test('first visit: the sample city', () => {
    expect(chooseDataset(bundle, {}, data([], []))).toBe(bundle);
  });
  test('last on imported data: those data', () => {
    expect(chooseDataset(bundle, {}, data([session('sample', 'T1'), session('espoo', 'T2')], [entry('espoo', 'T0')]))).toEqual({ storedHash: 'espoo' });
  });
  test('last on the sample city: the sample city, even with data kept', () => {
    expect(chooseDataset(bundle, {}, data([session('sample', 'T3'), session('espoo', 'T2')], [entry('espoo', 'T0')]))).toBe(bundle);
  });
  test('last session on data no longer kept (deleted): the sample city', () => {
    expect(chooseDataset(bundle, {}, data([session('espoo', 'T2')], []))).toBe(bundle);
  });
  test('?dataset= wins: sample, or a kept hash; an unknown hash falls back to the sample city', () => {
    const d = data([session('espoo', 'T2')], [entry('espoo', 'T0'), entry('vantaa', 'T1')]);
    expect(chooseDataset(bundle, { dataset: 'sample' }, d)).toBe(bundle);
    expect(chooseDataset(bundle, { dataset: 'vantaa' }, d)).toEqual({ storedHash: 'vantaa' });
    expect(chooseDataset(bundle, { dataset: 'nope' }, d)).toBe(bundle);
  });
  test('an explicit ?bundle= folder always opens that bundle', () => {
    expect(chooseDataset(bundle, { explicitBundle: true }, data([session('espoo', 'T2')], [entry('espoo', 'T0')]))).toBe(bundle);
  });
  test('without a sample city: the most recently kept dataset', () => {
    expect(chooseDataset(null, {}, data([], [entry('a', 'T0'), entry('b', 'T1')]))).toEqual({ storedHash: 'b' });
  });
});
