/**
 * The worker's ScenarioHost on Tiny City (tests/fixtures/tiny-city/README.md), network fi-lower.
 * Children aged 7–12 per cell: 10 + 5c, so column 2 holds 4 × 20 = 80. Baseline: A (columns
 * 0–1) has 4 × (10 + 15) = 100 children, B (columns 2–3) 4 × (20 + 25) = 180. The edit
 * `column2` gives column 2 to A: A = 100 + 80 = 180, B = 180 − 80 = 100.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { EnginePool } from '../../../src/app/scenarios/engine-pool';
import { ScenarioHost } from '../../../src/app/scenarios/scenario-host';
import type { ScenarioRecord } from '../../../src/app/scenarios/scenario-protocol';
import type { Dataset } from '../../../src/core/model/dataset';
import { datasetHash } from '../../../src/core/scenario/dataset-hash';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { column2, config } from '../../core/export/tiny-city-engines';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const N = 'fi-lower';
const noTimers = () => ({ cancel() {} });

function startHost(records: ScenarioRecord[] = [], sessions: Parameters<ScenarioHost['prime']>[0]['sessions'] = []) {
  let built = 0;
  const host = new ScenarioHost((d, c) => (built++, new ScenarioEngine(d, c)), { schedule: noTimers, now: () => '2025-02-03T04:05:06.000Z' });
  host.prime({ records, sessions, defaultName: 'Skenaario 1' });
  const engine = host.engineFactory(dataset, config);
  return { host, engine, built: () => built };
}

const children = (engine: { indicators(id: string): { schools: { id: string; children: number }[] } }) =>
  Object.fromEntries(engine.indicators(N).schools.map((s) => [s.id, s.children]));

describe('ScenarioHost', () => {
  test('a first visit creates one empty scenario on the dataset, to be saved', () => {
    const { host } = startHost();
    const change = host.drain();
    expect(change.state.scenarios).toHaveLength(1);
    expect(change.state.scenarios[0]).toMatchObject({ name: 'Skenaario 1', editCount: 0, redoCount: 0, warm: true });
    expect(change.save).toHaveLength(1);
    expect(change.save[0].scenario.datasetHash).toBe(datasetHash(dataset));
    expect(host.drain().save, 'drained once').toHaveLength(0);
  });

  test('edits, undo and redo through the service delegate update the active record (redo history kept)', () => {
    const { host, engine } = startHost();
    host.drain();
    expect(children(engine)).toEqual({ A: 100, B: 180 });
    expect(engine.apply(column2).ok).toBe(true);
    expect(children(engine)).toEqual({ A: 180, B: 100 });
    let saved = host.drain().save[0].scenario;
    expect(saved.edits).toEqual([column2]);
    expect(saved.cursor).toBe(1);
    engine.undo();
    saved = host.drain().save[0].scenario;
    expect([saved.edits.length, saved.cursor]).toEqual([1, 0]);
    expect(children(engine)).toEqual({ A: 100, B: 180 });
  });

  test('switching scenarios swaps the engine behind the delegate (no rebuild once built)', () => {
    const { host, engine, built } = startHost();
    const first = host.drain().state.activeId;
    engine.apply(column2);
    const created = host.create('Toinen');
    expect(created.ok && created.value.state.activeId).not.toBe(first);
    expect(children(engine), 'the new scenario starts at the baseline').toEqual({ A: 100, B: 180 });
    expect(engine.canUndo()).toBe(false);
    const builds = built();
    host.activate(first);
    expect(children(engine)).toEqual({ A: 180, B: 100 });
    expect(engine.canUndo()).toBe(true);
    expect(built(), 'switching back reused the engine').toBe(builds);
  });

  test('a restart restores the session scenario with its undo and redo history', () => {
    const a = startHost();
    const id = a.host.drain().state.activeId;
    a.engine.apply(column2);
    a.engine.apply({ kind: 'assign-cells', networkId: N, schoolId: 'A', cells: [[3, 0]] });
    a.engine.undo();
    const records = a.host.drain().save;
    a.host.create('Toinen');
    const all = [...records, ...a.host.drain().save];
    const b = startHost(all, [{ datasetHash: datasetHash(dataset), activeScenarioId: id, networkId: N, ui: {}, view: null, savedAt: 'T' }]);
    expect(b.host.state().activeId).toBe(id);
    expect(children(b.engine)).toEqual({ A: 180, B: 100 });
    expect(b.engine.canUndo()).toBe(true);
    expect(b.engine.canRedo()).toBe(true);
    // Cell (3, 0) holds 10 + 5·3 = 25 children: redo gives them to A.
    b.engine.redo();
    expect(children(b.engine)).toEqual({ A: 205, B: 75 });
    expect(b.host.drain().save, 'nothing new to save after a restore').toHaveLength(1);
  });

  test('records of another dataset are left alone (not listed, not overwritten)', () => {
    const other: ScenarioRecord = { scenario: { id: 'x', name: 'Muu', description: '', createdAt: 'T', updatedAt: 'T', datasetHash: 'ffffffffffffffff', edits: [], cursor: 0 }, inDeck: false, order: 0 };
    const { host } = startHost([other]);
    expect(host.state().scenarios.map((s) => s.name)).toEqual(['Skenaario 1']);
  });

  test('rename, describe, deck flag and duplicate', () => {
    const { host, engine } = startHost();
    const id = host.drain().state.activeId;
    engine.apply(column2);
    const r = host.update(id, { name: 'Sarake 2 Länsikouluun', description: 'Kokeilu', inDeck: true });
    expect(r.ok && r.value.save[0]).toMatchObject({ inDeck: true, scenario: { name: 'Sarake 2 Länsikouluun', description: 'Kokeilu' } });
    const d = host.duplicate(id, 'Kopio');
    expect(d.ok).toBe(true);
    const state = host.state();
    expect(state.scenarios.map((s) => s.name)).toEqual(['Sarake 2 Länsikouluun', 'Kopio']);
    expect(state.activeId).not.toBe(id);
    expect(children(engine), 'the copy has the same edits').toEqual({ A: 180, B: 100 });
  });

  test('deleting the active scenario opens its neighbour; deleting the last leaves a fresh one', () => {
    const { host } = startHost();
    const first = host.drain().state.activeId;
    host.create('Toinen');
    const second = host.state().activeId;
    const r = host.remove(second, 'Skenaario 2');
    expect(r.ok && r.value.remove).toEqual([second]);
    expect(host.state().activeId).toBe(first);
    host.remove(first, 'Skenaario 1');
    expect(host.state().scenarios.map((s) => s.name)).toEqual(['Skenaario 1']);
    expect(host.state().activeId).not.toBe(first);
    expect(host.remove('nope', 'x').ok).toBe(false);
  });

  test('export then import gives a new scenario with exactly the same numbers', () => {
    const { host, engine } = startHost();
    const id = host.drain().state.activeId;
    engine.apply(column2);
    const before = engine.indicators(N);
    const file = host.exportScenario(id);
    expect(file.ok && file.value.fileName).toBe('Skenaario 1.scenario.json');
    host.create('Tyhjä');
    const imported = host.importScenario(file.ok ? file.value.text : '');
    expect(imported.ok && imported.warnings).toEqual([]);
    const state = host.state();
    expect(state.scenarios).toHaveLength(3);
    expect(state.activeId).not.toBe(id);
    expect(engine.indicators(N)).toEqual(before);
  });

  test('a file made on other data imports with the dataset-mismatch warning; a damaged file fails', () => {
    const { host } = startHost();
    const id = host.drain().state.activeId;
    const text = host.exportScenario(id);
    const json = JSON.parse(text.ok ? text.value.text : '{}');
    json.dataset.hash = '0123456789abcdef';
    const r = host.importScenario(JSON.stringify(json));
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['dataset-mismatch']);
    const bad = host.importScenario('{"format": "catchment-studio-scenario", "version": 2');
    expect(!bad.ok && bad.problems[0].code).toBe('scenario-not-json');
  });

  test('the engine pool evicts the least recently used engine beyond its capacity, never the kept one', () => {
    let n = 0;
    const pool = new EnginePool(() => ({ n: n++ }) as unknown as ScenarioEngine, { capacity: 2, schedule: noTimers });
    pool.put('a', pool.fresh());
    pool.put('b', pool.fresh());
    pool.get('a');
    pool.put('c', pool.fresh(), ['a']);
    expect([pool.has('a'), pool.has('b'), pool.has('c')]).toEqual([true, false, true]);
  });

  test('the spare engine is built when the idle timer fires and taken by the next fresh()', () => {
    let n = 0;
    let fire: (() => void) | null = null;
    const pool = new EnginePool(() => ({ n: n++ }) as unknown as ScenarioEngine, { schedule: (work) => ((fire = work), { cancel: () => (fire = null) }) });
    pool.idle();
    expect(pool.hasSpare).toBe(false);
    fire!();
    expect(pool.hasSpare).toBe(true);
    expect((pool.fresh() as unknown as { n: number }).n).toBe(0);
    expect(pool.hasSpare).toBe(false);
  });

  test('idle work builds the networks of the engines in use (most recent first), then the spare and its networks, one step per quiet period', () => {
    let n = 0;
    let fire = null as (() => void) | null;
    const left = new Map<number, number>();
    const log: string[] = [];
    const make = () => {
      const e = { n: n++ };
      left.set(e.n, 2);
      return e as unknown as ScenarioEngine;
    };
    const warm = (engine: ScenarioEngine) => {
      const id = (engine as unknown as { n: number }).n;
      if (left.get(id)! === 0) return false;
      left.set(id, left.get(id)! - 1);
      log.push(`warm ${id}`);
      return true;
    };
    const drain = () => {
      for (let f = fire; f; f = fire) {
        fire = null;
        f();
      }
    };
    const pool = new EnginePool(make, { warm, schedule: (work) => ((fire = work), { cancel: () => (fire = null) }) });
    pool.put('a', pool.fresh());
    pool.put('b', pool.fresh());
    pool.idle();
    // A request in between postpones the step: the timer is restarted, nothing done.
    pool.idle();
    expect(log).toEqual([]);
    drain();
    expect(log).toEqual(['warm 1', 'warm 1', 'warm 0', 'warm 0', 'warm 2', 'warm 2']);
    expect(pool.hasSpare).toBe(true);
    // Nothing left: idle() schedules nothing until an engine is added.
    pool.idle();
    expect(fire as unknown).toBe(null);
    pool.put('c', pool.fresh());
    pool.idle();
    drain();
    expect(log.slice(6)).toEqual(['warm 3', 'warm 3']);
  });
});
