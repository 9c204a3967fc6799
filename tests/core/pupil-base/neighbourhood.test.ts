import { describe, expect, it } from 'vitest';
import type { GridUnits } from '../../../src/core/model/units';
import { createNeighbourIndex, SharedNeighbourSums } from '../../../src/core/pupil-base/neighbourhood';

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

/** A 30 × 30 grid with about 70 % of its cells present (seeded), and the generator to go on with. */
function randomGrid(start: number) {
  let seed = start;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const cells: [number, number][] = [];
  for (let c = 0; c < 30; c++) for (let r = 0; r < 30; r++) if (rnd() < 0.7) cells.push([c, r]);
  return { rnd, cells, units: gridUnits(cells) };
}

describe('shared neighbourhood sums (several networks of one dataset)', () => {
  it('answer any targets outside the mask bit for bit as the index does, and refuse a target inside it', () => {
    const { rnd, cells, units } = randomGrid(11);
    // Fractions, so that a different order of additions would show in the last bits.
    const q1 = Float64Array.from(cells, () => rnd() * 37.3);
    const q2 = Float64Array.from(cells, () => rnd() * 0.017);
    const mask = Uint8Array.from(cells, () => (rnd() < 0.6 ? 1 : 0));
    const outside = cells.map((_, u) => u).filter((u) => !mask[u]);
    const shared = new SharedNeighbourSums(units, 750);
    // Three "networks" ask for different targets under the same key; the first computes, the others read.
    for (const keep of [0.9, 0.5, 0.2]) {
      const targets = outside.filter(() => rnd() < keep);
      const direct = createNeighbourIndex(units, 750).sumsAround([q1, q2], mask, targets);
      const read = shared.keyed('share x').sumsAround([q1, q2], mask, targets);
      expect(read.map((a) => Array.from(a))).toEqual(direct.map((a) => Array.from(a)));
    }
    const inside = cells.findIndex((_, u) => mask[u] === 1);
    expect(() => shared.keyed('share x').sumsAround([q1, q2], mask, [inside])).toThrow(/inside the mask/);
  });

  it('precomputes keys with equal masks in one pass, each answer bit for bit what the index gives for that key alone', () => {
    const { rnd, cells, units } = randomGrid(23);
    const column = (scale: number) => Float64Array.from(cells, () => rnd() * scale);
    const maskA = Uint8Array.from(cells, () => (rnd() < 0.6 ? 1 : 0));
    const maskB = Uint8Array.from(cells, () => (rnd() < 0.6 ? 1 : 0));
    const requests = [
      { key: 'a1', quantities: [column(3.1), column(0.7)], mask: maskA },
      { key: 'b', quantities: [column(11)], mask: maskB },
      // Equal to maskA but another array: grouped with a1 by content.
      { key: 'a2', quantities: [column(5), column(0.01), column(9)], mask: maskA.slice() },
    ];
    const shared = new SharedNeighbourSums(units, 750);
    let passes = 0;
    const index = (shared as unknown as { index: { sumsAround: (...a: unknown[]) => Float64Array[] } }).index;
    const pass = index.sumsAround.bind(index);
    index.sumsAround = (...a: unknown[]) => (passes++, pass(...a));
    shared.precompute(requests);
    expect(passes).toBe(2);
    for (const r of requests) {
      const targets = cells.map((_, u) => u).filter((u) => !r.mask[u] && rnd() < 0.5);
      const alone = createNeighbourIndex(units, 750).sumsAround(r.quantities, r.mask, targets);
      const read = shared.keyed(r.key).sumsAround(r.quantities, r.mask, targets);
      expect(read.map((a) => Array.from(a)), r.key).toEqual(alone.map((a) => Array.from(a)));
    }
    // Kept: asking again computes nothing.
    shared.precompute(requests);
    expect(passes).toBe(2);
  });
});
