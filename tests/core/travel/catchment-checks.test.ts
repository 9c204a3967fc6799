/**
 * Connected catchments and the edit checks: an edit that detaches a piece of a catchment, or
 * hands a school children more than 5 km away, is refused unless confirmed (allowFlagged).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { DETACHES_PIECE, FAR_UNITS, ScenarioTravel } from '../../../src/core/travel/scenario-travel';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let tiny: Dataset;
beforeAll(async () => {
  tiny = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const rect = (x0: number, y0: number, x1: number, y1: number): MultiPolygon => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]];

/** A strip of 32 cells of 250 m (8 km) with school W at the west end and E at the east end, each owning its half. */
function strip(): Dataset {
  const n = 32;
  const X = 400_000, Y = 6_700_000;
  const col = Int32Array.from({ length: n }, (_, i) => i);
  const ones = (v: number) => new Float64Array(n).fill(v);
  return {
    name: 'strip', source: 'test',
    units: { kind: 'grid', count: n, ids: Array.from({ length: n }, (_, i) => `c${i}`), grid: { originX: X, originY: Y, cellSize: 250, cols: n, rows: 1 }, col, row: new Int32Array(n), attributes: { names: ['he_7_12', 'he_13_15', 'he_vakiy'], columns: { he_7_12: ones(10), he_13_15: ones(5), he_vakiy: ones(100) } } },
    schools: [
      { id: 'W', name: 'West', language: 'fi', grades: '1-6', capacity: 200, location: [X + 125, Y + 125] },
      { id: 'E', name: 'East', language: 'fi', grades: '1-6', capacity: 200, location: [X + 8000 - 125, Y + 125] },
    ],
    networks: [{ id: 'fi-lower', label: 'strip', language: 'fi', level: 'lower', schoolIds: ['W', 'E'] }],
    partitions: { 'fi-lower': { networkId: 'fi-lower', catchments: [rect(X, Y, X + 4000, Y + 250), rect(X + 4000, Y, X + 8000, Y + 250)] } },
  };
}

describe('connected catchments', () => {
  it('counts pieces and refuses an edit that detaches one unless confirmed', () => {
    const engine = new ScenarioEngine(tiny, presets['statfi-grid']);
    const travel = new ScenarioTravel(engine, null);
    expect(Array.from(travel.pieceCounts('fi-lower'))).toEqual([1, 1]);
    // Cell (3, 3) lies in B's columns, away from A's columns 0–1: A's catchment would become 2 polygons.
    const exclave = { kind: 'assign-cells' as const, networkId: 'fi-lower', schoolId: 'A', cells: [[3, 3]] as [number, number][] };
    const refused = engine.apply(exclave);
    expect(!refused.ok && refused.problems.map((p) => p.code)).toEqual([DETACHES_PIECE]);
    expect(Array.from(travel.pieceCounts('fi-lower'))).toEqual([1, 1]);
    expect(engine.canUndo()).toBe(false);
    const ok = engine.apply(exclave, { allowFlagged: true });
    expect(ok.ok).toBe(true);
    expect(Array.from(travel.pieceCounts('fi-lower'))).toEqual([2, 1]);
    // The counts before any record stay beside (the map draws only pieces detached by edits).
    expect(Array.from(travel.basePieceCounts('fi-lower'))).toEqual([1, 1]);
    expect(travel.detachedUnits('fi-lower', 0).map((u) => engine.units.ids[u])).toHaveLength(1);
    // Column 2 joins A's main piece: the exclave at (3, 3) is then connected through (2, 3).
    expect(engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1], [2, 2], [2, 3]] }).ok).toBe(true);
    expect(Array.from(travel.pieceCounts('fi-lower'))).toEqual([1, 1]);
  });

  it('refuses handing children more than 5 km away unless confirmed', () => {
    const created = ScenarioEngine.create(strip(), presets['statfi-grid']);
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    const engine = created.value;
    new ScenarioTravel(engine, null);
    // Cells 17–31 belong to E. Cell 17's centre is at 17·250 + 125 = 4375 m from the west end, 4250 m from W: under 5 km.
    expect(engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'W', cells: [[16, 0], [17, 0]] }).ok).toBe(true);
    // Cell 21: 21·250 = 5250 m from W (strictly over 5 000 m).
    const far = engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'W', cells: [[18, 0], [19, 0], [20, 0], [21, 0]] });
    expect(!far.ok && far.problems.map((p) => p.code)).toEqual([FAR_UNITS]);
    expect(!far.ok && far.problems[0].message).toContain('1 unit(s)');
    expect(engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'W', cells: [[18, 0], [19, 0], [20, 0], [21, 0]] }, { allowFlagged: true }).ok).toBe(true);
  });
});
