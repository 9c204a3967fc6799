/**
 * Pieces of a catchment counted on its units, worked by hand: shared edges join, a shared corner
 * does not; with the street option a street through empty land joins, one through another
 * school's unit does not.
 */
import { describe, expect, it } from 'vitest';
import { resolveTravelSettings } from '../../../src/core/config/travel-settings';
import type { GridUnits, PolygonUnits } from '../../../src/core/model/units';
import { schoolPieces, unitAdjacency } from '../../../src/core/travel/catchment-pieces';
import { StreetNetwork } from '../../../src/core/travel/street-network';

/** Grid units of 100 m at the given (col, row) cells, origin (0, 0). */
function grid(cells: [number, number][]): GridUnits {
  return {
    kind: 'grid', count: cells.length, ids: cells.map(String), attributes: { names: [], columns: {} },
    grid: { originX: 0, originY: 0, cellSize: 100, cols: 5, rows: 5 },
    col: Int32Array.from(cells, (c) => c[0]), row: Int32Array.from(cells, (c) => c[1]),
  };
}
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('catchment pieces', () => {
  it('grid: cells side by side join, cells touching at a corner do not', () => {
    // Units 0 (0,0), 1 (1,0), 2 (1,1), 3 (2,2): 0–1 share an edge, 1–2 share an edge, 2–3 only a corner.
    const units = grid([[0, 0], [1, 0], [1, 1], [2, 2]]);
    const g = unitAdjacency(units);
    expect(schoolPieces(g, Int32Array.of(0, 0, 0, 0), 0, all(4)).count).toBe(2);
    // Unit 1 to another school: 0 alone, 2 alone (corner with 0), 3 alone (corner with 2) → 3 pieces.
    expect(schoolPieces(g, Int32Array.of(0, 1, 0, 0), 0, all(4)).count).toBe(3);
  });

  it('polygon units: a common boundary segment joins, a common corner does not', () => {
    const sq = (x: number, y: number) => [[[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]]] as [number, number][][][];
    const geometries = [sq(0, 0), sq(1, 0), sq(2, 1)];
    const units = { kind: 'polygons', count: 3, ids: ['a', 'b', 'c'], attributes: { names: [], columns: {} }, geometries, bboxes: [], areas: new Float64Array(3) } as unknown as PolygonUnits;
    const g = unitAdjacency(units);
    // a–b share the segment x = 1, 0 ≤ y ≤ 1; b–c share only the point (2, 1).
    expect(schoolPieces(g, Int32Array.of(0, 0, 0), 0, all(3)).count).toBe(2);
  });

  it('through the street network: a street across empty land joins, one through another school does not', () => {
    // Cells (0,0), (2,0) of school 0; cell (1,0) is empty land (no unit), then a unit of school 1.
    const units = grid([[0, 0], [2, 0]]);
    const points = Float64Array.of(50, 50, 250, 50);
    const links = { count: 1, linkStart: Int32Array.of(0, 3), xy: Float64Array.of(50, 50, 150, 50, 250, 50), feature: Int32Array.of(0) };
    const net = StreetNetwork.fromLinks(links, points, resolveTravelSettings(undefined));
    const g = unitAdjacency(units);
    const owner = Int32Array.of(0, 0);
    const emptyMiddle = (x: number) => (x < 100 ? 0 : x >= 200 ? 1 : -1);
    expect(schoolPieces(g, owner, 0, all(2)).count).toBe(2);
    expect(schoolPieces(g, owner, 0, all(2), { net, unitAt: emptyMiddle }).count).toBe(1);
    // The middle node (150, 50) in a unit of school 1: the street passes through another catchment.
    const withOther = grid([[0, 0], [2, 0], [1, 0]]);
    const owner3 = Int32Array.of(0, 0, 1);
    const net3 = StreetNetwork.fromLinks(links, Float64Array.of(50, 50, 250, 50, 150, 50), resolveTravelSettings(undefined));
    const at3 = (x: number) => (x < 100 ? 0 : x >= 200 ? 1 : 2);
    expect(schoolPieces(unitAdjacency(withOther), owner3, 0, all(3), { net: net3, unitAt: at3 }).count).toBe(2);
  });
});

describe('catchment pieces in a scenario (Tiny City)', () => {
  it("'units': an edit cutting the cells of B into two groups is a new piece, refused unless confirmed", async () => {
    const { ScenarioEngine } = await import('../../../src/core/scenario/scenario-engine');
    const { ScenarioTravel } = await import('../../../src/core/travel/scenario-travel');
    const { presets } = await import('../../../src/core/config/presets');
    const { loadFixtureBundle } = await import('../../helpers/load-fixture-bundle');
    const dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
    const engine = new ScenarioEngine(dataset, { ...presets['statfi-grid'], travel: { pieces: 'units' } });
    const travel = new ScenarioTravel(engine, null);
    expect(Array.from(travel.pieceCounts('fi-lower'))).toEqual([1, 1]);
    // B holds columns 2–3 (cells (col,row)). Giving A (2,1), (3,1), (2,2) leaves B {(2,0), (3,0)} and
    // {(3,2), (2,3), (3,3)}: within each group cells share edges, between them none → 2 pieces.
    const r = engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 1], [3, 1], [2, 2]] }, { allowFlagged: true });
    expect(r.ok).toBe(true);
    expect(Array.from(travel.pieceCounts('fi-lower'))).toEqual([1, 2]);
    // Flagged without allowFlagged: the same edit after an undo is refused with the piece objection.
    engine.undo();
    const refused = engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 1], [3, 1], [2, 2]] });
    expect(!refused.ok && refused.problems.map((p) => p.code)).toContain('edit-detaches-piece');
  });
});
