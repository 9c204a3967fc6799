/**
 * Invariants of the projection and housing projects (fast-check):
 * - retention 1, birth factor 0, no projects: the people aged 0–15 in year t are those aged
 *   0–(15 − t) in the base year (nothing created or lost);
 * - adding a project never lowers any school's children, in any year;
 * - every projection conserves the network total between the unit view (Σ unit children) and
 *   the school view (Σ school children + gap − overlap) to 1e-9 relative.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import { projectAges, singleAges } from '../../../src/core/projection/cohort-model';
import type { AgeBandField } from '../../../src/core/projection/projection-config';
import { BUILDING_TYPES, TENURES } from '../../../src/core/housing/housing-config';
import type { Edit, HousingProjectRecord } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

/** Random bands: cut points splitting ages 0…17 into consecutive bands. */
const bandsArb = fc.uniqueArray(fc.integer({ min: 1, max: 17 }), { maxLength: 8 }).map((cuts): AgeBandField[] => {
  const edges = [0, ...cuts.sort((a, b) => a - b), 18];
  return edges.slice(0, -1).map((from, i) => ({ field: `b${i}`, from, to: edges[i + 1] - 1 }));
});

describe('projection properties', () => {
  it('retention 1, birth factor 0: ages 0–15 in year t = ages 0–(15 − t) in the base year', () => {
    fc.assert(fc.property(bandsArb, fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 18, maxLength: 18 }), fc.integer({ min: 0, max: 15 }),
      (bands, raw, t) => {
        const ages0 = singleAges(bands, bands.map((_, i) => raw[i]));
        const factors = Object.fromEntries(Array.from({ length: 20 }, (_, k) => [String(2025 + k), 0]));
        const agesT = projectAges(ages0, t, 2024, undefined, factors);
        let now = 0;
        let then = 0;
        for (let a = 0; a <= 15; a++) now += agesT[a];
        for (let a = 0; a <= 15 - t; a++) then += ages0[a];
        expect(Math.abs(now - then)).toBeLessThanOrEqual(1e-9 * Math.max(1, then));
      }), { numRuns: 200 });
  });

  const projectArb = fc.record({
    x: fc.double({ min: 385_010, max: 385_990, noNaN: true }),
    y: fc.double({ min: 6_672_010, max: 6_672_990, noNaN: true }),
    size: fc.double({ min: 0, max: 400, noNaN: true }),
    dwellings: fc.integer({ min: 1, max: 2000 }),
    tenure: fc.constantFrom(...TENURES),
    buildingType: fc.constantFrom(...BUILDING_TYPES),
    year: fc.integer({ min: 2024, max: 2030 }),
  }).map((p): HousingProjectRecord => {
    const base = { kind: 'housing-project' as const, id: `p${p.x}`, name: 'P', dwellings: p.dwellings, tenure: p.tenure, buildingType: p.buildingType, year: p.year };
    if (p.size < 50) return { ...base, location: [p.x, p.y] };
    const [x0, y0, x1, y1] = [p.x - p.size / 2, p.y - p.size / 3, p.x + p.size / 2, p.y + p.size / 3];
    return { ...base, region: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]] };
  });
  const assignArb = fc.record({ col: fc.integer({ min: 0, max: 3 }), row: fc.integer({ min: 0, max: 3 }), school: fc.constantFrom('A', 'B'), year: fc.integer({ min: 2024, max: 2030 }) })
    .map((a): Edit => ({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: a.school, cells: [[a.col, a.row]], year: a.year }));

  function engine(): ScenarioEngine {
    const e = ScenarioEngine.create(dataset, { ...presets['statfi-grid'], projection: { retention: [1, 1, 1, 1, 1, 1, 0.97, 0.98], birthFactor: { 2026: 1.2 } } }, { baseYear: 2024, horizon: 6 });
    if (!e.ok) throw new Error('engine');
    return e.value;
  }

  it('adding a project never lowers any school\'s children', () => {
    fc.assert(fc.property(fc.array(projectArb, { maxLength: 3 }), projectArb, (before, added) => {
      const e = engine();
      before.forEach((p, i) => e.apply({ ...p, id: `b${i}` }));
      const was = e.years().map((y) => e.indicatorsInYear('fi-lower', y).schools.map((s) => s.children));
      expect(e.apply({ ...added, id: 'new' }).ok).toBe(true);
      e.years().forEach((y, i) => {
        e.indicatorsInYear('fi-lower', y).schools.forEach((s, j) => expect(s.children).toBeGreaterThanOrEqual(was[i][j] - 1e-12 * was[i][j]));
      });
    }), { numRuns: 25 });
  });

  it('conserves the network total between the unit view and the school view in every year', () => {
    fc.assert(fc.property(fc.array(fc.oneof(projectArb, assignArb), { maxLength: 6 }), fc.integer({ min: 2024, max: 2030 }), (records, year) => {
      const e = engine();
      records.forEach((r, i) => e.apply(r.kind === 'housing-project' ? { ...r, id: `r${i}` } : r, { allowEmptying: true }));
      expect(e.setYear(year).ok).toBe(true);
      let units = 0;
      for (const c of e.unitChildren('fi-lower')) units += c;
      const ind = e.indicators('fi-lower');
      const schools = ind.schools.reduce((a, s) => a + s.children, 0) + ind.totals.gapChildren - ind.totals.overlapChildren;
      expect(Math.abs(units - schools)).toBeLessThanOrEqual(1e-9 * units);
    }), { numRuns: 25 });
  });
});
