import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../../src/app/stores/document-store';
import type { Edit } from '../../../src/core/scenario/edit';
import { createFakeEngine } from './fake-engine';

const source = { manifestUrl: 'http://x/manifest.json', fileUrls: {} };
const edit = (schoolId = 'a'): Edit => ({ kind: 'assign-cells', networkId: 'n', schoolId, cells: [[0, 0]] });

async function loaded() {
  const engine = createFakeEngine();
  const store = createDocumentStore(engine);
  await store.getState().load(source);
  return { engine, store };
}

describe('document store', () => {
  it('loads: ready, first network selected, full snapshot merged, nothing to undo', async () => {
    const { store } = await loaded();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.networkId).toBe('n');
    expect(s.views.n.catchments.length).toBe(2);
    expect([s.canUndo, s.canRedo, s.editCount, s.inFlight]).toEqual([false, false, 0, 0]);
    expect(s.progress).toEqual({ stage: 'fetch', loaded: 1, total: 1 });
  });

  it('apply → undo → redo moves figures and flags', async () => {
    const { store } = await loaded();
    await store.getState().requestEdit(edit());
    // The fake moves one child from b to a per edit: a 50 → 51.
    expect(store.getState().views.n.indicatorsFull.schools[0].children).toBe(51);
    expect([store.getState().canUndo, store.getState().canRedo]).toEqual([true, false]);
    await store.getState().undo();
    expect(store.getState().views.n.indicatorsFull.schools[0].children).toBe(50);
    expect([store.getState().canUndo, store.getState().canRedo]).toEqual([false, true]);
    await store.getState().redo();
    expect(store.getState().views.n.indicatorsFull.schools[0].children).toBe(51);
    expect(store.getState().editCount).toBe(1);
  });

  it('asks before an edit that empties a school; cancel changes nothing, confirm applies', async () => {
    const { store, engine } = await loaded();
    await store.getState().requestEdit(edit('empties'));
    expect(store.getState().pending).toEqual({ edit: edit('empties'), emptiedSchoolNames: ['B'] });
    expect(engine.position).toBe(0);
    store.getState().cancelPending();
    expect(store.getState().pending).toBeNull();
    expect(engine.position).toBe(0);
    await store.getState().requestEdit(edit('empties'));
    await store.getState().confirmPending();
    expect(engine.position).toBe(1);
    expect(store.getState().pending).toBeNull();
  });

  it('keeps refused edits as problems and leaves the scenario untouched', async () => {
    const { store } = await loaded();
    const before = store.getState().views.n;
    await store.getState().requestEdit(edit('bad'));
    expect(store.getState().editProblems.map((p) => p.code)).toEqual(['edit-no-change']);
    expect(store.getState().views.n).toBe(before);
  });

  it('undo with nothing to undo does not call the engine', async () => {
    const { store, engine } = await loaded();
    await store.getState().undo();
    expect(engine.position).toBe(0);
    expect(store.getState().views.n.version).toBe(1);
  });
});
