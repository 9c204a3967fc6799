/**
 * The optimiser on small random grid cities: every plan keeps every limit (checked by
 * independent-check.ts, which shares nothing with src/core/optimiser), it reaches the true
 * optimum (exhaustive search, exact-optimum.ts) on most instances, the LP relaxation is a lower
 * bound of that optimum, and a plan is ordinary edit records that replay and undo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lpBound } from '../../../src/core/optimiser/lp-bound';
import { optimise } from '../../../src/core/optimiser/optimise';
import { DEFAULT_LIMITS } from '../../../src/core/optimiser/optimiser-limits';
import type { OptimiserLimits } from '../../../src/core/optimiser/optimiser-limits';
import { buildProblem } from '../../../src/core/optimiser/optimiser-problem';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { exhaustiveOptimum } from './exact-optimum';
import { gridCity, gridConfig, gridEngine } from './grid-city';
import { independentViolations } from './independent-check';

const measure = { terms: [{ kind: 'share' as const, id: 'foreign_language', weight: 1 }] };

describe('optimise', () => {
  it('every plan on random cities and random limits keeps every limit (independent check)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.record({
        seed: fc.integer({ min: 1, max: 10_000 }),
        W: fc.integer({ min: 4, max: 8 }),
        H: fc.integer({ min: 3, max: 7 }),
        schools: fc.integer({ min: 2, max: 5 }),
        rezoned: fc.option(fc.double({ min: 0, max: 0.6, noNaN: true }), { nil: null }),
        tripShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        tripMetres: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        band: fc.option(fc.tuple(fc.double({ min: 0.6, max: 1, noNaN: true }), fc.double({ min: 1, max: 1.5, noNaN: true })), { nil: null }),
        lockFirst: fc.boolean(),
      }),
      async (o) => {
        const city = gridCity({ W: o.W, H: o.H, schools: o.schools, seed: o.seed, capLow: 0.7, capHigh: 1.3 });
        const engine = gridEngine(city);
        const limits: OptimiserLimits = {
          ...DEFAULT_LIMITS, maxRezonedShare: o.rezoned, maxTripIncreaseShare: o.tripShare, maxTripIncreaseMetres: o.tripMetres,
          utilisation: o.band, lockedSchoolIds: o.lockFirst ? ['S0'] : [],
        };
        const r = await optimise({ engine, networkId: 'net', measure, limits }, { iterations: 3000, seed: o.seed });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const plan = new ScenarioEngine(city.dataset, gridConfig);
        expect(plan.replay(r.value.edits).ok).toBe(true);
        expect(independentViolations(engine, plan, 'net', { ...limits })).toEqual([]);
        // The reported figures are the engine's: the measure after is the plan's D.
        expect(r.value.figures.measureAfter).toBeCloseTo(plan.indicators('net').indices.foreign_language.D, 9);
        expect(r.value.figures.measureAfter).toBeLessThanOrEqual(r.value.figures.measureBefore + 1e-12);
      },
    ), { numRuns: 25 });
  }, 60_000);

  it('finds the true optimum on most small instances and never beats it', async () => {
    const limits: OptimiserLimits = { ...DEFAULT_LIMITS, maxRezonedShare: 0.15, utilisation: [0.8, 1.2] };
    let found = 0;
    const gaps: number[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const city = gridCity({ W: 5, H: 5, schools: 3, seed });
      const engine = gridEngine(city);
      const p = buildProblem({ engine, networkId: 'net', measure, limits });
      expect(p.ok).toBe(true);
      if (!p.ok) return;
      const exact = exhaustiveOptimum(p.value, city).value;
      const r = await optimise({ engine, networkId: 'net', measure, limits }, { iterations: 20_000, seed: 1 });
      if (!r.ok) return;
      const got = r.value.figures.measureAfter;
      expect(got).toBeGreaterThanOrEqual(exact - 1e-9);
      gaps.push(got - exact);
      if (got <= exact + 1e-9) found++;
      // The LP relaxation (no pieces limit) is below the optimum.
      const bound = await lpBound(p.value);
      expect(bound.bound!).toBeLessThanOrEqual(exact + 1e-7);
    }
    // Measured 7 of 8 with these seeds (docs/optimiser.md); "most" = at least 6.
    expect(found, `gaps ${gaps.map((g) => g.toFixed(4)).join(', ')}`).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('a plan is assign-cells records: replay gives the plan, undo gives the start back exactly', async () => {
    const city = gridCity({ W: 6, H: 5, schools: 3, seed: 7 });
    const engine = gridEngine(city);
    const before = JSON.stringify(engine.indicators('net'));
    const r = await optimise({ engine, networkId: 'net', measure, limits: { ...DEFAULT_LIMITS, maxRezonedShare: 0.3, utilisation: null } }, { iterations: 5000, seed: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.edits.length).toBeGreaterThan(0);
    expect(r.value.edits.every((e) => e.kind === 'assign-cells' && e.networkId === 'net')).toBe(true);
    // The optimiser leaves the engine as it found it.
    expect(JSON.stringify(engine.indicators('net'))).toBe(before);
    expect(engine.replay(r.value.edits).ok).toBe(true);
    expect(engine.indicators('net').indices.foreign_language.D).toBeCloseTo(r.value.figures.measureAfter, 12);
    for (let i = 0; i < r.value.edits.length; i++) engine.undo();
    expect(JSON.stringify(engine.indicators('net'))).toBe(before);
  });

  it('stops when asked, reports progress, and refuses unknown networks and measures', async () => {
    const city = gridCity({ W: 6, H: 6, schools: 4, seed: 2 });
    const engine = gridEngine(city);
    let calls = 0;
    let polls = 0;
    const r = await optimise({ engine, networkId: 'net', measure, limits: DEFAULT_LIMITS }, {
      seconds: 30, onProgress: () => calls++, progressMs: 0, shouldStop: () => ++polls > 3,
    });
    expect(r.ok && r.value.stopped).toBe(true);
    expect(calls).toBeGreaterThan(0);
    const bad = await optimise({ engine, networkId: 'nope', measure, limits: DEFAULT_LIMITS });
    expect(!bad.ok && bad.problems[0].code).toBe('unknown-network');
    const badMeasure = await optimise({ engine, networkId: 'net', measure: { terms: [{ kind: 'mgh', id: 'x', weight: 1 }] }, limits: DEFAULT_LIMITS });
    expect(!badMeasure.ok && badMeasure.problems[0].code).toBe('optimiser-unknown-measure');
    const badLimit = await optimise({ engine, networkId: 'net', measure, limits: { ...DEFAULT_LIMITS, maxRezonedShare: 2 } });
    expect(!badLimit.ok && badLimit.problems[0].field).toBe('max-rezoned');
  });
});
