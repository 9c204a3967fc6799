import { describe, expect, it } from 'vitest';
import { ChangedCellsState } from '../../../src/app/map/layers/changed-cells-layer';
import type { UnitDisplay } from '../../../src/app/workers/engine-protocol';

// Four units, one layer row each.
const units = { count: 4, objectUnit: new Uint32Array([0, 1, 2, 3]) } as unknown as UnitDisplay;

describe('ChangedCellsState', () => {
  it('starts with a full update, then updates only the rows of the changed units', () => {
    const s = new ChangedCellsState();
    const first = new Uint8Array(4);
    s.track(units, first, null);
    expect(s.generation).toBe(1);
    expect(s.partial).toBeNull();
    const second = new Uint8Array([0, 1, 1, 0]);
    s.track(units, second, { from: first, units: new Int32Array([2, 1]) });
    // Units 1 and 2 → rows [1, 3); no full update.
    expect(s.generation).toBe(1);
    expect(s.partial?.ranges).toEqual([[1, 3]]);
  });
  it('falls back to a full update when the delta is not from the drawn array', () => {
    const s = new ChangedCellsState();
    s.track(units, new Uint8Array(4), null);
    s.track(units, new Uint8Array(4), { from: new Uint8Array(4), units: new Int32Array([0]) });
    expect(s.generation).toBe(2);
    expect(s.partial).toBeNull();
  });
  it('does nothing when the same array comes again', () => {
    const s = new ChangedCellsState();
    const flags = new Uint8Array(4);
    s.track(units, flags, null);
    s.track(units, flags, null);
    expect(s.generation).toBe(1);
  });
});
