import { describe, expect, it } from 'vitest';
import { ringSignedArea } from '../../../src/core/geometry/area';
import type { MultiPolygon, Position } from '../../../src/core/model/geometry-types';
import type { GridUnits, PolygonUnits } from '../../../src/core/model/units';
import { bandUnits, distanceBands, unitsOutline } from '../../../src/core/travel/distance-bands';
import { StraightLineDistances } from '../../../src/core/travel/travel-distances';
import { riverCity, X0, Y0 } from './river-city';

const p = (x: number, y: number): Position => [X0 + x, Y0 + y];
const area = (mp: MultiPolygon) => mp.reduce((a, poly) => a + poly.reduce((b, ring) => b + ringSignedArea(ring), 0), 0);

// The units of street-distances.test.ts; trips from S1 (100, 50), worked there by hand:
// U0 4480 (round by the bridge), U1 970, U2 1449, U3 off the network: straight √(2500² + 950²) ≈ 2674.4,
// U4 on the flyover (unreachable): straight √(420² + 200²) ≈ 465.2, U5 on the island (unreachable): √(4890² + 850²) ≈ 4963.3.
const units = [p(100, 1030), p(1000, 20), p(1000, 499), p(2600, 1000), p(520, 250), p(4990, 900)];
const schools = [p(100, 50), p(5010, 500)];

describe('walking-distance bands', () => {
  it('puts each unit in every band whose limit its trip does not exceed (fallbacks included)', async () => {
    const { d } = await riverCity(units, schools);
    const bands = bandUnits(d, 0, [1000, 1500, 5000]);
    expect(bands.map((b) => [...b])).toEqual([[1, 4], [1, 2, 4], [0, 1, 2, 3, 4, 5]]);
    // U0 is 130 m from S1 in a straight line but 4480 m by the bridge: outside the 3 km band.
    expect([...bandUnits(d, 0, [3000])[0]]).toEqual([1, 2, 3, 4]);
  });

  it('gives the same bands when pairs beyond a small search limit are skipped or searched', async () => {
    // Search limit 2000 m: U0 (4480 m) is not kept; bands up to 1500 m skip it without a search.
    const { d } = await riverCity(units, schools, 2000);
    expect(bandUnits(d, 0, [1000, 1500], 2000).map((b) => [...b])).toEqual([[1, 4], [1, 2, 4]]);
    // A 5 km band is larger than the search limit: the pair is searched (4480 m ≤ 5000 m).
    expect([...bandUnits(d, 0, [5000], 2000)[0]]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('includes a trip of exactly the limit (3-4-5 triangle: 5000 m) and not one a millimetre longer', () => {
    const d = new StraightLineDistances(Float64Array.from([3000, 4000, 3000, 4000.001, 0, 999]), [[0, 0]]);
    expect(bandUnits(d, 0, [1000, 5000]).map((b) => [...b])).toEqual([[2], [0, 2]]);
  });

  it('outlines grid cells as one polygon per connected group, polygon units as their union', () => {
    const grid: GridUnits = {
      kind: 'grid', count: 3, ids: ['a', 'b', 'c'], attributes: { names: [], columns: {} },
      grid: { originX: 0, originY: 0, cellSize: 250, cols: 10, rows: 10 },
      col: Int32Array.from([0, 1, 5]), row: Int32Array.from([0, 0, 5]),
    };
    // Cells (0,0) and (1,0) join along an edge: one 500 × 250 rectangle; cell (5,5) apart.
    const outline = unitsOutline(grid, [0, 1, 2]);
    expect(outline).toHaveLength(2);
    expect(area(outline)).toBeCloseTo(3 * 62_500, 6);
    const sq = (x0: number, y0: number, x1: number, y1: number): MultiPolygon => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]];
    const polys: PolygonUnits = {
      kind: 'polygons', count: 2, ids: ['p', 'q'], attributes: { names: [], columns: {} },
      geometries: [sq(0, 0, 100, 100), sq(100, 0, 200, 100)], bboxes: [[0, 0, 100, 100], [100, 0, 200, 100]], areas: Float64Array.from([1e4, 1e4]),
    };
    const union = unitsOutline(polys, [0, 1]);
    expect(union).toHaveLength(1);
    expect(Math.abs(area(union))).toBeCloseTo(20_000, 6);
    expect(unitsOutline(polys, [])).toEqual([]);
  });

  it('distanceBands pairs each limit with its units and outline', () => {
    const grid: GridUnits = {
      kind: 'grid', count: 2, ids: ['a', 'b'], attributes: { names: [], columns: {} },
      grid: { originX: 0, originY: 0, cellSize: 250, cols: 40, rows: 1 },
      col: Int32Array.from([0, 20]), row: Int32Array.from([0, 0]),
    };
    // Centres (125, 125) and (5125, 125); school at (125, 125): trips 0 and 5000 m.
    const d = new StraightLineDistances(Float64Array.from([125, 125, 5125, 125]), [[125, 125]]);
    const bands = distanceBands(grid, d, 0);
    expect(bands.map((b) => [b.limitM, [...b.units], b.outline.length])).toEqual([[1000, [0], 1], [3000, [0], 1], [5000, [0, 1], 2]]);
  });
});
