/**
 * The dual (Lagrangian) lower bound of dual-bound.ts: exact on a hand-worked two-cell city,
 * never above the true optimum (exhaustive search) nor the LP bound, and equal to the LP
 * without bands once converged (LP duality).
 */
import { describe, expect, it } from 'vitest';
import { dualBound } from '../../../src/core/optimiser/dual-bound';
import { lpBound } from '../../../src/core/optimiser/lp-bound';
import { DEFAULT_LIMITS } from '../../../src/core/optimiser/optimiser-limits';
import type { OptimiserLimits } from '../../../src/core/optimiser/optimiser-limits';
import { buildProblem } from '../../../src/core/optimiser/optimiser-problem';
import { exhaustiveOptimum } from './exact-optimum';
import { gridCity, gridEngine } from './grid-city';

const measure = { terms: [{ kind: 'share' as const, id: 'foreign_language', weight: 1 }] };

function problemOf(city: ReturnType<typeof gridCity>, limits: OptimiserLimits) {
  const p = buildProblem({ engine: gridEngine(city), networkId: 'net', measure, limits });
  if (!p.ok) throw new Error(p.problems[0].message);
  return p.value;
}

describe('dualBound', () => {
  it('two cells, two schools: the bound is 1 − (share of a cell that may move)', () => {
    // Cell 0 (school A): 10 children, population 100, all foreign-language; cell 1 (school B):
    // 10 children, population 100, none. T = 200, P = 0.5, D = Σ_s |f_s − P t_s| / (2 T P (1 − P))
    // = Σ_s |f_s − t_s/2| / 100. Start: |100 − 50| + |0 − 50| = 100 → D = 1.
    // Moving a share a of cell 0 to B and b of cell 1 to A (a + b ≤ cap × 20 children / 10):
    // A: |100(1−a) − (100(1−a) + 100b)/2| = 50(1 − a − b), B likewise → D = 1 − (a + b).
    // Cap 0 → 1; cap 25 % (5 children = half a cell) → 0.5; unlimited → 0 (a = 1: one school).
    const city = gridCity({ W: 2, H: 1, schools: 2, seed: 1 });
    const cols = city.dataset.units.attributes.columns;
    cols.he_7_12.set([10, 10]);
    cols.he_vakiy.set([100, 100]);
    cols.vieraskielisia.set([100, 0]);
    const free = { ...DEFAULT_LIMITS, utilisation: null };
    expect(problemOf(city, free).startMeasure).toBeCloseTo(1, 12);
    expect(dualBound(problemOf(city, { ...free, maxRezonedShare: 0 })).bound).toBeCloseTo(1, 9);
    expect(dualBound(problemOf(city, { ...free, maxRezonedShare: 0.25 })).bound).toBeCloseTo(0.5, 6);
    expect(dualBound(problemOf(city, { ...free, maxRezonedShare: null })).bound).toBeCloseTo(0, 6);
  });

  it('small cities: below the true optimum and the LP bound; converges to the LP without bands', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const city = gridCity({ W: 5, H: 4, schools: 3, seed });
      const limits: OptimiserLimits = { ...DEFAULT_LIMITS, maxRezonedShare: 0.15, utilisation: [0.8, 1.2] };
      const p = problemOf(city, limits);
      const exact = exhaustiveOptimum(p, city).value;
      const dual = dualBound(p, { iterations: 400, upper: exact }).bound;
      const lp = (await lpBound(p)).bound!;
      const lpNoBands = (await lpBound(problemOf(city, { ...limits, utilisation: null }))).bound!;
      expect(dual).toBeLessThanOrEqual(exact + 1e-9);
      expect(dual).toBeLessThanOrEqual(lp + 1e-7);
      expect(dual).toBeLessThanOrEqual(lpNoBands + 1e-7);
      // Converged within 0.5 % of the start's measure of the LP without bands.
      expect(lpNoBands - dual, `seed ${seed}`).toBeLessThan(0.005 * p.startMeasure);
    }
  }, 60_000);
});
