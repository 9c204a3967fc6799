/** The years charts' geometry (app/time/line-chart-geometry.ts), values worked by hand. */
import { describe, expect, it } from 'vitest';
import { chartScales, linePath, niceTicks, type ChartBox } from '../../../src/app/time/line-chart-geometry';

describe('line chart geometry', () => {
  it('picks round ticks covering the range', () => {
    // 0…180 in ~4 steps: raw 45 → step 50 → 0, 50, 100, 150, 200.
    expect(niceTicks(0, 180)).toEqual([0, 50, 100, 150, 200]);
    // 0.21…0.33: raw 0.03 → step 0.05 → 0.2, 0.25, 0.3, 0.35.
    expect(niceTicks(0.21, 0.33)).toEqual([0.2, 0.25, 0.3, 0.35]);
    // A flat series still gets an axis: 0…1 → step 0.25.
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('maps years and values into the plot and breaks the line at a hidden value', () => {
    // Plot 100 × 100 from (10, 0): x(i) = 10 + 50 i for 3 years; y axis 0…200 (ticks of 0…180) → y(v) = 100 − v/2.
    const box: ChartBox = { width: 110, height: 110, left: 10, right: 0, top: 0, bottom: 10 };
    const s = chartScales(3, [[100, null, 180]], box);
    expect(s.yTicks).toEqual([0, 50, 100, 150, 200]);
    expect([s.x(0), s.x(1), s.x(2)]).toEqual([10, 60, 110]);
    expect(s.y(100)).toBe(50);
    expect(linePath([100, null, 180], s)).toBe('M10,50M110,10');
    expect(linePath([100, 150, 180], s)).toBe('M10,50L60,25L110,10');
  });
});
