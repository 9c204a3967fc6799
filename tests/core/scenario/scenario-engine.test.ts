/**
 * The engine on the hand-written Tiny City (tests/fixtures/tiny-city/README.md):
 * 4 × 4 cells, school A owns columns 0–1, school B columns 2–3.
 * Per cell in column c: children he_7_12 = 10 + 5c, foreign-language share vieraskielisia/he_vakiy = 0.1c.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import type { Edit } from '../../../src/core/scenario/edit';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const column2: Edit = { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1], [2, 2], [2, 3]] };

function figures(engine: ScenarioEngine) {
  const ind = engine.indicators('fi-lower');
  const byId = Object.fromEntries(ind.schools.map((s) => [s.id, s]));
  return { ind, A: byId.A, B: byId.B };
}

describe('ScenarioEngine on Tiny City', () => {
  it('computes the baseline pupil base and dissimilarity by hand', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const { ind, A, B } = figures(engine);
    // A: 4 rows × (10 + 15) = 100 children; B: 4 × (20 + 25) = 180.
    expect(A.children).toBeCloseTo(100, 9);
    expect(B.children).toBeCloseTo(180, 9);
    // Capacities 100 and 80.
    expect(A.utilisation).toBeCloseTo(1, 9);
    expect(B.utilisation).toBeCloseTo(180 / 80, 9);
    // Foreign-language children: A = 4 × (10·0 + 15·0.1) = 6; B = 4 × (20·0.2 + 25·0.3) = 46.
    expect(A.shares.foreign_language).toBeCloseTo(6 / 100, 9);
    expect(B.shares.foreign_language).toBeCloseTo(46 / 180, 9);
    // D = ½ Σ |x_j/X − y_j/Y| = |6/52 − 94/228| = 3520 / 11856.
    expect(ind.indices.foreign_language.D).toBeCloseTo(3520 / 11856, 9);
    expect(ind.totals.children).toBeCloseTo(280, 9);
    expect(ind.totals.gapChildren).toBeCloseTo(0, 9);
  });

  it('moves column 2 to school A, conserves children, and undo restores the baseline exactly', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const before = JSON.stringify(engine.indicators('fi-lower'));
    const r = engine.apply(column2);
    expect(r.ok).toBe(true);
    const { ind, A, B } = figures(engine);
    // A: 4 × (10 + 15 + 20) = 180; B: 4 × 25 = 100.
    expect(A.children).toBeCloseTo(180, 9);
    expect(B.children).toBeCloseTo(100, 9);
    expect(ind.totals.children).toBeCloseTo(280, 9);
    // Foreign-language: A = 4 × (0 + 1.5 + 4) = 22, B = 4 × 7.5 = 30; D = |22/52 − 158/228| = 3200/11856.
    expect(A.shares.foreign_language).toBeCloseTo(22 / 180, 9);
    expect(B.shares.foreign_language).toBeCloseTo(0.3, 9);
    expect(ind.indices.foreign_language.D).toBeCloseTo(3200 / 11856, 9);
    // The four cells of column 2 changed; the 12 others did not.
    const changed = engine.unitChanged('fi-lower');
    expect(changed.reduce((a, b) => a + b, 0)).toBe(4);
    expect(engine.canUndo()).toBe(true);

    engine.undo();
    expect(JSON.stringify(engine.indicators('fi-lower'))).toBe(before);
    expect(engine.unitChanged('fi-lower').reduce((a, b) => a + b, 0)).toBe(0);
    engine.redo();
    expect(figures(engine).A.children).toBeCloseTo(180, 9);
  });

  it('splits cells by area: half of column 2 moves half of its children', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const x0 = 385_500;
    const y0 = 6_672_000;
    const region: Edit = {
      kind: 'assign-region',
      networkId: 'fi-lower',
      schoolId: 'A',
      region: [[[[x0, y0 - 100], [x0 + 125, y0 - 100], [x0 + 125, y0 + 1100], [x0, y0 + 1100], [x0, y0 - 100]]]],
    };
    expect(engine.apply(region).ok).toBe(true);
    // Half of 4 × 20 children = 40 move: A = 140, B = 140.
    const { A, B } = figures(engine);
    expect(A.children).toBeCloseTo(140, 9);
    expect(B.children).toBeCloseTo(140, 9);
  });

  it('refuses an edit that would leave a school with no area, changing nothing', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const before = JSON.stringify(engine.indicators('fi-lower'));
    const all: Edit = {
      kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A',
      cells: [2, 3].flatMap((c) => [0, 1, 2, 3].map((r) => [c, r] as [number, number])),
    };
    const r = engine.apply(all);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].code).toBe('edit-empties-school');
    expect(JSON.stringify(engine.indicators('fi-lower'))).toBe(before);
    expect(engine.canUndo()).toBe(false);
    expect(engine.canRedo()).toBe(false);
    // Allowed explicitly, it goes through and B has no children left.
    expect(engine.apply(all, { allowEmptying: true }).ok).toBe(true);
    expect(figures(engine).B.children).toBe(0);
  });

  it('reports an unknown network as a problem', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const r = engine.apply({ ...column2, networkId: 'nope' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].code).toBe('unknown-network');
  });
});

describe('ScenarioEngine edit log', () => {
  it('lists the edits in effect and the redo history across undo', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    const second: Edit = { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'B', cells: [[1, 0]] };
    expect(engine.apply(column2).ok).toBe(true);
    expect(engine.apply(second).ok).toBe(true);
    expect(engine.edits()).toEqual([column2, second]);
    engine.undo();
    expect(engine.edits()).toEqual([column2]);
    expect(engine.redoEdits()).toEqual([second]);
    engine.undo();
    expect(engine.redoEdits()).toEqual([column2, second]);
    engine.redo();
    expect(engine.redoEdits()).toEqual([second]);
  });

  it('keeps the localised network labels of the bundle manifest', () => {
    const engine = new ScenarioEngine(dataset, presets['statfi-grid']);
    expect(engine.network('fi-lower').labels?.fi).toBe('Suomenkieliset, vuosiluokat 1–6');
  });
});
