/**
 * The optimiser in a selected projection year: its children, measure and utilisation band
 * are the engine's figures of that year (here a housing project completed in 2026 adds
 * children to one school), its edits are dated that year (so the base year is untouched),
 * and the plan keeps every limit in that year (independent-check.ts reads the year's figures).
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import { optimise } from '../../../src/core/optimiser/optimise';
import { DEFAULT_LIMITS } from '../../../src/core/optimiser/optimiser-limits';
import { buildProblem } from '../../../src/core/optimiser/optimiser-problem';
import type { HousingProjectRecord } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { CELL, gridCity, gridConfig, ORIGIN_X, ORIGIN_Y } from './grid-city';
import type { GridCity } from './grid-city';
import { independentViolations } from './independent-check';

const measure = { terms: [{ kind: 'share' as const, id: 'foreign_language', weight: 1 }] };
// 200 block dwellings (social rental) give 0.3 lower-grade children each from completion on: 60
// children, 90 % foreign-language (the tenure's composition).
const config: IndicatorConfig = {
  ...gridConfig,
  housing: { yields: { lower: { block: { social_rental: [0.3] } } }, composition: { social_rental: { foreign_language: 0.9 } } },
};
const housing: HousingProjectRecord = {
  kind: 'housing-project', year: 2026, id: 'h1', name: 'Uusi kortteli', dwellings: 200, tenure: 'social_rental', buildingType: 'block',
  location: [ORIGIN_X + 1.5 * CELL, ORIGIN_Y + 1.5 * CELL],
};

function engineOf(city: GridCity): ScenarioEngine {
  const r = ScenarioEngine.create(city.dataset, config, { baseYear: 2024 });
  if (!r.ok) throw new Error(r.problems[0].message);
  expect(r.value.apply(housing).ok).toBe(true);
  return r.value;
}

describe('optimise in a selected year', () => {
  const city = gridCity({ W: 6, H: 6, schools: 3, seed: 7, capLow: 0.9, capHigh: 1.3 });
  const limits = { ...DEFAULT_LIMITS, maxRezonedShare: 0.3, utilisation: [0.8, 1.2] as [number, number] };

  it("builds the problem from the year's children and measure", () => {
    const engine = engineOf(city);
    const base = buildProblem({ engine, networkId: 'net', measure, limits });
    expect(engine.setYear(2026).ok).toBe(true);
    const year = buildProblem({ engine, networkId: 'net', measure, limits });
    if (!base.ok || !year.ok) throw new Error('problem');
    const kids = engine.unitChildren('net');
    year.value.children.forEach((c, u) => expect(c).toBeCloseTo(kids[u], 9));
    // The cell (1, 1) holds the project: 200 × 0.3 = 60 children more than in 2024.
    expect(year.value.children[1 * 6 + 1] - base.value.children[1 * 6 + 1]).toBeCloseTo(60, 9);
    expect(year.value.totalChildren).toBeCloseTo(engine.indicators('net').totals.children, 6);
    expect(year.value.startMeasure).toBeCloseTo(engine.indicators('net').indices.foreign_language.D, 9);
    expect(Math.abs(year.value.startMeasure - base.value.startMeasure)).toBeGreaterThan(1e-3);
    expect(year.value.year).toBe(2026);
    expect(base.value.year).toBeUndefined();
  });

  it('proposes a plan dated the year that keeps every limit in that year and leaves the base year alone', async () => {
    const engine = engineOf(city);
    engine.setYear(2026);
    const r = await optimise({ engine, networkId: 'net', measure, limits }, { iterations: 4000, seed: 3 });
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(r.value.edits.length).toBeGreaterThan(0);
    for (const e of r.value.edits) expect((e as { year?: number }).year).toBe(2026);
    const plan = engineOf(city);
    expect(plan.replay(r.value.edits).ok).toBe(true);
    plan.setYear(2026);
    expect(r.value.figures.measureAfter).toBeCloseTo(plan.indicators('net').indices.foreign_language.D, 9);
    expect(r.value.figures.measureAfter).toBeLessThan(r.value.figures.measureBefore);
    expect(independentViolations(engine, plan, 'net', limits)).toEqual([]);
    // In 2024 the plan's records are not in effect: the figures are the start's.
    plan.setYear(2024);
    engine.setYear(2024);
    expect(plan.indicators('net').indices.foreign_language.D).toBe(engine.indicators('net').indices.foreign_language.D);
  });
});
