/**
 * The persistence layer with an in-memory fake of IndexedDB: records written through the save
 * queue come back from storage unchanged; writes of one key while another write runs collapse
 * into one (latest wins); a quota error switches to memory mode with a named problem and stops
 * writing; storage that could not be opened starts in memory mode.
 */
import { describe, expect, test } from 'vitest';
import { idbStorage } from '../../../src/app/persistence/idb-storage';
import { SaveQueue, type SaveStatus } from '../../../src/app/persistence/save-queue';
import { memoryStorage, storageProblem, takenOverProblem } from '../../../src/app/persistence/scenario-storage';
import type { ScenarioRecord } from '../../../src/app/scenarios/scenario-protocol';
import { domError, FakeMiniDb } from './fake-mini-db';

function record(id: string, cursor: number, name = `S ${id}`): ScenarioRecord {
  const edits = Array.from({ length: cursor }, (_, i) => ({ kind: 'assign-cells' as const, networkId: 'n', schoolId: 'A', cells: [[i, 0]] as [number, number][] }));
  return {
    scenario: { id, name, description: '', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', datasetHash: 'h', edits, cursor },
    inDeck: false,
    order: 0,
  };
}

async function queueOn(db: FakeMiniDb) {
  const queue = new SaveQueue({ now: () => 'T' });
  const seen: SaveStatus[] = [];
  queue.subscribe((s) => seen.push(s));
  queue.attach(await idbStorage(async () => db));
  return { queue, seen };
}

describe('save queue on IndexedDB (fake)', () => {
  test('a record and a session written through the queue read back unchanged', async () => {
    const db = new FakeMiniDb();
    const { queue } = await queueOn(db);
    const r = record('a', 2);
    queue.saveScenario(r);
    queue.saveSession({ datasetHash: 'h', activeScenarioId: 'a', networkId: 'n', ui: { selectedSchoolId: 'A', colourBy: 'cells' }, view: { center: [25, 60.2], zoom: 11.5 }, savedAt: 'T' });
    await queue.flush();
    const back = await (await idbStorage(async () => db)).loadAll();
    expect(back.records).toEqual([r]);
    expect(back.sessions[0]).toMatchObject({ activeScenarioId: 'a', view: { center: [25, 60.2], zoom: 11.5 } });
    expect(queue.current).toMatchObject({ mode: 'indexeddb', pending: 0, lastSavedAt: 'T', problem: null });
  });

  test('three saves of one scenario while a write runs: two writes, the last one wins', async () => {
    const db = new FakeMiniDb();
    const { queue } = await queueOn(db);
    // Write 1 (cursor 1) starts at once; cursors 2 and 3 queue under the same key, 3 replaces 2.
    queue.saveScenario(record('a', 1));
    queue.saveScenario(record('a', 2));
    queue.saveScenario(record('a', 3));
    await queue.flush();
    expect(db.writes).toBe(2);
    expect(((await db.getAll('scenarios'))[0] as ScenarioRecord).scenario.cursor).toBe(3);
  });

  test('a delete after a save of the same scenario leaves it deleted', async () => {
    const db = new FakeMiniDb();
    const { queue } = await queueOn(db);
    queue.saveScenario(record('a', 1));
    queue.saveScenario(record('b', 1));
    queue.deleteScenario('b');
    await queue.flush();
    expect((await db.getAll('scenarios')).map((r) => (r as ScenarioRecord).scenario.id)).toEqual(['a']);
  });

  test('a quota error switches to memory mode with the problem named, and later writes are skipped', async () => {
    const db = new FakeMiniDb();
    const { queue, seen } = await queueOn(db);
    db.failWith = domError('QuotaExceededError', 'The quota has been exceeded.');
    queue.saveScenario(record('a', 1));
    await queue.flush();
    expect(queue.current.mode).toBe('memory');
    expect(queue.current.problem?.code).toBe('storage-quota');
    expect(seen.at(-1)?.problem?.code).toBe('storage-quota');
    db.failWith = null;
    queue.saveScenario(record('a', 2));
    await queue.flush();
    expect(db.writes).toBe(0);
  });

  test('writes made before the storage is attached wait for it', async () => {
    const db = new FakeMiniDb();
    const queue = new SaveQueue();
    queue.saveScenario(record('a', 1));
    expect(db.writes).toBe(0);
    queue.attach(await idbStorage(async () => db));
    await queue.flush();
    expect(db.writes).toBe(1);
  });

  test('storage that could not be opened: memory mode from the start, with its problem', () => {
    const queue = new SaveQueue();
    const problem = storageProblem(domError('SecurityError', 'The operation is insecure.'));
    queue.attach(null, problem);
    queue.saveScenario(record('a', 1));
    expect(queue.current).toMatchObject({ mode: 'memory', pending: 0 });
    expect(queue.current.problem?.code).toBe('storage-unavailable');
  });

  test('memory storage is never written through the queue (it is not persistent)', async () => {
    const queue = new SaveQueue();
    queue.attach(memoryStorage());
    expect(queue.current.mode).toBe('memory');
  });

  test('detach (another tab took over): queued writes finish first, later ones are not taken', async () => {
    const db = new FakeMiniDb();
    const { queue } = await queueOn(db);
    queue.saveScenario(record('a', 1)); // running
    queue.saveScenario(record('b', 1)); // queued
    const detached = queue.detach(takenOverProblem());
    queue.saveScenario(record('c', 1)); // after the hand-over: not written
    await detached;
    expect((await db.getAll('scenarios')).map((r) => (r as ScenarioRecord).scenario.id).sort()).toEqual(['a', 'b']);
    expect(queue.current).toMatchObject({ mode: 'memory', pending: 0 });
    expect(queue.current.problem?.code).toBe('storage-taken-over');
    queue.saveScenario(record('d', 1));
    await queue.flush();
    expect(db.writes).toBe(2);
  });

  test('idbStorage rejects when the database cannot be opened', async () => {
    await expect(idbStorage(async () => Promise.reject(domError('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.')))).rejects.toThrow(/mutation/);
  });
});

describe('storage problems', () => {
  test.each([
    ['QuotaExceededError', 'x', 'storage-quota'],
    ['Error', 'QuotaExceededError: quota reached', 'storage-quota'],
    ['SecurityError', 'The operation is insecure.', 'storage-unavailable'],
    ['InvalidStateError', 'private mode', 'storage-unavailable'],
    ['NotSupportedError', 'IndexedDB is not available in this browser', 'storage-unavailable'],
    ['StorageBlockedError', 'the database upgrade was blocked', 'storage-blocked'],
    ['DataCloneError', 'could not be cloned', 'storage-failed'],
  ])('%s “%s” → %s', (name, message, code) => {
    const p = storageProblem(domError(name, message));
    expect(p.code).toBe(code);
    expect(p.message.length).toBeGreaterThan(10);
    expect(p.fix.length).toBeGreaterThan(10);
  });
});
