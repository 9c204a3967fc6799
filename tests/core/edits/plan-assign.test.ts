import { describe, expect, it } from 'vitest';
import * as polyclip from 'polyclip-ts';
import { planAssign } from '../../../src/core/edits/plan-assign';
import { snapToMillimetres } from '../../../src/core/edits/resolve-edit';
import { multiPolygonArea } from '../../../src/core/geometry/area';
import { bboxIntersects, multiPolygonBBox } from '../../../src/core/geometry/bbox';
import { intersect } from '../../../src/core/geometry/boolean-ops';
import { isNormalised } from '../../../src/core/geometry/orientation';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { X0, X1, Y0, Y1, randomLasso, syntheticPartition } from '../../bench/synthetic-city';
import { lcg } from '../random-shapes';

/** Moves every vertex by a sub-millimetre offset that depends only on the vertex, so shared vertices stay shared. */
function offGrid(mp: MultiPolygon): MultiPolygon {
  const jitter = (x: number, y: number) => (((Math.sin(x * 12.9898 + y * 78.233) * 43758.5453) % 1) + 1) % 1;
  return mp.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x + 0.0009 * jitter(x, y), y + 0.0009 * jitter(y, x)] as [number, number])));
}

describe('planAssign at EPSG:3067 magnitudes', () => {
  it('cumulative lasso edits on off-grid catchments keep a partition with exactly shared borders', () => {
    // 60 Voronoi catchments with wiggled borders over the 125 km × 125 km bench square
    // (x 350 000–475 000, y 6 650 000–6 775 000), every vertex moved off the millimetre grid by
    // < 0.9 mm: area ≈ 125 000² = 1.5625e10 m².
    let catchments = syntheticPartition(60, 7).map(offGrid);
    const area0 = catchments.reduce((a, c) => a + multiPolygonArea(c), 0);
    const domain = (X1 - X0) * (Y1 - Y0);
    const rand = lcg(77);
    let applied = 0;
    for (let step = 0; step < 12; step++) {
      const cx = X0 + 10_000 + rand() * (X1 - X0 - 20_000);
      const cy = Y0 + 10_000 + rand() * (Y1 - Y0 - 20_000);
      // Off-grid centre and radius so crossings fall between millimetres; snapped like resolveEdit does.
      const region = snapToMillimetres(randomLasso(rand, cx + 0.3, cy - 0.7, 4_000 + 6_000 * rand()));
      const target = Math.floor(rand() * catchments.length);
      const plan = planAssign(catchments, catchments.map(multiPolygonBBox), target, region);
      if (!plan) continue;
      applied++;
      const next = catchments.slice();
      plan.changedSchools.forEach((s, i) => (next[s] = plan.newCatchments[i]));
      catchments = next;
      for (const c of plan.newCatchments) expect(isNormalised(c)).toBe(true);
    }
    expect(applied).toBeGreaterThan(0);
    // Σ areas is unchanged (to float rounding of 1e10 m² sums) and no two catchments overlap, checked
    // both with our clipper and with polyclip-ts, which works on the floats themselves: a vertex left
    // rounded to the millimetre next to an untouched neighbour would show as a sliver of ~0.1 m² there.
    const total = catchments.reduce((a, c) => a + multiPolygonArea(c), 0);
    expect(Math.abs(area0 - domain) / domain).toBeLessThan(1e-7); // 0.9 mm × 500 km of frame ≈ 450 m² = 3e-8
    expect(Math.abs(total - area0) / area0).toBeLessThan(1e-12);
    const bbs = catchments.map(multiPolygonBBox);
    for (let i = 0; i < catchments.length; i++) {
      for (let j = i + 1; j < catchments.length; j++) {
        if (!bboxIntersects(bbs[i], bbs[j])) continue;
        expect(multiPolygonArea(intersect(catchments[i], catchments[j]))).toBeLessThan(1e-6);
        const exact = polyclip.intersection(catchments[i] as polyclip.Geom, catchments[j] as polyclip.Geom) as MultiPolygon;
        expect(multiPolygonArea(exact)).toBeLessThan(1e-6);
      }
    }
  });
});
