import { describe, expect, it } from 'vitest';
import { mergeSnapshot } from '../../../src/app/stores/network-view';
import type { NetworkSnapshot } from '../../../src/app/workers/engine-protocol';

const square = (x: number) => [[[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]] as [number, number][][][];

function snap(catchments: NetworkSnapshot['catchments'], complete: boolean): NetworkSnapshot {
  return { networkId: 'n', catchments, labelPoints: {}, complete, unitSchool: new Int32Array(), unitChanged: new Uint8Array() } as unknown as NetworkSnapshot;
}

describe('mergeSnapshot', () => {
  it('keeps untouched catchments by reference and replaces changed ones', () => {
    const first = mergeSnapshot(undefined, snap({ 0: square(0), 1: square(1), 2: square(2) }, true), 3);
    const changed = square(9);
    const second = mergeSnapshot(first, snap({ 1: changed }, false), 3);
    expect(second.catchments).not.toBe(first.catchments);
    expect(second.catchments[0]).toBe(first.catchments[0]);
    expect(second.catchments[2]).toBe(first.catchments[2]);
    expect(second.catchments[1]).toBe(changed);
    expect(second.version).toBe(2);
  });
  it('fills missing catchments with empty ones in a complete snapshot', () => {
    const v = mergeSnapshot(undefined, snap({ 1: square(1) }, true), 2);
    expect(v.catchments[0]).toEqual([]);
    expect(v.labelPoints).toEqual([null, null]);
  });
});

describe('mergeSnapshot lastChange', () => {
  it('records the changed units and schools of an edit and the previous figures', () => {
    const first = mergeSnapshot(undefined, snap({ 0: square(0), 1: square(1) }, true), 2);
    expect(first.lastChange).toBeNull();
    const units = new Int32Array([4, 5]);
    const second = mergeSnapshot(first, snap({ 1: square(3) }, false), 2, { units, schools: [1] });
    expect(second.lastChange?.previous).toBe(first.indicators);
    expect(second.lastChange?.units).toBe(units);
    expect(second.lastChange?.schools).toEqual([1]);
  });
});
