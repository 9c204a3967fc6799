import { describe, expect, it } from 'vitest';
import { labelPriorities } from '../../../src/app/map/label-priority';

describe('labelPriorities', () => {
  it('ranks by area, largest first, evenly from 900 to −900; empty −1000', () => {
    // Areas 5, 20, 0, 10: ranked 1 (20), 3 (10), 0 (5); three ranks → 900, 0, −900.
    expect([...labelPriorities([5, 20, 0, 10], -1)]).toEqual([-900, 900, -1000, 0]);
  });
  it('gives the selected school 1000 and ranks the others without it', () => {
    // Selected 1 (largest) → 1000; others 3 (10) and 0 (5) → 900 and −900.
    expect([...labelPriorities([5, 20, 0, 10], 1)]).toEqual([-900, 1000, -1000, 900]);
  });
  it('breaks ties by index', () => {
    expect([...labelPriorities([7, 7], -1)]).toEqual([900, -900]);
  });
});
