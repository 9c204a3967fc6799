import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignColours } from '../../../src/app/map/catchment-palette';
import { CatchmentColourMemory, clashingNodes, fingerprint, recolourChanged } from '../../../src/app/map/catchment-colour-memory';

/** Symmetric adjacency lists from an edge list. */
function graph(n: number, edges: [number, number][]): number[][] {
  const sets = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of edges) {
    sets[a].add(b);
    sets[b].add(a);
  }
  return sets.map((s) => [...s].sort((x, y) => x - y));
}

describe('recolourChanged', () => {
  it('recolours only the changed node when an edit makes it touch a same-coloured school', () => {
    // Path 0–1–2–3 coloured 0,1,0,1 with a 3-colour palette. The edit changes school 3 and
    // makes it touch 0 as well (edge 3–0). 3's neighbours 2 and 0 both have colour 0, so 3's
    // colour 1 is still free → nothing moves.
    const before = [0, 1, 0, 1];
    const after = graph(4, [[0, 1], [1, 2], [2, 3], [3, 0]]);
    expect(Array.from(recolourChanged(before, after, 3, [3]))).toEqual([0, 1, 0, 1]);
    // Now 3 grows to touch 1 (colour 1, same as 3): 3's neighbours 0,1,2 use colours 0,1,0,
    // so the least used is 2 (unused). Only school 3 changes.
    const touching1 = graph(4, [[0, 1], [1, 2], [2, 3], [3, 1]]);
    expect(Array.from(recolourChanged(before, touching1, 3, [3]))).toEqual([0, 1, 0, 2]);
  });

  it('leaves an untouched clash alone (the old greedy repaint moved far-away schools)', () => {
    // Star: 0 is adjacent to 1..4; 1..4 coloured 0..3, 0 coloured 3 clashes with 4 (palette 4:
    // unavoidable). An edit changes school 5, which touches nobody. Everything keeps its colour;
    // the old full repaint (assignColours) recoloured school 0 and 4's neighbourhood.
    const adj = graph(6, [[0, 1], [0, 2], [0, 3], [0, 4]]);
    const before = [3, 0, 1, 2, 3, 1];
    expect(Array.from(recolourChanged(before, adj, 4, [5]))).toEqual(before);
    expect(Array.from(assignColours(adj, 4, before))).not.toEqual(before);
  });

  it('settles changed nodes highest degree first; unsettled ones do not block', () => {
    // Triangle 0–1–2, all three changed, all previously colour 0, palette 3.
    // Degrees equal → order 0,1,2: 0 keeps 0; 1 sees {0} → least used is 1; 2 sees {0,1} → 2.
    const adj = graph(3, [[0, 1], [1, 2], [0, 2]]);
    expect(Array.from(recolourChanged([0, 0, 0], adj, 3, [0, 1, 2]))).toEqual([0, 1, 2]);
  });

  it('never changes a node outside `changed` (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 25 }),
        fc.array(fc.integer({ min: -1, max: 7 }), { minLength: 10, maxLength: 10 }),
        fc.array(fc.nat(9), { maxLength: 4 }),
        (edges, previous, changed) => {
          const adj = graph(10, edges.filter(([a, b]) => a !== b) as [number, number][]);
          const next = recolourChanged(previous, adj, 8, changed);
          return previous.every((c, i) => changed.includes(i) || next[i] === (c >= 0 ? c : -1));
        },
      ),
      { seed: 7 },
    );
  });
});

describe('clashingNodes', () => {
  it('lists the lower node of each clash and nodes without colour', () => {
    // 0–1 both colour 2 → 0; 2 has −1 → 2; 3–4 differ.
    expect(clashingNodes([2, 2, -1, 0, 1], graph(5, [[0, 1], [3, 4]]))).toEqual([0, 2]);
  });
});

describe('CatchmentColourMemory', () => {
  const adj0 = graph(4, [[0, 1], [1, 2], [2, 3]]);
  const start = () => [0, 1, 0, 1];

  it('restores the colours of a state seen before exactly (undo), and of the edited one (redo)', () => {
    const memory = new CatchmentColourMemory(3);
    const s0 = Int32Array.from([0, 1, 2, 3]);
    const c0 = Array.from(memory.colours('n', s0, adj0, null, start));
    expect(c0).toEqual([0, 1, 0, 1]);
    // Edit: school 3 takes a unit and now touches 1 (colour clash) → 3 becomes colour 2.
    const s1 = Int32Array.from([0, 1, 2, 3, 3]);
    const adj1 = graph(4, [[0, 1], [1, 2], [2, 3], [1, 3]]);
    const c1 = Array.from(memory.colours('n', s1, adj1, [3], start));
    expect(c1).toEqual([0, 1, 0, 2]);
    // Undo: the unit state equals s0 again; undo reports school 3 changed, yet the colours are c0's.
    expect(Array.from(memory.colours('n', s0, adj0, [3], start))).toEqual(c0);
    expect(Array.from(memory.colours('n', s1, adj1, [3], start))).toEqual(c1);
  });

  it('a full snapshot repaints only clashing schools', () => {
    const memory = new CatchmentColourMemory(3);
    // Start colours clash on 0–1 (both 0); 2 and 3 fine. Only 0 may move: neighbours {1:0} → 1.
    const c = memory.colours('n', Int32Array.from([9]), graph(4, [[0, 1], [2, 3]]), null, () => [0, 0, 1, 2]);
    expect(Array.from(c)).toEqual([1, 0, 1, 2]);
  });

  it('fingerprint tells states apart', () => {
    expect(fingerprint([1, 2, 3])).not.toBe(fingerprint([1, 3, 2]));
    expect(fingerprint([1, 2, 3])).toBe(fingerprint(Int32Array.from([1, 2, 3])));
  });
});
