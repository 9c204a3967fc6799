import { describe, expect, it } from 'vitest';
import { moveInGrid } from '../../../src/app/components/grid-navigation';

describe('moveInGrid', () => {
  // 5 schools (rows 0…4), 6 header columns.
  const at = (row: number, column = 0) => ({ row, column });
  it('moves by row and clamps to the header row and the last school', () => {
    expect(moveInGrid(at(0), 'ArrowDown', 5, 6)).toEqual(at(1));
    expect(moveInGrid(at(4), 'ArrowDown', 5, 6)).toEqual(at(4));
    expect(moveInGrid(at(0), 'ArrowUp', 5, 6)).toEqual(at(-1));
    expect(moveInGrid(at(-1), 'ArrowUp', 5, 6)).toEqual(at(-1));
  });
  it('pages and jumps within the schools only', () => {
    // PageDown from 1 with page 3 → 4; PageUp from 1 → max(0, −2) = 0; from the header PageDown → 2.
    expect(moveInGrid(at(1), 'PageDown', 5, 6, 3)).toEqual(at(4));
    expect(moveInGrid(at(1), 'PageUp', 5, 6, 3)).toEqual(at(0));
    expect(moveInGrid(at(-1), 'PageDown', 5, 6, 3)).toEqual(at(2));
    expect(moveInGrid(at(3), 'Home', 5, 6)).toEqual(at(0));
    expect(moveInGrid(at(-1), 'End', 5, 6)).toEqual(at(4));
  });
  it('left/right move between header columns only in the header row', () => {
    expect(moveInGrid(at(-1, 2), 'ArrowRight', 5, 6)).toEqual(at(-1, 3));
    expect(moveInGrid(at(-1, 5), 'ArrowRight', 5, 6)).toEqual(at(-1, 5));
    expect(moveInGrid(at(-1, 0), 'ArrowLeft', 5, 6)).toEqual(at(-1, 0));
    expect(moveInGrid(at(2, 1), 'ArrowLeft', 5, 6)).toBeNull();
    expect(moveInGrid(at(2), 'Enter', 5, 6)).toBeNull();
  });
});
