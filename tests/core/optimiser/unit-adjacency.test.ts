/** Unit adjacency and catchment pieces on hand-drawn layouts. */
import { describe, expect, it } from 'vitest';
import type { GridUnits, PolygonUnits } from '../../../src/core/model/units';
import { ConnectivityChecker, countPieces } from '../../../src/core/optimiser/catchment-connectivity';
import { unitAdjacency } from '../../../src/core/optimiser/unit-adjacency';

function grid(cells: [number, number][]): GridUnits {
  return {
    kind: 'grid', count: cells.length, ids: cells.map((c) => c.join(',')), attributes: { names: [], columns: {} },
    grid: { originX: 0, originY: 0, cellSize: 250, cols: 10, rows: 10 },
    col: Int32Array.from(cells, (c) => c[0]), row: Int32Array.from(cells, (c) => c[1]),
  };
}

const neighbours = (adj: ReturnType<typeof unitAdjacency>, u: number) => Array.from(adj.neighbours.subarray(adj.offsets[u], adj.offsets[u + 1]));

describe('unit adjacency', () => {
  it('grid: four shared edges; a corner does not connect; missing cells are skipped', () => {
    // Cells: 0 (1,1), 1 (2,1) east of 0, 2 (1,2) north of 0, 3 (2,2) diagonal... no: (2,2) touches 1 and 2; 4 (3,3) touches 3 only at a corner.
    const adj = unitAdjacency(grid([[1, 1], [2, 1], [1, 2], [2, 2], [3, 3]]));
    expect(neighbours(adj, 0)).toEqual([1, 2]);
    expect(neighbours(adj, 3)).toEqual([1, 2]);
    expect(neighbours(adj, 4)).toEqual([]);
  });

  it('polygons: a shared edge (also partly shared, T-junction) connects, a shared corner does not', () => {
    const sq = (x0: number, y0: number, x1: number, y1: number) => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]] as [number, number][][][];
    // A = [0,10]², B = [10,20]×[0,5] shares half of A's east edge (no common vertex at (10,5) on A),
    // C = [10,20]×[10,20] touches A only at the corner (10,10).
    const geometries = [sq(0, 0, 10, 10), sq(10, 0, 20, 5), sq(10, 10, 20, 20)];
    const units: PolygonUnits = {
      kind: 'polygons', count: 3, ids: ['A', 'B', 'C'], attributes: { names: [], columns: {} },
      geometries, bboxes: [[0, 0, 10, 10], [10, 0, 20, 5], [10, 10, 20, 20]], areas: Float64Array.from([100, 50, 100]),
    };
    const adj = unitAdjacency(units);
    expect(neighbours(adj, 0)).toEqual([1]);
    expect(neighbours(adj, 1)).toEqual([0]);
    expect(neighbours(adj, 2)).toEqual([]);
  });

  it('pieces and the split check on a ring of cells', () => {
    // A 3×3 block without its centre: a ring of 8 cells, all in school 0. Cell (0,2) removed
    // keeps the ring in one piece; removing (0,1) too splits nothing either (a path), but then
    // removing (2,1) splits the path into two pieces.
    const cells: [number, number][] = [[0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [1, 2], [0, 2], [0, 1]];
    const adj = unitAdjacency(grid(cells));
    const inSchool = new Set(cells.map((_, i) => i));
    const member = (u: number, s: number) => s === 0 && inSchool.has(u);
    const checker = new ConnectivityChecker(adj);
    expect(checker.staysConnected(6, 0, member)).toBe(true);
    inSchool.delete(6);
    expect(checker.staysConnected(7, 0, member)).toBe(true);
    expect(checker.staysConnected(3, 0, member)).toBe(false);
    expect(countPieces(adj, 1, (u) => (inSchool.has(u) ? [0] : []))).toEqual([1]);
    inSchool.delete(3);
    expect(countPieces(adj, 1, (u) => (inSchool.has(u) ? [0] : []))).toEqual([2]);
  });
});
