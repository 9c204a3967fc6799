import { describe, expect, it } from 'vitest';
import { changedFlags, unitRowRanges, unitRowStarts } from '../../../src/app/map/partial-update';

describe('unitRowStarts', () => {
  it('gives each unit its rows', () => {
    // Rows: unit 0 has 1 row, unit 1 none, unit 2 three rows, unit 3 one row → starts 0,1,1,4,5.
    expect([...unitRowStarts([0, 2, 2, 2, 3], 4)]).toEqual([0, 1, 1, 4, 5]);
  });
});

describe('unitRowRanges', () => {
  const starts = unitRowStarts([0, 1, 2, 2, 3, 4, 5, 6], 7); // 0,1,2,4,5,6,7,8
  it('merges adjacent units into one range and sorts', () => {
    // Units 3 → [4,5), 2 → [2,4), 6 → [7,8): 2 and 3 touch → [2,5); then [7,8).
    expect(unitRowRanges([3, 6, 2], starts)).toEqual([[2, 5], [7, 8]]);
  });
  it('joins ranges closer than the gap', () => {
    // [2,4) and [7,8) are 3 rows apart: joined with gap 3, not with gap 2.
    expect(unitRowRanges([2, 6], starts, 3)).toEqual([[2, 8]]);
    expect(unitRowRanges([2, 6], starts, 2)).toEqual([[2, 4], [7, 8]]);
  });
  it('ignores units out of range or without rows', () => {
    expect(unitRowRanges([-1, 99], starts)).toEqual([]);
    expect(unitRowRanges([1], unitRowStarts([0, 2], 3))).toEqual([]);
  });
});

describe('changedFlags', () => {
  it('lists the units whose flag differs', () => {
    expect(changedFlags([0, 1, 0, 1], [0, 0, 1, 1])).toEqual([1, 2]);
  });
});
