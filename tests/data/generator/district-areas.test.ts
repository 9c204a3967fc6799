import { describe, expect, it } from 'vitest';
import { districtAreas, districtLabels } from '../../../data/generator/district-areas';
import type { District } from '../../../data/generator/districts';
import type { Landscape } from '../../../data/generator/landscape';
import { multiPolygonArea } from '../../../src/core/geometry/area';

// One row of seven 250 m pixels from x = 0 (pixel centres 125, 375, …, 1625; y centre 125):
// land, land, lake, land, land, land, land.
const ls: Landscape = {
  w: 7,
  h: 1,
  pixel: 250,
  originX: 0,
  originY: 0,
  municipality: Uint8Array.from([1, 1, 1, 1, 1, 1, 1]),
  sea: new Uint8Array(7),
  lakeId: Int16Array.from([-1, -1, 0, -1, -1, -1, -1]),
  lakeNames: ['Lake'],
  centre: [0, 0],
};
const district = (name: string, x: number, radius: number): District => ({ name, genitive: name, kind: 'owner', x, y: 125, radius, peak: 1, disadvantage: 0, swedish: 0 });
// "A" twice (a church village and its core share a name), "B" between them.
const districts = [district('A', 125, 200), district('B', 875, 300), district('A', 1375, 100)];

describe('district areas of the sample city', () => {
  it('gives each land pixel the district nearest relative to its radius, within two radii', () => {
    const { labels, names } = districtLabels(ls, ls, districts);
    expect(names).toEqual(['A', 'B']);
    // Distance / radius per pixel (A1 at 125 r 200, B at 875 r 300, A2 at 1375 r 100):
    //   125: A1 0          → A
    //   375: A1 250/200 = 1.25, B 500/300 = 1.67 → A
    //   625: lake          → none
    //   875: B 0           → B
    //  1125: B 250/300 = 0.83, A2 250/100 = 2.5 → B
    //  1375: A2 0          → A
    //  1625: B 750/300 = 2.5, A2 2.5, A1 7.5: all ≥ 2 → none (open countryside)
    expect(Array.from(labels)).toEqual([0, 0, -1, 1, 1, 0, -1]);
  });

  it('traces one area per name: A = 3 pixels in two pieces, B = 2 pixels', () => {
    const areas = districtAreas(ls, districts);
    expect(areas.map((a) => a.name)).toEqual(['A', 'B']);
    // 3 × 250 m × 250 m = 187,500 m²; 2 × 62,500 = 125,000 m².
    expect(areas[0].geometry).toHaveLength(2);
    expect(multiPolygonArea(areas[0].geometry)).toBe(187_500);
    expect(multiPolygonArea(areas[1].geometry)).toBe(125_000);
  });
});
