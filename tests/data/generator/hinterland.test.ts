import { describe, expect, it } from 'vitest';
import { borderReach, roadDistance } from '../../../data/generator/hinterland';
import type { Landscape } from '../../../data/generator/landscape';

describe('hinterland geometry', () => {
  it('measures the distance to the nearest road segment', () => {
    const roads = [
      { x0: 0, y0: 0, x1: 1000, y1: 0 },
      { x0: 2000, y0: 0, x1: 2000, y1: 1000 },
    ];
    // (500, 300): foot of the perpendicular on the first road at (500, 0) → 300 m.
    expect(roadDistance(roads, 500, 300)).toBe(300);
    // (1300, 400): past the first road's end (1000, 0) → hypot(300, 400) = 500 m;
    // to the second road, foot (2000, 400) → 700 m. Nearest: 500 m.
    expect(roadDistance(roads, 1300, 400)).toBe(500);
  });

  it('finds how far the municipality reaches along a ray, in 250 m steps', () => {
    // 100 × 1 pixels of 50 m from x = 0: municipality in columns 0–39 (x < 2000 m).
    const municipality = new Uint8Array(100);
    municipality.fill(1, 0, 40);
    const ls = { w: 100, h: 1, pixel: 50, originX: 0, originY: 0, municipality } as unknown as Landscape;
    // From (25, 25) eastwards: 250, 500, … 1750 m lie at x ≤ 1775 (inside); 2000 m at x = 2025 is outside.
    expect(borderReach(ls, 25, 25, 0)).toBe(1750);
  });
});
