/**
 * Comparison of scenarios on Tiny City, worked by hand (tests/fixtures/tiny-city/README.md):
 * cell (c, r) has 10 + 5c children and its centre at (385 125 + 250c, 6 672 125 + 250r);
 * A owns columns 0–1, B columns 2–3; schools at (385 250, 6 672 500) and (385 750, 6 672 500).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { compareIndicators } from '../../../src/core/compare/compare-indicators';
import { changedCatchments, compareScenarios, compareWithBaseline, unitChildren } from '../../../src/core/compare/compare-scenarios';
import type { Dataset } from '../../../src/core/model/dataset';
import { applyPrivacy } from '../../../src/core/pupil-base/privacy';
import type { Edit } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const config = presets['statfi-grid'];
const column2: Edit = { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1], [2, 2], [2, 3]] };

function engines(data: Dataset): [ScenarioEngine, ScenarioEngine] {
  const a = new ScenarioEngine(data, config);
  const b = new ScenarioEngine(data, config);
  expect(b.apply(column2).ok).toBe(true);
  return [a, b];
}

describe('compareScenarios on Tiny City', () => {
  it('moving column 2 from B to A moves 4 × 20 = 80 children; no trip exceeds 5 km', () => {
    const [a, b] = engines(dataset);
    const r = compareScenarios(a, b, 'fi-lower');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.value;
    expect(c.movement.movedChildren).toBeCloseTo(80, 9);
    expect(c.movement.movedUnits).toBe(4);
    // The farthest cell centre from its school is under 1 km away.
    expect(c.movement.totalOverLimitA).toBe(0);
    expect(c.movement.totalOverLimitB).toBe(0);
    expect(c.movement.movedOverLimitA).toBe(0);
    expect(c.movement.movedOverLimitB).toBe(0);
    expect(c.movement.limitMetres).toBe(5000);
    // Schools: A 100 → 180 (+80), B 180 → 100 (−80); utilisation B 180/80 → 100/80.
    const [A, B] = c.schools;
    expect(A.id).toBe('A');
    expect(A.children.a).toBeCloseTo(100, 9);
    expect(A.children.b).toBeCloseTo(180, 9);
    expect(A.children.change).toBeCloseTo(80, 9);
    expect(B.children.change).toBeCloseTo(-80, 9);
    expect(B.utilisation.a).toBeCloseTo(2.25, 9);
    expect(B.utilisation.b).toBeCloseTo(1.25, 9);
    // Foreign-language share of A: 6/100 → 22/180.
    expect(A.shares.foreign_language.a).toBeCloseTo(0.06, 9);
    expect(A.shares.foreign_language.b).toBeCloseTo(22 / 180, 9);
    // D foreign-language 3520/11856 → 3200/11856 (scenario-engine.test.ts works these out).
    const d = c.indices.find((x) => x.kind === 'two-group' && x.group === 'foreign_language' && x.index === 'D')!;
    expect(d.value.a).toBeCloseTo(3520 / 11856, 9);
    expect(d.value.b).toBeCloseTo(3200 / 11856, 9);
    expect(d.value.change).toBeCloseTo(-320 / 11856, 9);
    // 5 shares × 7 two-group indices + 3 partitions × 4 multigroup indices.
    expect(c.indices).toHaveLength(5 * 7 + 3 * 4);
    expect(c.changedCatchments).toEqual([0, 1]);
    expect(c.changedSchoolIds).toEqual(['A', 'B']);
    expect(c.totals.children.change).toBeCloseTo(0, 9);
  });

  it('counts trips over the limit by hand when school B stands 5.5 km east', () => {
    // B at (390 750, 6 672 500). From a centre in column c: dx = 390 750 − (385 125 + 250c) = 5625 − 250c,
    // dy = 375 − 250r ∈ {375, 125, −125, −375}. Column 2: dx = 5125 > 5000 → every cell is over 5 km.
    // Column 3: dx = 4875, max distance √(4875² + 375²) = √23 906 250 ≈ 4889.4 < 5000 → none.
    const far: Dataset = { ...dataset, schools: dataset.schools.map((s) => (s.id === 'B' ? { ...s, location: [390_750, 6_672_500] } : s)) };
    const [a, b] = engines(far);
    const r = compareScenarios(a, b, 'fi-lower');
    if (!r.ok) throw new Error('comparison failed');
    const m = r.value.movement;
    // Before: column 2 (4 × 20 = 80 children) belongs to B and is over 5 km. After: column 2 goes to A (375 m away).
    expect(m.overLimitA[0]).toBe(0);
    expect(m.overLimitA[1]).toBeCloseTo(80, 9);
    expect(m.totalOverLimitA).toBeCloseTo(80, 9);
    expect(m.totalOverLimitB).toBe(0);
    expect(m.movedOverLimitA).toBeCloseTo(80, 9);
    expect(m.movedOverLimitB).toBe(0);
    // With a 4880 m limit, column 3 rows 0 and 3 (dy = ±375 → 4889.4 m) are over too; rows 1–2 (√(4875² + 125²) ≈ 4876.6 m) are not:
    // 2 cells × 25 = 50 children in both scenarios, plus column 2 before.
    const r2 = compareScenarios(a, b, 'fi-lower', { limitMetres: 4880 });
    if (!r2.ok) throw new Error('comparison failed');
    expect(r2.value.movement.totalOverLimitA).toBeCloseTo(130, 9);
    expect(r2.value.movement.totalOverLimitB).toBeCloseTo(50, 9);
    expect(r2.value.movement.overLimitB).toEqual([0, expect.closeTo(50, 9)]);
  });

  it('counts trips over the limit by the given trip lengths (e.g. along the streets) instead of straight lines', () => {
    const [a, b] = engines(dataset);
    // Trip lengths by hand: every trip to B is 6 km (say, round a river), every trip to A 1 km.
    const trip = (school: number) => (school === 1 ? 6000 : 1000);
    const r = compareScenarios(a, b, 'fi-lower', { tripA: trip, tripB: trip });
    if (!r.ok) throw new Error('comparison failed');
    const m = r.value.movement;
    // Children: column c has 4 cells × (10 + 5c). B owns columns 2–3 before (4 × 20 + 4 × 25 = 180), column 3 after (100).
    expect(m.totalOverLimitA).toBeCloseTo(180, 9);
    expect(m.totalOverLimitB).toBeCloseTo(100, 9);
    // Column 2 (80 children) leaves B (6 km) for A (1 km).
    expect(m.movedOverLimitA).toBeCloseTo(80, 9);
    expect(m.movedOverLimitB).toBe(0);
    // Only side B given: side A stays straight-line (under 1 km: none over 5 km).
    const onlyB = compareScenarios(a, b, 'fi-lower', { tripB: trip });
    if (!onlyB.ok) throw new Error('comparison failed');
    expect(onlyB.value.movement.totalOverLimitA).toBe(0);
    expect(onlyB.value.movement.totalOverLimitB).toBeCloseTo(100, 9);
  });

  it('compares an engine with its own baseline; half a column moves half its children', () => {
    const engine = new ScenarioEngine(dataset, config);
    const x0 = 385_500;
    engine.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 'A', region: [[[[x0, 6_671_900], [x0 + 125, 6_671_900], [x0 + 125, 6_673_100], [x0, 6_673_100], [x0, 6_671_900]]]] });
    const r = compareWithBaseline(engine, 'fi-lower');
    if (!r.ok) throw new Error('comparison failed');
    // Half of each of the 4 cells of column 2: 4 × 20 × 0.5 = 40 children.
    expect(r.value.movement.movedChildren).toBeCloseTo(40, 9);
    expect(r.value.changedSchoolIds).toEqual(['A', 'B']);
    // Undo: nothing differs.
    engine.undo();
    const same = compareWithBaseline(engine, 'fi-lower');
    if (!same.ok) throw new Error('comparison failed');
    expect(same.value.movement.movedChildren).toBe(0);
    expect(same.value.changedCatchments).toEqual([]);
  });

  it('reports an unknown network and incomparable datasets as problems', () => {
    const [a, b] = engines(dataset);
    const r = compareScenarios(a, b, 'nope');
    expect(!r.ok && r.problems[0].code).toBe('unknown-network');
  });

  it('unitChildren gives 10 + 5c per cell', () => {
    const engine = new ScenarioEngine(dataset, config);
    const children = unitChildren(engine, 'fi-lower');
    const u = dataset.units;
    if (u.kind !== 'grid') throw new Error('grid expected');
    for (let i = 0; i < u.count; i++) expect(children[i]).toBe(10 + 5 * u.col[i]);
  });
});

describe('compareIndicators with privacy applied', () => {
  it('hidden values have a null change', () => {
    const engine = new ScenarioEngine(dataset, config);
    const ind = engine.indicators('fi-lower');
    // A threshold of 150 hides school A (100 children) but not B (180).
    const pub = applyPrivacy(ind, 150);
    const t = compareIndicators(pub, pub);
    expect(t.schools[0].children).toEqual({ a: null, b: null, change: null });
    expect(t.schools[1].children.change).toBe(0);
  });
});

describe('changedCatchments', () => {
  const sq = (x: number, y: number, s: number) => [[[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]] as [number, number][][][];
  it('ignores identical geometry and vertex order, sees a moved edge', () => {
    const a = sq(0, 0, 10);
    const rotated = [[[[10, 0], [10, 10], [0, 10], [0, 0], [10, 0]]]] as [number, number][][][];
    expect(changedCatchments([a, a], [a, rotated])).toEqual([]);
    expect(changedCatchments([a, a], [a, sq(0, 0, 11)])).toEqual([1]);
    // A 0.5 m² difference is below the default 1 m² tolerance.
    expect(changedCatchments([a], [[[[[0, 0], [10, 0], [10, 10.05], [0, 10.05], [0, 0]]]]])).toEqual([]);
  });
});

describe('children moved in the selected year', () => {
  it('counts the projected children of the year, not the base year\'s', () => {
    // Base year 2024; in 2025 a cell of column 2 holds age 6 of 2024 (1) + 5 × 20/6 at ages 8–12 → 1 + 100/6
    // (tests/core/projection/tiny-city-projection.test.ts); 4 cells → 4 + 400/6 = 70.67 instead of 80.
    const e = ScenarioEngine.create(dataset, config, { baseYear: 2024 });
    if (!e.ok) throw new Error(e.problems[0].message);
    expect(e.value.apply(column2).ok).toBe(true);
    const base = compareWithBaseline(e.value, 'fi-lower');
    expect(base.ok && base.value.movement.movedChildren).toBeCloseTo(80, 9);
    expect(e.value.setYear(2025).ok).toBe(true);
    const next = compareWithBaseline(e.value, 'fi-lower');
    expect(next.ok && next.value.movement.movedChildren).toBeCloseTo(4 + 400 / 6, 9);
  });
});
