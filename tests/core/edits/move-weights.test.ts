import { describe, expect, it } from 'vitest';
import { WeightMover } from '../../../src/core/edits/move-weights';
import { updateSumsRows } from '../../../src/core/edits/update-sums-rows';
import { NetworkOverlay } from '../../../src/core/overlay/network-overlay';
import { aggregateSums } from '../../../src/core/overlay/school-sums';
import type { GridUnits } from '../../../src/core/model/units';
import type { Ring } from '../../../src/core/model/geometry-types';

const sq = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** 3×1 grid of 10 m cells; unit order: cells 2, 0, 1. */
const units: GridUnits = {
  kind: 'grid', count: 3, ids: ['c2', 'c0', 'c1'], attributes: { names: [], columns: {} },
  grid: { originX: 0, originY: 0, cellSize: 10, cols: 3, rows: 1 },
  col: Int32Array.from([2, 0, 1]), row: Int32Array.from([0, 0, 0]),
};

describe('WeightMover and updateSumsRows', () => {
  // School 0: x∈[0,15]; school 1: x∈[15,25]. Unit 1 (cell 0) → {0:1}; unit 2 (cell 1) → {0:0.5, 1:0.5}; unit 0 (cell 2) → {1:0.5}.
  const ov = NetworkOverlay.build(units, { networkId: 'n', catchments: [[[sq(0, 0, 15, 10)]], [[sq(15, 0, 25, 10)]]] });

  it('moves the covered fraction from the loser to the target, unit by unit', () => {
    // Transfer x∈[5,15] from school 0 to 1: cell 0 holds x 5–10 → 0.5; cell 1 holds x 10–15 → 0.5.
    // Unit 1: {0: 1 − 0.5, 1: 0.5}; unit 2: school 0 keeps 0.5 − 0.5 = 0 (dropped), school 1 gets 0.5 + 0.5 = 1.
    const mv = new WeightMover(units.count).compute(ov, 1, [{ from: 0, area: [[sq(5, 0, 15, 10)]] }]);
    expect(Array.from(mv.units)).toEqual([1, 2]);
    expect(Array.from(mv.before.start)).toEqual([0, 1, 3]);
    expect(Array.from(mv.before.schools)).toEqual([0, 0, 1]);
    expect(Array.from(mv.before.weights)).toEqual([1, 0.5, 0.5]);
    expect(Array.from(mv.after.start)).toEqual([0, 2, 3]);
    expect(Array.from(mv.after.schools)).toEqual([0, 1, 1]);
    expect(Array.from(mv.after.weights)).toEqual([0.5, 0.5, 1]);

    // Sums (width 2; rows unit0 [8,1], unit1 [4,2], unit2 [2,6]): school 0 = 1·[4,2] + 0.5·[2,6] = [5,5];
    // school 1 = 0.5·[8,1] + 0.5·[2,6] = [5,3.5]. The move shifts 0.5·[4,2] = [2,1] and 0.5·[2,6] = [1,3]
    // from school 0 to 1: school 0 → [2, 1], school 1 → [8, 7.5].
    const m = Float64Array.from([8, 1, 4, 2, 2, 6]);
    const rows = aggregateSums(ov, m, 2);
    expect(Array.from(rows)).toEqual([5, 5, 5, 3.5]);
    const rowOf = new Int32Array(2).fill(-1);
    updateSumsRows(rows, m, 2, mv.units, mv.before, mv.after, [0, 1], rowOf);
    expect(Array.from(rows)).toEqual([2, 1, 8, 7.5]);
    expect(Array.from(rowOf)).toEqual([-1, -1]);
  });

  it('moves nothing where the loser holds nothing, and can be reused', () => {
    const mover = new WeightMover(units.count);
    // x∈[20,30] is cell 2 (unit 0), held only by school 1: moving from school 0 changes nothing there.
    const mv = mover.compute(ov, 1, [{ from: 0, area: [[sq(20, 0, 30, 10)]] }]);
    expect(Array.from(mv.units)).toEqual([0]);
    expect(Array.from(mv.after.schools)).toEqual([1]);
    expect(Array.from(mv.after.weights)).toEqual([0.5]);
    const again = mover.compute(ov, 0, [{ from: 1, area: [[sq(20, 0, 30, 10)]] }]);
    // School 1's 0.5 in cell 2 moves whole to school 0.
    expect(Array.from(again.after.schools)).toEqual([0]);
    expect(Array.from(again.after.weights)).toEqual([0.5]);
  });
});
