/**
 * Cohort ageing on Tiny City (tests/fixtures/tiny-city/README.md), worked out by hand.
 *
 * Every cell (c, r) has he_0_2 = 3, he_3_6 = 4, he_7_12 = 10 + 5c, he_13_15 = 5, he_16_17 = 2:
 * non-uniform bands of 3, 4, 6, 3 and 2 ages. Uniform within band, the single ages are
 *   ages 0–2: 1 each; 3–6: 1 each; 7–12: (10 + 5c)/6 each; 13–15: 5/3 each; 16–17: 1 each.
 * School A has columns 0–1 (4 rows each), B columns 2–3. Base year 2024.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import type { Dataset } from '../../../src/core/model/dataset';
import { singleAges, projectAges } from '../../../src/core/projection/cohort-model';
import { STATFI_BANDS } from '../../../src/core/projection/projection-config';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const base = presets['statfi-grid'];

function engine(config: IndicatorConfig = base): ScenarioEngine {
  const e = ScenarioEngine.create(dataset, config, { baseYear: 2024 });
  if (!e.ok) throw new Error(e.problems[0].message);
  return e.value;
}

function children(e: ScenarioEngine, year: number): Record<string, number> {
  expect(e.setYear(year).ok).toBe(true);
  return Object.fromEntries(e.indicators('fi-lower').schools.map((s) => [s.id, s.children]));
}

describe('cohort ageing on Tiny City', () => {
  it('spreads non-uniform bands uniformly over their ages', () => {
    // Cell of column 0: he_7_12 = 10 → 10/6 at each of 7…12.
    const ages = singleAges(STATFI_BANDS, [3, 4, 10, 5, 2]);
    expect(Array.from(ages)).toEqual([1, 1, 1, 1, 1, 1, 1, 10 / 6, 10 / 6, 10 / 6, 10 / 6, 10 / 6, 10 / 6, 5 / 3, 5 / 3, 5 / 3, 1, 1]);
  });

  it('ages every cohort by one year, three years running (retention 1, birth factor 1)', () => {
    const e = engine();
    // 2024 = the data: A = 4 × (10 + 15) = 100, B = 4 × (20 + 25) = 180.
    expect(children(e, 2024)).toEqual({ A: 100, B: 180 });
    // 2025: ages 7–12 were 6–11 in 2024 = 1 (age 6) + 5 × (10 + 5c)/6.
    //   A per row: (1 + 50/6) + (1 + 75/6) = 2 + 125/6; × 4 rows = 8 + 500/6 = 91.333…
    //   B per row: (1 + 100/6) + (1 + 125/6) = 2 + 225/6; × 4 = 8 + 900/6 = 158
    let c = children(e, 2025);
    expect(c.A).toBeCloseTo(8 + 500 / 6, 12);
    expect(c.B).toBeCloseTo(158, 12);
    // 2026: were 5–10 = 2 + 4 × (10 + 5c)/6. A per row: (2 + 40/6) + (2 + 60/6) = 4 + 100/6; × 4 = 16 + 400/6 = 82.666…
    //   B per row: (2 + 80/6) + (2 + 100/6) = 4 + 30 = 34; × 4 = 136
    c = children(e, 2026);
    expect(c.A).toBeCloseTo(16 + 400 / 6, 12);
    expect(c.B).toBeCloseTo(136, 12);
    // 2027: were 4–9 = 3 + 3 × (10 + 5c)/6. A per row: (3 + 5) + (3 + 7.5) = 18.5; × 4 = 74.
    //   B per row: (3 + 10) + (3 + 12.5) = 28.5; × 4 = 114
    c = children(e, 2027);
    expect(c.A).toBeCloseTo(74, 12);
    expect(c.B).toBeCloseTo(114, 12);
    // The baseline in the same year is the same (no records).
    expect(e.baselineIndicators('fi-lower').schools[0].children).toBeCloseTo(74, 12);
  });

  it('multiplies by the retention of the age each cohort leaves', () => {
    // r(6) = 0.5, all other ages 1.
    const e = engine({ ...base, projection: { retention: [1, 1, 1, 1, 1, 1, 0.5] } });
    // 2025: age 7 = age 6 of 2024 × 0.5 = 0.5; ages 8–12 = 5 × (10 + 5c)/6.
    //   A per row: (0.5 + 50/6) + (0.5 + 75/6) = 1 + 125/6; × 4 = 4 + 500/6
    expect(children(e, 2025).A).toBeCloseTo(4 + 500 / 6, 12);
    // 2026: age 7 = age 5 of 2024 × r(5) r(6) = 0.5; age 8 = age 6 × r(6) r(7) = 0.5; ages 9–12 = 4 × (10 + 5c)/6.
    //   A per row: (1 + 40/6) + (1 + 60/6) = 2 + 100/6; × 4 = 8 + 400/6
    expect(children(e, 2026).A).toBeCloseTo(8 + 400 / 6, 12);
  });

  it('takes a retention table per unit class ("new area" vs "established")', () => {
    // Column-0 cells are a new area (new_area = 1): r(6) = 0.5 there; every other cell keeps the default (1).
    const col = dataset.units.kind === 'grid' ? dataset.units.col : new Int32Array(0);
    const newArea = Float64Array.from(col, (c) => (c === 0 ? 1 : 0));
    const units = { ...dataset.units, attributes: { names: [...dataset.units.attributes.names, 'new_area'], columns: { ...dataset.units.attributes.columns, new_area: newArea } } };
    const config = { ...base, projection: { classField: 'new_area', retentionByClass: { 1: [1, 1, 1, 1, 1, 1, 0.5] } } };
    const created = ScenarioEngine.create({ ...dataset, units } as Dataset, config, { baseYear: 2024 });
    if (!created.ok) throw new Error(created.problems[0].message);
    // 2025, A per row: column 0 (new area) (0.5 + 50/6) + column 1 (established) (1 + 75/6) = 1.5 + 125/6;
    //   × 4 rows = 6 + 500/6. B (columns 2–3, established) as without retention: 158.
    const c = children(created.value, 2025);
    expect(c.A).toBeCloseTo(6 + 500 / 6, 12);
    expect(c.B).toBeCloseTo(158, 12);
    // 2026, column 0: ages 7 and 8 were 5 and 6 → 0.5 each, ages 9–12 = 4 × 10/6: 1 + 40/6;
    //   column 1 as without retention: 2 + 60/6. A = 4 × (3 + 100/6) = 12 + 400/6.
    expect(children(created.value, 2026).A).toBeCloseTo(12 + 400 / 6, 12);
  });

  it('brings the births of each year in at age 0, reaching school age eight years on', () => {
    // Births 2025 = (ages 0–2 in 2024 = 3) / 3 × f(2025) = 1 × 2 = 2 per cell; other years f = 1.
    const e = engine({ ...base, projection: { birthFactor: { 2025: 2 }, horizon: 10 } });
    // 2032 (t = 8): age 7 = born 2025 = 2; ages 8–12 = ages 0–4 of 2024 = 5 × 1. Per cell 7, 16 cells.
    const c = children(e, 2032);
    expect(c.A).toBeCloseTo(8 * 7, 12);
    expect(c.B).toBeCloseTo(8 * 7, 12);
    // One cell by hand through projectAges: 2025 age 0 = 2, 2026 age 0 = 1 and age 1 = 2.
    const ages0 = singleAges(STATFI_BANDS, [3, 4, 10, 5, 2]);
    const a2026 = projectAges(ages0, 2, 2024, undefined, { 2025: 2 });
    expect(a2026[0]).toBe(1);
    expect(a2026[1]).toBe(2);
    expect(a2026[17]).toBe(5 / 3); // age 17 in 2026 = age 15 in 2024 (he_13_15 = 5 over 3 ages)
  });
});

describe('a city forecast table', () => {
  it('replaces the model where it has figures and records the source', async () => {
    const { SOURCE_FORECAST, SOURCE_MODEL } = await import('../../../src/core/projection/forecast-table');
    const cell00 = 'CRS3067RES250mN6672000E385000';
    const column3 = [0, 1, 2, 3].map((r) => `CRS3067RES250mN${6_672_000 + 250 * r}E385750`);
    const forecast = {
      name: 'Kaupungin ennuste',
      rows: [
        { id: cell00, year: 2025, from: 7, to: 12, value: 20 },
        { id: 'east', year: 2025, from: 7, to: 12, value: 100 },
        { id: cell00, year: 2025, from: 13, to: 15, value: 999 }, // another age band: not used for grades 1–6
      ],
      areas: { east: column3 },
    };
    const created = ScenarioEngine.create(dataset, base, { baseYear: 2024, forecast });
    if (!created.ok) throw new Error('engine');
    const e = created.value;
    e.setYear(2025);
    // A: the model's 8 + 500/6 minus cell (0, 0)'s model value (1 + 50/6) plus the forecast's 20.
    const c = Object.fromEntries(e.indicators('fi-lower').schools.map((s) => [s.id, s.children]));
    expect(c.A).toBeCloseTo(8 + 500 / 6 - (1 + 50 / 6) + 20, 12);
    // B: column 2 from the model (4 × (1 + 100/6)) plus the area "east" (column 3) = 100.
    expect(c.B).toBeCloseTo(4 * (1 + 100 / 6) + 100, 12);
    const source = e.childrenSource('fi-lower');
    expect(source[0]).toBe(SOURCE_FORECAST);
    expect(source[1]).toBe(SOURCE_MODEL);
    // The area's 100 is spread by the model's children: its cells are equal, 25 each.
    const units = e.unitChildren('fi-lower');
    const east = dataset.units.ids.indexOf(column3[2]);
    expect(units[east]).toBeCloseTo(25, 12);
    // Where the children come from in 2025 (16 cells): forecast = cell (0, 0) + the 4 cells of "east" = 5 units,
    //   20 + 100 = 120 children; model = the other 11 cells: 3 × (1 + 50/6) + 4 × (1 + 75/6) + 4 × (1 + 100/6) = 11 + 850/6.
    const sources = e.childrenSources('fi-lower');
    expect(sources.forecastName).toBe('Kaupungin ennuste');
    expect(sources.units).toEqual({ data: 0, model: 11, forecast: 5, scaled: 0 });
    expect(sources.children.forecast).toBeCloseTo(120, 12);
    expect(sources.children.model).toBeCloseTo(11 + 850 / 6, 12);
    expect(sources.total).toBeCloseTo(131 + 850 / 6, 12);
    // With a threshold of 130 people the forecast's 120 is hidden, the model's 152.7 and the total shown.
    const hidden = e.childrenSources('fi-lower', 130);
    expect(hidden.children.forecast).toBeNull();
    expect(hidden.children.model).toBeCloseTo(11 + 850 / 6, 12);
    // The base year is the data: 16 cells, A + B = 100 + 180 children.
    e.setYear(2024);
    expect(e.childrenSources('fi-lower')).toMatchObject({ year: 2024, units: { data: 16, model: 0, forecast: 0, scaled: 0 }, children: { data: 280 } });
  });
});
