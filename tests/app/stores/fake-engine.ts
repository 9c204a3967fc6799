/**
 * A fake EngineApi for store tests: one network "n" with schools a, b; an edit moves one
 * child from b to a per call; an edit whose schoolId is "empties" is refused unless allowed.
 */
import type { NetworkIndicators } from '../../../src/core/indicators/indicator-types';
import { applyPrivacy } from '../../../src/core/pupil-base/privacy';
import { fail, ok } from '../../../src/core/model/result';
import type { Edit } from '../../../src/core/scenario/edit';
import type { DatasetSummary, EditResponse, EngineApi, NetworkSnapshot } from '../../../src/app/workers/engine-protocol';

function indicators(childrenA: number, childrenB: number): NetworkIndicators {
  const school = (id: string, children: number) => ({
    id, name: id.toUpperCase(), children, childrenImputed: 0, capacity: 100, utilisation: children / 100,
    shares: {}, shareBase: {}, composite: null,
  });
  return {
    network: 'n', schools: [school('a', childrenA), school('b', childrenB)], indices: {}, multigroup: {},
    totals: { children: childrenA + childrenB, childrenImputed: 0, gapChildren: 0, overlapChildren: 0 }, estimated: false,
  };
}

export function createFakeEngine(): EngineApi & { log: Edit[]; position: number } {
  const state = { log: [] as Edit[], position: 0 };
  const snapshot = (changed: number[] | null): NetworkSnapshot => {
    const moved = state.position;
    const full = indicators(50 + moved, 50 - moved);
    const base = indicators(50, 50);
    const catchments: NetworkSnapshot['catchments'] = {};
    for (const i of changed ?? [0, 1]) catchments[i] = [[[[i, 0], [i + 1, 0], [i + 1, 1], [i, 0]]]];
    return {
      networkId: 'n', indicators: applyPrivacy(full, 10), baseline: applyPrivacy(base, 10), indicatorsFull: full, baselineFull: base,
      catchments, labelPoints: {}, areas: {}, colourIndex: new Int32Array([0, 1]), unitSchool: new Int32Array([0, 1]), unitChanged: new Uint8Array([moved ? 1 : 0, 0]),
      complete: changed === null, canUndo: state.position > 0, canRedo: state.position < state.log.length, editCount: state.position,
    };
  };
  const response = (): EditResponse => ({ outcome: { networkId: 'n', changedSchools: [0, 1], changedUnits: new Int32Array([0]) }, emptiedSchools: [], snapshot: snapshot([0, 1]) });
  const summary = {
    name: 'Fake', source: 'test', presetName: 'x', privacyThreshold: 10,
    networks: [{ id: 'n', label: { fi: 'n', sv: 'n', en: 'n' }, language: 'fi', level: 'lower', schools: [
      { id: 'a', name: 'A', index: 0, capacity: 100, location: [0, 0], lonLat: [0, 0] },
      { id: 'b', name: 'B', index: 1, capacity: 100, location: [0, 0], lonLat: [0, 0] },
    ] }],
    units: { kind: 'grid', count: 0, grid: null, col: null, row: null, positions: new Float64Array(), startIndices: new Uint32Array([0]), objectUnit: new Uint32Array() },
    shares: [], multigroup: [], land: null, water: null, bounds: [0, 0, 1, 1], warnings: [],
  } as DatasetSummary;
  return {
    get log() { return state.log; },
    get position() { return state.position; },
    async load(_source, onProgress) {
      onProgress({ stage: 'fetch', loaded: 1, total: 1 });
      return ok(summary);
    },
    async loadStored(_hash, onProgress) {
      onProgress({ stage: 'fetch', loaded: 1, total: 1 });
      return ok({ ...summary, name: 'Stored' });
    },
    async snapshot() { return snapshot(null); },
    async unitMeasures() { return []; },
    async apply(edit, allowEmptying) {
      if ('schoolId' in edit && edit.schoolId === 'empties' && !allowEmptying)
        return fail({ code: 'edit-empties-school', message: 'b emptied', fix: 'undo', ids: ['b'] });
      if ('schoolId' in edit && edit.schoolId === 'bad') return fail({ code: 'edit-no-change', message: 'nothing changes', fix: 'draw elsewhere' });
      state.log = state.log.slice(0, state.position).concat([edit]);
      state.position++;
      return ok(response());
    },
    async undo() {
      if (state.position === 0) return null;
      state.position--;
      return response();
    },
    async redo() {
      if (state.position === state.log.length) return null;
      state.position++;
      return response();
    },
    async edits() { return state.log.slice(0, state.position); },
  };
}
