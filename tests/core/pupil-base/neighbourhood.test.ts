import { describe, expect, it } from 'vitest';
import type { GridUnits } from '../../../src/core/model/units';
import { createNeighbourIndex } from '../../../src/core/pupil-base/neighbourhood';

/** Sparse grid units at the given cells, in the given (unsorted) order. */
function gridUnits(cells: [number, number][]): GridUnits {
  return {
    kind: 'grid',
    count: cells.length,
    ids: cells.map((_, i) => String(i)),
    attributes: { names: [], columns: {} },
    grid: { originX: 0, originY: 0, cellSize: 250, cols: 40, rows: 40 },
    col: Int32Array.from(cells, (c) => c[0]),
    row: Int32Array.from(cells, (c) => c[1]),
  };
}

describe('grid neighbourhood sums', () => {
  it('sums the cells whose centres are within the radius', () => {
    // Radius 500 m = 2 cells: offsets with dx² + dy² ≤ 4, i.e. 13 cells. Around (5, 5):
    // (5,5) itself, (7,5) and (5,3) (distance 2), (6,6) (√2); (7,6) is √5 > 2 away: left out.
    const units = gridUnits([[7, 6], [5, 5], [7, 5], [5, 3], [6, 6], [20, 20]]);
    const q = Float64Array.of(1000, 1, 10, 100, 10000, 5);
    const mask = Uint8Array.of(1, 1, 1, 1, 1, 1);
    const [s] = createNeighbourIndex(units, 500).sumsAround([q], mask, [1, 5]);
    // (5,5): 1 + 10 + 100 + 10000 = 10111; (20,20): only itself = 5
    expect(Array.from(s)).toEqual([10111, 5]);
  });

  it('skips masked-out units and agrees with brute force on a random sparse grid', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const taken = new Set<string>();
    const cells: [number, number][] = [];
    while (cells.length < 600) {
      const c: [number, number] = [Math.floor(rnd() * 40), Math.floor(rnd() * 40)];
      if (taken.has(c.join())) continue;
      taken.add(c.join());
      cells.push(c);
    }
    const units = gridUnits(cells);
    const q = Float64Array.from(cells, () => Math.floor(rnd() * 50));
    const mask = Uint8Array.from(cells, () => (rnd() < 0.8 ? 1 : 0));
    const targets = Array.from({ length: 600 }, (_, i) => i).filter(() => rnd() < 0.3).reverse();
    const radius = 1000;
    const [s] = createNeighbourIndex(units, radius).sumsAround([q], mask, targets);
    targets.forEach((t, i) => {
      let expected = 0;
      cells.forEach(([c, r], v) => {
        const d2 = ((c - cells[t][0]) * 250) ** 2 + ((r - cells[t][1]) * 250) ** 2;
        if (mask[v] && d2 <= radius * radius) expected += q[v];
      });
      expect(s[i]).toBe(expected);
    });
  });
});
