/**
 * The scenario store with the real worker pieces in-process: engine service + ScenarioHost +
 * scenario API on Tiny City (read from disk), the document store, and the save queue on a fake
 * IndexedDB. Numbers (tests/fixtures/tiny-city/README.md, network fi-lower): baseline A = 100,
 * B = 180 children; giving column 2 (4 × 20 = 80 children) to A gives A = 180, B = 100.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { idbStorage } from '../../../src/app/persistence/idb-storage';
import { SaveQueue } from '../../../src/app/persistence/save-queue';
import { ScenarioHost } from '../../../src/app/scenarios/scenario-host';
import type { ScenarioRecord } from '../../../src/app/scenarios/scenario-protocol';
import { createScenarioStore } from '../../../src/app/scenarios/scenario-store';
import { createScenarioApi } from '../../../src/app/scenarios/scenario-worker-api';
import { createDocumentStore } from '../../../src/app/stores/document-store';
import { createEngineService } from '../../../src/app/workers/engine-service';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { column2 } from '../../core/export/tiny-city-engines';
import { FakeMiniDb } from '../persistence/fake-mini-db';

const manifestUrl = pathToFileURL(resolve('tests/fixtures/tiny-city/manifest.json')).href;
const fetchBytes = async (url: string) => new Uint8Array(await readFile(fileURLToPath(url)));

async function setup(db = new FakeMiniDb()) {
  const host = new ScenarioHost((d, c) => new ScenarioEngine(d, c), { schedule: () => ({ cancel() {} }) });
  const service = createEngineService(host.engineFactory, host.gate(fetchBytes));
  const api = createScenarioApi(host);
  const document = createDocumentStore(service);
  const queue = new SaveQueue();
  const scenarios = createScenarioStore({ api, engine: service, document, queue });
  const storage = await idbStorage(async () => db);
  queue.attach(storage);
  const loading = document.getState().load({ manifestUrl, fileUrls: {} });
  await api.prime({ ...(await storage.loadAll()), defaultName: 'Skenaario 1' });
  await loading;
  scenarios.getState().absorb(await api.pull());
  await queue.flush();
  const children = () => Object.fromEntries(document.getState().views['fi-lower'].indicatorsFull.schools.map((s) => [s.id, s.children]));
  return { db, host, api, document, scenarios, queue, children };
}

const stored = async (db: FakeMiniDb) => (await db.getAll('scenarios')) as ScenarioRecord[];

describe('scenario store', () => {
  test('the first scenario is saved at start; an edit is saved with its cursor once synced', async () => {
    const { db, document, scenarios, queue, children } = await setup();
    expect((await stored(db)).map((r) => r.scenario.name)).toEqual(['Skenaario 1']);
    await document.getState().requestEdit(column2);
    expect(children()).toEqual({ A: 180, B: 100 });
    await scenarios.getState().sync();
    await queue.flush();
    const [r] = await stored(db);
    expect(r.scenario.edits).toEqual([column2]);
    expect(r.scenario.cursor).toBe(1);
    expect(scenarios.getState().save).toMatchObject({ mode: 'indexeddb', pending: 0 });
  });

  test('creating and switching replace the document view with the active scenario in one step', async () => {
    const { document, scenarios, children } = await setup();
    const first = scenarios.getState().host!.activeId;
    await document.getState().requestEdit(column2);
    expect(await scenarios.getState().create('Toinen')).toBe(true);
    expect(children()).toEqual({ A: 100, B: 180 });
    expect(document.getState().canUndo).toBe(false);
    expect(await scenarios.getState().activate(first)).toBe(true);
    expect(children()).toEqual({ A: 180, B: 100 });
    expect(document.getState().canUndo).toBe(true);
    expect(document.getState().inFlight).toBe(0);
  });

  test('switching scenarios shows the active scenario\'s housing projects at once', async () => {
    const { document, scenarios } = await setup();
    const first = scenarios.getState().host!.activeId;
    const base = new Date().getUTCFullYear();
    await document.getState().requestEdit({ kind: 'housing-project', year: base + 1, id: 'h', name: 'H', dwellings: 100, tenure: 'owner', buildingType: 'block', location: [385_100, 6_672_100] });
    expect(document.getState().housing.map((p) => p.id)).toEqual(['h']);
    expect(await scenarios.getState().create('Toinen')).toBe(true);
    expect(document.getState().housing).toEqual([]);
    expect(await scenarios.getState().activate(first)).toBe(true);
    expect(document.getState().housing.map((p) => p.id)).toEqual(['h']);
  });

  test('a second session on the same storage continues where the first stopped', async () => {
    const a = await setup();
    await a.document.getState().requestEdit(column2);
    await a.document.getState().undo();
    await a.scenarios.getState().sync();
    await a.queue.flush();
    const b = await setup(a.db);
    expect(b.children()).toEqual({ A: 100, B: 180 });
    expect(b.document.getState().canRedo).toBe(true);
    await b.document.getState().redo();
    expect(b.children()).toEqual({ A: 180, B: 100 });
  });

  test('an import with warnings shows them; a failed one shows the problem and changes nothing', async () => {
    const { api, scenarios, children } = await setup();
    const id = scenarios.getState().host!.activeId;
    const file = await api.exportScenario(id);
    const text = JSON.parse(file.ok ? file.value.text : '{}');
    text.edits = [column2];
    text.cursor = 1;
    text.dataset.hash = '0123456789abcdef';
    expect(await scenarios.getState().importText(JSON.stringify(text))).toBe(true);
    expect(scenarios.getState().notice).toMatchObject({ tone: 'warning', title: 'scenarios.notice.importWarnings' });
    expect(scenarios.getState().notice!.problems.map((p) => p.code)).toEqual(['dataset-mismatch']);
    expect(children()).toEqual({ A: 180, B: 100 });
    scenarios.getState().dismissNotice();
    expect(await scenarios.getState().importText('not json')).toBe(false);
    expect(scenarios.getState().notice).toMatchObject({ tone: 'error', title: 'scenarios.notice.importFailed' });
    expect(scenarios.getState().host!.scenarios).toHaveLength(2);
  });

  test('deleting a scenario removes it from storage', async () => {
    const { db, scenarios, queue } = await setup();
    await scenarios.getState().create('Toinen');
    await queue.flush();
    expect(await stored(db)).toHaveLength(2);
    const second = scenarios.getState().host!.activeId;
    await scenarios.getState().remove(second, 'x');
    await queue.flush();
    expect((await stored(db)).map((r) => r.scenario.name)).toEqual(['Skenaario 1']);
  });

  test('comparison of the baseline with an edited scenario: 80 children change school', async () => {
    const { api, document, scenarios } = await setup();
    await document.getState().requestEdit(column2);
    const r = await api.compare({ networkId: 'fi-lower', a: 'baseline', b: scenarios.getState().host!.activeId });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.movement.movedChildren).toBeCloseTo(80, 9);
    expect(r.value.changed).toEqual([0, 1]);
    expect(r.value.table.schools.map((s) => [s.children.a, s.children.b, s.children.change])).toEqual([[100, 180, 80], [180, 100, -80]]);
  });
});
