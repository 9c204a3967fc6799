import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../src/app/map/label-placement';
import { sameMask } from '../../../src/core/model/masks';

const box = (x: number, y: number, priority: number, width = 100, height = 20) => ({ x, y, width, height, priority });

describe('placeLabels', () => {
  it('hides the lower-priority one of two overlapping labels', () => {
    // Centres 50 px apart, boxes 100 px wide: they overlap by 50 px. Priority 5 wins.
    expect([...placeLabels([box(0, 0, 1), box(50, 0, 5)], 0)]).toEqual([0, 1]);
  });
  it('keeps labels that only touch once padding is zero, and separates them with padding', () => {
    // Centres 100 px apart: edges meet at x = 50 (no overlap). With 2 px padding each box
    // grows to 104 px and they overlap by 4 px.
    expect([...placeLabels([box(0, 0, 1), box(100, 0, 0)], 0)]).toEqual([1, 1]);
    expect([...placeLabels([box(0, 0, 1), box(100, 0, 0)], 2)]).toEqual([1, 0]);
  });
  it('lets a hidden label not block others (chain A–B–C)', () => {
    // A (9) at 0, B (5) at 80, C (1) at 160: B overlaps both, C does not overlap A (160 ≥ 100).
    expect([...placeLabels([box(0, 0, 9), box(80, 0, 5), box(160, 0, 1)], 0)]).toEqual([1, 0, 1]);
  });
  it('hides labels without a position and breaks ties by index', () => {
    expect([...placeLabels([box(NaN, 0, 9), box(0, 0, 1), box(10, 0, 1)], 0)]).toEqual([0, 1, 0]);
  });
});

describe('sameMask', () => {
  it('compares contents', () => {
    expect(sameMask(new Uint8Array([1, 0]), new Uint8Array([1, 0]))).toBe(true);
    expect(sameMask(new Uint8Array([1, 0]), new Uint8Array([1, 1]))).toBe(false);
    expect(sameMask(null, new Uint8Array([1]))).toBe(false);
  });
});
