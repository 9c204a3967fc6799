import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignColours, bboxAdjacency, gridAdjacency, mergeAdjacency, outlineAdjacency } from '../../../src/app/map/catchment-palette';

describe('gridAdjacency', () => {
  it('links schools whose cells share an edge', () => {
    // Cells (col,row) → school:  (0,0)→0 (1,0)→1 (2,0)→1 (0,1)→2 ; (2,2)→0 is isolated.
    // Edges: (0,0)-(1,0): 0–1; (0,0)-(0,1): 0–2; (1,0)-(2,0): same school. (2,2) touches nothing.
    const col = Int32Array.from([0, 1, 2, 0, 2]);
    const row = Int32Array.from([0, 0, 0, 1, 2]);
    const school = Int32Array.from([0, 1, 1, 2, 0]);
    expect(gridAdjacency(col, row, school, 3)).toEqual([[1, 2], [0], [0]]);
  });
});

describe('assignColours', () => {
  it('gives neighbours different colours on a 4-cycle plus chord', () => {
    // 0–1, 1–2, 2–3, 3–0, 0–2: needs 3 colours.
    const adj = [[1, 2, 3], [0, 2], [0, 1, 3], [0, 2]];
    const c = assignColours(adj, 8);
    for (let a = 0; a < adj.length; a++) for (const b of adj[a]) expect(c[a]).not.toBe(c[b]);
  });

  it('keeps previous colours when they still fit', () => {
    const adj = [[1], [0], []];
    expect(Array.from(assignColours(adj, 8, [5, 2, 7]))).toEqual([5, 2, 7]);
  });

  it('never gives adjacent nodes the same colour when degree < palette size (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 30 }), (edges) => {
        const sets = Array.from({ length: 12 }, () => new Set<number>());
        for (const [a, b] of edges) if (a !== b && sets[a].size < 7 && sets[b].size < 7) {
          sets[a].add(b);
          sets[b].add(a);
        }
        const adj = sets.map((s) => [...s]);
        const c = assignColours(adj, 8);
        return adj.every((ns, a) => ns.every((b) => c[a] !== c[b]));
      }),
      { seed: 42 },
    );
  });
});

describe('bboxAdjacency', () => {
  it('links touching boxes and ignores empty ones', () => {
    // A [0,0,1,1] touches B [1,0,2,1]; C [5,5,6,6] is far; D empty.
    expect(bboxAdjacency([[0, 0, 1, 1], [1, 0, 2, 1], [5, 5, 6, 6], null], 0)).toEqual([[1], [0], [], []]);
  });
});

describe('outlineAdjacency', () => {
  it('joins catchments whose outlines share vertices, not ones far apart', () => {
    // A = 0..100 square, B = 100..200 (shares the x = 100 edge), C = 500..600 (400 m away).
    const sq = (x: number) => [[[[x, 0], [x + 100, 0], [x + 100, 100], [x, 100], [x, 0]]]];
    expect(outlineAdjacency([sq(0), sq(100), sq(500)], 10)).toEqual([[1], [0], []]);
  });
});

describe('mergeAdjacency', () => {
  it('unions the lists', () => {
    expect(mergeAdjacency([[1], [0], []], [[2], [], [0]])).toEqual([[1, 2], [0], [0]]);
  });
});

describe('adjacency of some schools only (what recolouring after an edit reads)', () => {
  it('fills the lists of the chosen schools exactly as the full computation does, on random grids and outlines', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 36, maxLength: 36 }), fc.subarray([0, 1, 2, 3, 4, 5]), (owners, only) => {
        // A 6 × 6 grid with some cells missing (every third) and some unowned (−1).
        const units = owners.map((s, i) => ({ s, c: i % 6, r: Math.floor(i / 6) })).filter((_, i) => i % 3 !== 2);
        const col = units.map((x) => x.c);
        const row = units.map((x) => x.r);
        const school = units.map((x) => x.s);
        const full = gridAdjacency(col, row, school, 6);
        const some = gridAdjacency(col, row, school, 6, only);
        for (const s of only) expect(some[s]).toEqual(full[s]);
        // Outlines: each school a square at a position from the owners, some touching.
        const sq = (k: number) => {
          const x = (owners[k] + 1) * 100;
          const y = (owners[k + 6] + 1) * 100;
          return [[[[x, y], [x + 100, y], [x + 100, y + 100], [x, y + 100], [x, y]]]];
        };
        const outlines = [0, 1, 2, 3, 4, 5].map(sq);
        const oFull = outlineAdjacency(outlines, 10);
        const oSome = outlineAdjacency(outlines, 10, only);
        for (const s of only) expect(oSome[s]).toEqual(oFull[s]);
        const boxes = outlines.map((o) => [o[0][0][0][0], o[0][0][0][1], o[0][0][2][0], o[0][0][2][1]] as [number, number, number, number]);
        const bFull = bboxAdjacency(boxes, 1);
        const bSome = bboxAdjacency(boxes, 1, only);
        for (const s of only) expect(bSome[s]).toEqual(bFull[s]);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
