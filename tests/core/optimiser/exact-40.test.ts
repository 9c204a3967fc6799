/**
 * Exactness on 40-cell instances (8 × 5 cells, 4 schools; cap 20 % rezoned, band 80–120 %,
 * trips at most 250 m longer, one piece per catchment): the heuristic (20 000 proposals, seed 1)
 * against the true optimum by branch and bound (exact-optimum.ts, checked against plain
 * enumeration on the instances where that is fast). Measured on seeds 1–12: the optimum on 11
 * of 12, seed 1 missed by 0.0064 in D (0.0355 against 0.0291); seeds 5, 7, 12 are left out here
 * only because their branch and bound takes 1–14 s (docs/optimiser.md).
 */
import { describe, expect, it } from 'vitest';
import { optimise } from '../../../src/core/optimiser/optimise';
import { DEFAULT_LIMITS } from '../../../src/core/optimiser/optimiser-limits';
import type { OptimiserLimits } from '../../../src/core/optimiser/optimiser-limits';
import { buildProblem } from '../../../src/core/optimiser/optimiser-problem';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { branchAndBoundOptimum, exhaustiveOptimum } from './exact-optimum';
import { gridCity, gridConfig, gridEngine } from './grid-city';
import { independentViolations } from './independent-check';

const measure = { terms: [{ kind: 'share' as const, id: 'foreign_language', weight: 1 }] };
const limits: OptimiserLimits = { ...DEFAULT_LIMITS, maxRezonedShare: 0.2, maxTripIncreaseMetres: 250, utilisation: [0.8, 1.2] };
const city = (seed: number) => gridCity({ W: 8, H: 5, schools: 4, seed, capLow: 0.85, capHigh: 1.25 });

describe('exactness on 40 cells and 4 schools', () => {
  it('branch and bound equals plain enumeration', () => {
    for (const seed of [3, 4]) {
      const c = city(seed);
      const p = buildProblem({ engine: gridEngine(c), networkId: 'net', measure, limits });
      if (!p.ok) throw new Error(p.problems[0].message);
      expect(branchAndBoundOptimum(p.value, c).value).toBeCloseTo(exhaustiveOptimum(p.value, c).value, 12);
    }
  });

  it('the heuristic reaches the optimum on most instances, never beats it and keeps every limit', async () => {
    const seeds = [1, 2, 3, 4, 6, 8, 9, 10, 11];
    const gaps: number[] = [];
    for (const seed of seeds) {
      const c = city(seed);
      const engine = gridEngine(c);
      const p = buildProblem({ engine, networkId: 'net', measure, limits });
      if (!p.ok) throw new Error(p.problems[0].message);
      const exact = branchAndBoundOptimum(p.value, c).value;
      const r = await optimise({ engine, networkId: 'net', measure, limits }, { iterations: 20_000, seed: 1 });
      if (!r.ok) throw new Error(r.problems[0].message);
      const got = r.value.figures.measureAfter;
      expect(got).toBeGreaterThanOrEqual(exact - 1e-9);
      gaps.push(got - exact);
      const plan = new ScenarioEngine(c.dataset, gridConfig);
      expect(plan.replay(r.value.edits).ok).toBe(true);
      expect(independentViolations(engine, plan, 'net', limits)).toEqual([]);
    }
    const found = gaps.filter((g) => g <= 1e-9).length;
    // Measured 8 of these 9 (seed 1 missed); "most" = at least 7.
    expect(found, `gaps ${gaps.map((g) => g.toFixed(4)).join(', ')}`).toBeGreaterThanOrEqual(7);
  }, 60_000);
});
