/**
 * Locked units (OptimiserLimits.lockedUnits, the app's "keep this scenario's changes"): a
 * plan never changes their weights, checked on an engine that replays the plan.
 */
import { describe, expect, it } from 'vitest';
import { optimise } from '../../../src/core/optimiser/optimise';
import { DEFAULT_LIMITS } from '../../../src/core/optimiser/optimiser-limits';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { gridCity, gridConfig, gridEngine } from './grid-city';

const measure = { terms: [{ kind: 'share' as const, id: 'foreign_language', weight: 1 }] };

describe('locked units', () => {
  it('keep their schools in every plan', async () => {
    for (const seed of [2, 5, 9]) {
      const city = gridCity({ W: 7, H: 6, schools: 3, seed });
      const free = await optimise({ engine: gridEngine(city), networkId: 'net', measure, limits: { ...DEFAULT_LIMITS, maxRezonedShare: 0.4, utilisation: null } }, { iterations: 3000, seed });
      if (!free.ok) throw new Error('free run');
      // Lock every unit the unlocked plan moved, and every third unit besides.
      const locked = [...free.value.states.keys()].filter((u) => free.value.states[u] >= 0 || u % 3 === 0);
      const r = await optimise({ engine: gridEngine(city), networkId: 'net', measure, limits: { ...DEFAULT_LIMITS, maxRezonedShare: 0.4, utilisation: null, lockedUnits: locked } }, { iterations: 3000, seed });
      if (!r.ok) throw new Error('locked run');
      const plan = new ScenarioEngine(city.dataset, gridConfig);
      expect(plan.replay(r.value.edits).ok).toBe(true);
      for (const u of locked) expect(plan.overlay('net').entries(u)).toEqual(gridEngine(city).overlay('net').entries(u));
      expect(r.value.figures.measureAfter).toBeLessThanOrEqual(r.value.figures.measureBefore + 1e-12);
    }
  });
});
