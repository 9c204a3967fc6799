import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { coverageRaster } from '../../../src/core/overlay/coverage-raster';
import type { CellCoverage } from '../../../src/core/overlay/coverage-raster';
import type { MultiPolygon, Ring } from '../../../src/core/model/geometry-types';
import type { GridSpec } from '../../../src/core/model/grid-spec';
import { intersect } from '../../../src/core/geometry/boolean-ops';
import { multiPolygonArea, ringSignedArea } from '../../../src/core/geometry/area';
import { lcg, randomStar } from '../random-shapes';

function asMap(c: CellCoverage): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < c.count; i++) m.set(`${c.cols[i]},${c.rows[i]}`, c.fractions[i]);
  return m;
}

function square(x0: number, y0: number, x1: number, y1: number): Ring {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
}

const grid10: GridSpec = { originX: 0, originY: 0, cellSize: 10, cols: 10, rows: 10 };

function expectCells(c: CellCoverage, expected: Record<string, number>): void {
  const got = asMap(c);
  expect([...got.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(got.get(k)).toBeCloseTo(v, 12);
}

describe('coverageRaster hand-worked cases', () => {
  it('a cell-sized square offset by half a cell covers four cells at 0.25', () => {
    // [5,15]² on 10 m cells: each of cells (0..1, 0..1) holds a 5×5 = 25 m² quarter → 25/100.
    expectCells(coverageRaster([[square(5, 5, 15, 15)]], grid10), { '0,0': 0.25, '1,0': 0.25, '0,1': 0.25, '1,1': 0.25 });
  });

  it('a right triangle', () => {
    // (0,0),(20,0),(0,20): cell (0,0) lies under x+y ≤ 20 entirely → 1; cells (1,0) and (0,1)
    // hold the triangle x+y ≤ 20 inside a 10×10 square with legs 10 → 50/100 = 0.5; cell (1,1) → 0.
    const tri: Ring = [[0, 0], [20, 0], [0, 20], [0, 0]];
    expectCells(coverageRaster([[tri]], grid10), { '0,0': 1, '1,0': 0.5, '0,1': 0.5 });
  });

  it('a polygon with a hole subtracts the hole', () => {
    // Outer [0,30]², hole [5,15]²: the hole takes a 5×5 quarter from each of cells (0..1,0..1) → 0.75; the other five cells 1.
    const poly: MultiPolygon = [[square(0, 0, 30, 30), square(5, 5, 15, 15).reverse()]];
    expectCells(coverageRaster(poly, grid10), {
      '0,0': 0.75, '1,0': 0.75, '0,1': 0.75, '1,1': 0.75,
      '2,0': 1, '2,1': 1, '0,2': 1, '1,2': 1, '2,2': 1,
    });
  });

  it('orientation does not matter: a clockwise outer ring and a counter-clockwise hole', () => {
    const poly: MultiPolygon = [[square(0, 0, 30, 30).reverse(), square(5, 5, 15, 15)]];
    const c = asMap(coverageRaster(poly, grid10));
    expect(c.get('0,0')).toBeCloseTo(0.75, 12);
    expect(c.get('2,2')).toBeCloseTo(1, 12);
    expectCells(coverageRaster([[square(5, 5, 15, 15).reverse()]], grid10), { '0,0': 0.25, '1,0': 0.25, '0,1': 0.25, '1,1': 0.25 });
  });

  it('parts outside the grid are clipped, area inside is exact', () => {
    // Grid of 2×2 cells; the strip x∈[-5,25], y∈[5,15] spans the whole grid width and half of each row → 0.5 everywhere.
    const g: GridSpec = { originX: 0, originY: 0, cellSize: 10, cols: 2, rows: 2 };
    expectCells(coverageRaster([[square(-5, 5, 25, 15)]], g), { '0,0': 0.5, '1,0': 0.5, '0,1': 0.5, '1,1': 0.5 });
  });

  it('a slanted edge crossing several columns within one row', () => {
    // Triangle (0,0),(40,0),(0,10) on 10 m cells: the hypotenuse y = 10 − x/4 crosses 4 columns in row 0.
    // Column k spans x∈[10k,10k+10]; the area under a line over it is width × height at the mid-x 10k+5:
    // k=0: 10·(10 − 1.25) = 87.5; k=1: 10·(10 − 3.75) = 62.5;
    // k=2: 10·(10 − 6.25) = 37.5; k=3: 10·(10 − 8.75) = 12.5 → fractions 0.875, 0.625, 0.375, 0.125.
    const tri: Ring = [[0, 0], [40, 0], [0, 10], [0, 0]];
    expectCells(coverageRaster([[tri]], grid10), { '0,0': 0.875, '1,0': 0.625, '2,0': 0.375, '3,0': 0.125 });
  });
});



describe('coverageRaster against polygon clipping', () => {
  // Local coordinates near the origin: at EPSG:3067 magnitudes (y ≈ 6.65e6 m) one ulp of a
  // coordinate is ~1e-9 m, so the reference polygons themselves carry ~1e-7 m² of rounding per cell;
  // the last test checks that scale with a per-cell bound instead.
  const grid: GridSpec = { originX: 0, originY: 0, cellSize: 250, cols: 24, rows: 24 };
  const cellArea = 250 * 250;
  const X = 3_000;
  const Y = 3_000;

  it('matches boolean-op (Clipper2) cell intersection areas for random polygons (Σ error < 1e-6 m²)', () => {
    const rand = lcg(42);
    for (let trial = 0; trial < 6; trial++) {
      const outer = randomStar(rand, X, Y, 2_500, 12 + trial * 3);
      // A hole: a smaller star at the centre (star polygons contain their centre's neighbourhood at r·0.3).
      const hole = randomStar(rand, X, Y, 600, 7).reverse();
      const mp: MultiPolygon = trial % 2 === 0 ? [[outer]] : [[outer, hole]];
      const cov = asMap(coverageRaster(mp, grid));
      let err = 0;
      let total = 0;
      for (let r = 0; r < grid.rows; r++) {
        for (let c = 0; c < grid.cols; c++) {
          const x0 = grid.originX + c * 250;
          const y0 = grid.originY + r * 250;
          const exact = multiPolygonArea(intersect(mp, [[square(x0, y0, x0 + 250, y0 + 250)]]));
          total += exact;
          err += Math.abs((cov.get(`${c},${r}`) ?? 0) * cellArea - exact);
        }
      }
      expect(total).toBeGreaterThan(1e6);
      expect(err).toBeLessThan(1e-6);
    }
  });

  it('matches turf.intersect with a shoelace area on one case', () => {
    // turf works on any planar-looking numbers here: we only use its clipping, not its geodesic area.
    const rand = lcg(7);
    const ring = randomStar(rand, X + 100, Y - 100, 2_000, 15);
    const cov = asMap(coverageRaster([[ring]], grid));
    let err = 0;
    for (let r = 2; r < 22; r++) {
      for (let c = 2; c < 22; c++) {
        const x0 = grid.originX + c * 250;
        const y0 = grid.originY + r * 250;
        const inter = turf.intersect(turf.featureCollection([turf.polygon([ring]), turf.polygon([square(x0, y0, x0 + 250, y0 + 250)])]));
        let exact = 0;
        if (inter) {
          const g = inter.geometry;
          const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
          for (const p of polys) p.forEach((rr, i) => (exact += (i === 0 ? 1 : -1) * Math.abs(ringSignedArea(rr as Ring))));
        }
        err += Math.abs((cov.get(`${c},${r}`) ?? 0) * cellArea - exact);
      }
    }
    expect(err).toBeLessThan(1e-6);
  });

  it('stays exact at EPSG:3067 magnitudes (mean per-cell error < 1e-8 of a cell area)', () => {
    const g: GridSpec = { originX: 350_000, originY: 6_650_000, cellSize: 250, cols: 24, rows: 24 };
    const rand = lcg(99);
    const mp: MultiPolygon = [[randomStar(rand, 353_000, 6_653_000, 2_500, 20)]];
    const cov = asMap(coverageRaster(mp, g));
    let err = 0;
    for (let r = 0; r < g.rows; r++) {
      for (let c = 0; c < g.cols; c++) {
        const x0 = g.originX + c * 250;
        const y0 = g.originY + r * 250;
        const exact = multiPolygonArea(intersect(mp, [[square(x0, y0, x0 + 250, y0 + 250)]]));
        err += Math.abs((cov.get(`${c},${r}`) ?? 0) * cellArea - exact);
      }
    }
    expect(err / (g.cols * g.rows)).toBeLessThan(1e-8 * cellArea);
  });
});
