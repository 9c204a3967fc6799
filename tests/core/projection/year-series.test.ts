/**
 * The charts' series over the years (core/projection/year-series.ts) on Tiny City, worked by hand
 * (see tiny-city-projection.test.ts and tiny-city-housing.test.ts for the single steps):
 * retention 1, birth factor 1, base year 2024; A = 100, 8 + 500/6, 16 + 400/6, 74 in 2024…2027,
 * B = 180, 158, 136, 114. Scenario: 100 ARA block dwellings in cell (0, 0) (school A) completed 2025
 * with the hand yield table [0.1, 0.2, 0.15] → +0, +10, +20, +15 pupils.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import type { Dataset } from '../../../src/core/model/dataset';
import { networkYearSeries } from '../../../src/core/projection/year-series';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const config: IndicatorConfig = { ...presets['statfi-grid'], housing: { yields: { lower: { block: { social_rental: [0.1, 0.2, 0.15] } } } } };
const years = [2024, 2025, 2026, 2027];

function engineWithProject(): ScenarioEngine {
  const e = ScenarioEngine.create(dataset, config, { baseYear: 2024 });
  if (!e.ok) throw new Error(e.problems[0].message);
  const r = e.value.apply({ kind: 'housing-project', year: 2025, id: 'p1', name: 'Rantapuisto', dwellings: 100, tenure: 'social_rental', buildingType: 'block', location: [385_100, 6_672_100] });
  expect(r.ok).toBe(true);
  return e.value;
}

/** D = |a/W − (A − a)/(N − W)| for two schools (both halves of ½ Σ |…| are equal). */
function dissimilarity(withA: number, childrenA: number, withB: number, childrenB: number): number {
  const W = withA + withB;
  const N = childrenA + childrenB;
  return Math.abs(withA / W - (childrenA - withA) / (N - W));
}

describe('networkYearSeries', () => {
  it('gives each school its children and capacity per year, scenario against the baseline', () => {
    const s = networkYearSeries(engineWithProject(), 'fi-lower', 10, years);
    expect(s.years).toEqual(years);
    const a = s.schools.find((x) => x.id === 'A')!;
    const base = [100, 8 + 500 / 6, 16 + 400 / 6, 74];
    a.children.baseline.forEach((v, i) => expect(v).toBeCloseTo(base[i], 12));
    const added = [0, 10, 20, 15];
    a.children.scenario.forEach((v, i) => expect(v).toBeCloseTo(base[i] + added[i], 12));
    // Capacity: 100 places every year in both (no school-network records).
    expect(a.capacity).toEqual({ scenario: [100, 100, 100, 100], baseline: [100, 100, 100, 100] });
    // B untouched: 180, 158, 136, 114.
    const b = s.schools.find((x) => x.id === 'B')!;
    b.children.scenario.forEach((v, i) => expect(v).toBeCloseTo([180, 158, 136, 114][i], 12));
    // Network total 2026: 16 + 400/6 + 20 + 136.
    expect(s.totalChildren.scenario[2]).toBeCloseTo(16 + 400 / 6 + 20 + 136, 12);
  });

  it('gives the network\'s dissimilarity per year, worked by hand', () => {
    const s = networkYearSeries(engineWithProject(), 'fi-lower', 10, years);
    const d = s.indices.foreign_language.D;
    // 2024: foreign-language share of cell (c, r) is 0.1c. A: 4 rows × (10 × 0 + 15 × 0.1) = 6 of 100;
    //   B: 4 × (20 × 0.2 + 25 × 0.3) = 46 of 180. Nothing built yet: scenario = baseline.
    const d2024 = dissimilarity(6, 100, 46, 180);
    expect(d.baseline[0]).toBeCloseTo(d2024, 12);
    expect(d.scenario[0]).toBeCloseTo(d2024, 12);
    // 2025 baseline: A = 8 + 500/6 children, with = 4 × (1 + 75/6) × 0.1 = 5.4 (column 0 adds 0);
    //   B = 158, with = 4 × ((1 + 100/6) × 0.2 + (1 + 125/6) × 0.3) = 2 + 230/6.
    expect(d.baseline[1]).toBeCloseTo(dissimilarity(5.4, 8 + 500 / 6, 2 + 230 / 6, 158), 12);
    // 2025 scenario: the project's 10 pupils land in cell (0, 0), share 0: A = 18 + 500/6 children, with 5.4.
    expect(d.scenario[1]).toBeCloseTo(dissimilarity(5.4, 18 + 500 / 6, 2 + 230 / 6, 158), 12);
  });

  it('hides a year\'s figure resting on fewer people than the threshold', () => {
    // Threshold 101: scenario A = 100 (2024, hidden), 18 + 500/6 = 101.33 (2025, shown), 36 + 400/6 = 102.67 (2026, shown);
    //   baseline A 2026 = 16 + 400/6 = 82.67 (hidden).
    const s = networkYearSeries(engineWithProject(), 'fi-lower', 101, years);
    const a = s.schools.find((x) => x.id === 'A')!;
    expect(a.children.scenario[0]).toBeNull();
    expect(a.children.scenario[1]).toBeCloseTo(18 + 500 / 6, 12);
    expect(a.children.scenario[2]).toBeCloseTo(36 + 400 / 6, 12);
    expect(a.children.baseline[2]).toBeNull();
    // Capacity is not a count of people: never hidden.
    expect(a.capacity.scenario[0]).toBe(100);
  });
});
