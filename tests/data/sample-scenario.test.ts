/**
 * The sample city's housing scenario (data/sample-city/scenarios/housing-2030.json): every record
 * applies, the base year is the manifest's, and the baseline's figures stay as they are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config/validate-config';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { readEdit } from '../../src/core/scenario/validate-edit';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';

describe('sample-city housing scenario', () => {
  it('applies on the sample city and adds pupils only from the completion years on', async () => {
    const dataset = await loadFixtureBundle('data/sample-city');
    expect(dataset.year).toBe(2024);
    const config = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
    if (!config.ok) throw new Error('config');
    const engine = ScenarioEngine.create(dataset, config.value);
    if (!engine.ok) throw new Error('engine');
    const e = engine.value;
    const before = e.indicators('fi-lower');
    const { edits } = JSON.parse(readFileSync('data/sample-city/scenarios/housing-2030.json', 'utf8'));
    const records = edits.map((x: unknown, i: number) => {
      const r = readEdit(x, i, dataset);
      if ('problem' in r) throw new Error(r.problem.message);
      return r.edit;
    });
    expect(e.replay(records).ok).toBe(true);
    expect(e.housingProjects()).toHaveLength(5);
    // 2024: nothing completed yet, so the figures are the baseline's, bit for bit.
    expect(e.indicators('fi-lower')).toEqual(before);
    // 2030: Suvelanranta (completed 2026–27) adds pupils to Suvela's school.
    e.setYear(2030);
    const suvela = (ind: ReturnType<typeof e.indicators>) => ind.schools.find((s) => s.id === 'fi-021')!.children;
    expect(suvela(e.indicators('fi-lower'))).toBeGreaterThan(suvela(e.baselineIndicators('fi-lower')) + 50);
  });
});
