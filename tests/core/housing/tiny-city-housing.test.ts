/**
 * Housing projects on Tiny City (tests/fixtures/tiny-city/README.md), worked out by hand with a
 * hand-built yield table: block / social_rental lower grades = [0.1, 0.2, 0.15] per dwelling
 * (completion year, +1, +2 and every later year).
 * Base year 2024, children with retention 1 and birth factor 1 (see tiny-city-projection.test.ts):
 * A = 100, 91.333… (8 + 500/6), 82.666… (16 + 400/6), 74 in 2024…2027; B = 180, 158, 136, 114.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import type { Dataset } from '../../../src/core/model/dataset';
import type { HousingProjectRecord } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const yields = { lower: { block: { social_rental: [0.1, 0.2, 0.15] } } };
const config: IndicatorConfig = { ...presets['statfi-grid'], housing: { yields } };

function engine(c: IndicatorConfig = config): ScenarioEngine {
  const e = ScenarioEngine.create(dataset, c, { baseYear: 2024 });
  if (!e.ok) throw new Error(e.problems[0].message);
  return e.value;
}

/** 100 ARA block dwellings at a point in cell (0, 0), completed 2025. */
const point: HousingProjectRecord = {
  kind: 'housing-project', year: 2025, id: 'p1', name: 'Rantapuisto', dwellings: 100,
  tenure: 'social_rental', buildingType: 'block', location: [385_100, 6_672_100],
};

function school(e: ScenarioEngine, id: string, year: number) {
  expect(e.setYear(year).ok).toBe(true);
  return e.indicators('fi-lower').schools.find((s) => s.id === id)!;
}

describe('housing projects on Tiny City', () => {
  it('adds dwellings × yield to the school of the cell from the completion year on', () => {
    const e = engine();
    expect(e.apply(point).ok).toBe(true);
    // 2024: before completion, nothing added.
    expect(school(e, 'A', 2024).children).toBe(100);
    // 2025: 100 × 0.1 = 10; 2026: 100 × 0.2 = 20; 2027: 100 × 0.15 = 15 (and the last value repeats).
    expect(school(e, 'A', 2025).children).toBeCloseTo(8 + 500 / 6 + 10, 12);
    expect(school(e, 'A', 2026).children).toBeCloseTo(16 + 400 / 6 + 20, 12);
    expect(school(e, 'A', 2027).children).toBeCloseTo(74 + 15, 12);
    expect(school(e, 'A', 2029).children - e.baselineIndicators('fi-lower').schools[0].children).toBeCloseTo(15, 12);
    // B is untouched.
    expect(school(e, 'B', 2026).children).toBeCloseTo(136, 12);
  });

  it('spreads a region over the cells by area share', () => {
    const e = engine();
    // x 385 375–385 625, y 6 672 000–6 672 100: half in cell (1, 0) (school A), half in (2, 0) (school B).
    const region: HousingProjectRecord = { ...point, id: 'p2', location: undefined, region: [[[[385_375, 6_672_000], [385_625, 6_672_000], [385_625, 6_672_100], [385_375, 6_672_100], [385_375, 6_672_000]]]] };
    expect(e.apply(region).ok).toBe(true);
    // 2026: 20 children, 10 to each.
    expect(school(e, 'A', 2026).children).toBeCloseTo(16 + 400 / 6 + 10, 12);
    expect(school(e, 'B', 2026).children).toBeCloseTo(136 + 10, 12);
  });

  it('gives the pupils the tenure\'s composition, else the cell\'s own', () => {
    // Foreign-language share: cell (c, r) has vieraskielisia / he_vakiy = 10c / 100.
    // 2025, school A without the project: with = Σ children × 0.1 over column 1 = 4 × (1 + 75/6) × 0.1 = 5.4;
    //   base = 8 + 500/6.
    // The project's 10 pupils land in cell (0, 0), whose own share is 0:
    //   without a tenure composition: with = 5.4 + 10 × 0 = 5.4; share = 5.4 / (18 + 500/6).
    const plain = engine();
    plain.apply(point);
    expect(school(plain, 'A', 2025).shares.foreign_language).toBeCloseTo(5.4 / (18 + 500 / 6), 12);
    // With composition social_rental.foreign_language = 0.5: with = 5.4 + 10 × 0.5 = 10.4.
    const mixed = engine({ ...config, housing: { yields, composition: { social_rental: { foreign_language: 0.5 } } } });
    mixed.apply(point);
    expect(school(mixed, 'A', 2025).shares.foreign_language).toBeCloseTo(10.4 / (18 + 500 / 6), 12);
    // Changing the tenure to owner (default yields: block owner lower [0.036, …], no composition given)
    // changes the figures: 100 × 0.036 = 3.6 pupils with the cell's share 0.
    mixed.apply({ ...point, tenure: 'owner' });
    const a = school(mixed, 'A', 2025);
    expect(a.children).toBeCloseTo(8 + 500 / 6 + 3.6, 12);
    expect(a.shares.foreign_language).toBeCloseTo(5.4 / (8 + 500 / 6 + 3.6), 12);
    // Undo brings the ARA version back exactly.
    mixed.undo();
    expect(school(mixed, 'A', 2025).shares.foreign_language).toBeCloseTo(10.4 / (18 + 500 / 6), 12);
  });

  it('refuses bad records with a named error and changes nothing', () => {
    const e = engine();
    const cases: [Partial<HousingProjectRecord>, string][] = [
      [{ location: [300_000, 6_600_000] }, 'housing-outside-units'],
      [{ dwellings: -5 }, 'housing-bad-dwellings'],
      [{ dwellings: 1e7 }, 'housing-absurd-dwellings'],
      [{ tenure: 'castle' as never }, 'housing-unknown-tenure'],
      [{ buildingType: 'igloo' as never }, 'housing-unknown-type'],
      [{ year: 2020 }, 'housing-year-before-base'],
    ];
    for (const [change, code] of cases) {
      const r = e.apply({ ...point, ...change });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0].code).toBe(code);
    }
    expect(e.edits()).toEqual([]);
    expect(school(e, 'A', 2026).children).toBeCloseTo(16 + 400 / 6, 12);
  });

  it('removes a project and undoes the removal exactly', () => {
    const e = engine();
    e.apply(point);
    const withProject = school(e, 'A', 2026).children;
    expect(e.apply({ kind: 'remove-housing-project', id: 'p1' }).ok).toBe(true);
    expect(school(e, 'A', 2026).children).toBeCloseTo(16 + 400 / 6, 12);
    e.undo();
    expect(school(e, 'A', 2026).children).toBe(withProject);
    expect(e.apply({ kind: 'remove-housing-project', id: 'nope' }).ok).toBe(false);
  });
});
