import { describe, expect, it } from 'vitest';
import { NetworkOverlay } from '../../../src/core/overlay/network-overlay';
import { aggregateSums, applyUnitChange } from '../../../src/core/overlay/school-sums';
import type { GridUnits, PolygonUnits } from '../../../src/core/model/units';
import type { Ring } from '../../../src/core/model/geometry-types';

const sq = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

/** 3×1 grid of 10 m cells; unit order: cells 2, 0, 1 (only populated cells are stored, in any order). */
const units: GridUnits = {
  kind: 'grid', count: 3, ids: ['c2', 'c0', 'c1'], attributes: { names: [], columns: {} },
  grid: { originX: 0, originY: 0, cellSize: 10, cols: 3, rows: 1 },
  col: Int32Array.from([2, 0, 1]), row: Int32Array.from([0, 0, 0]),
};

describe('NetworkOverlay on grid units', () => {
  // School 0: x∈[0,15]; school 1: x∈[15,25]. Cell 0 → {0:1}; cell 1 → {0:0.5, 1:0.5}; cell 2 (x 20–30) → {1:0.5}, half a gap.
  const ov = NetworkOverlay.build(units, { networkId: 'n', catchments: [[[sq(0, 0, 15, 10)]], [[sq(15, 0, 25, 10)]]] });

  it('weights are area fractions', () => {
    expect(ov.entries(1)).toEqual({ schools: [0], weights: [1] });
    expect(ov.entries(2)).toEqual({ schools: [0, 1], weights: [0.5, 0.5] });
    expect(ov.entries(0)).toEqual({ schools: [1], weights: [0.5] });
    expect(ov.covered(2)).toBe(1);
    expect(ov.covered(0)).toBe(0.5);
  });

  it('gap and overlap report', () => {
    // people: unit0 (cell 2) 8 → gap 0.5·8 = 4; after setting unit1 to 1.25 → overlap 0.25·4 = 1.
    const c = ov.clone();
    c.setUnit(1, [0, 1], [1, 0.25]);
    expect(c.gapOverlapReport(Float64Array.from([8, 4, 2]))).toEqual({ gapUnits: 1, gapPeople: 4, overlapUnits: 1, overlapPeople: 1 });
    expect(ov.covered(1)).toBe(1); // the clone is independent
  });

  it('aggregateSums and the incremental update agree with hand sums', () => {
    // matrix rows (width 2): unit0 [8, 1], unit1 [4, 2], unit2 [2, 6].
    const m = Float64Array.from([8, 1, 4, 2, 2, 6]);
    const sums = aggregateSums(ov, m, 2);
    // school 0: 1·[4,2] + 0.5·[2,6] = [5, 5]; school 1: 0.5·[8,1] + 0.5·[2,6] = [5, 3.5].
    expect(Array.from(sums)).toEqual([5, 5, 5, 3.5]);
    // Move unit2 wholly to school 1: school 0 loses 0.5·[2,6] → [4,2]; school 1 gains it → [6, 6.5].
    applyUnitChange(sums, m, 2, 2, { schools: [0, 1], weights: [0.5, 0.5] }, { schools: [1], weights: [1] });
    expect(Array.from(sums)).toEqual([4, 2, 6, 6.5]);
  });
});

describe('NetworkOverlay on polygon units', () => {
  it('uses intersection areas', () => {
    const pu: PolygonUnits = {
      kind: 'polygons', count: 2, ids: ['a', 'b'], attributes: { names: [], columns: {} },
      geometries: [[[sq(0, 0, 10, 10)]], [[sq(10, 0, 30, 10)]]],
      bboxes: [[0, 0, 10, 10], [10, 0, 30, 10]],
      areas: Float64Array.from([100, 200]),
    };
    // Catchment x∈[5,15]: unit a holds 5×10 of 100 → 0.5; unit b holds 5×10 of 200 → 0.25.
    const ov = NetworkOverlay.build(pu, { networkId: 'n', catchments: [[[sq(5, 0, 15, 10)]]] });
    expect(ov.entries(0)).toEqual({ schools: [0], weights: [0.5] });
    expect(ov.entries(1)).toEqual({ schools: [0], weights: [0.25] });
  });
});
