/**
 * Dated boundary edits and the year switch on Tiny City (tests/fixtures/tiny-city/README.md),
 * children worked out by hand in tests/core/projection/tiny-city-projection.test.ts:
 * per cell of column c, ages 7–12 are 10 + 5c (2024), 1 + 5(10 + 5c)/6 (2025), 2 + 4(10 + 5c)/6 (2026).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import type { Edit } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

const column2From2026: Edit = { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1], [2, 2], [2, 3]], year: 2026 };
const housing: Edit = { kind: 'housing-project', year: 2025, id: 'h', name: 'H', dwellings: 50, tenure: 'owner', buildingType: 'detached', location: [385_900, 6_672_900] };

function engine(): ScenarioEngine {
  const e = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 5 });
  if (!e.ok) throw new Error(e.problems[0].message);
  return e.value;
}

function a(e: ScenarioEngine, year: number): number {
  expect(e.setYear(year).ok).toBe(true);
  return e.indicators('fi-lower').schools[0].children;
}

/** Everything a user sees, in every year. */
function everything(e: ScenarioEngine): unknown {
  const selected = e.year;
  const out = e.years().map((y) => [e.indicatorsInYear('fi-lower', y), e.catchments('fi-lower')]);
  expect(e.year).toBe(selected);
  return out;
}

describe('dated records', () => {
  it('puts a boundary edit in effect from its year only', () => {
    const e = engine();
    expect(e.apply(column2From2026).ok).toBe(true);
    expect(a(e, 2024)).toBe(100);
    expect(a(e, 2025)).toBeCloseTo(8 + 500 / 6, 12);
    // 2026: A = columns 0–1 (16 + 400/6) + column 2 (4 × (2 + 80/6) = 8 + 320/6) = 24 + 720/6 = 144.
    expect(a(e, 2026)).toBeCloseTo(144, 12);
    expect(e.catchments('fi-lower')[1]).not.toEqual(dataset.partitions['fi-lower'].catchments[1]);
    // Back in 2024 the catchments are the baseline's again, bit for bit.
    expect(a(e, 2024)).toBe(100);
    expect(e.catchments('fi-lower')).toEqual(dataset.partitions['fi-lower'].catchments);
    // The figures of another year without switching.
    expect(e.indicatorsInYear('fi-lower', 2026).schools[0].children).toBeCloseTo(144, 12);
    expect(e.year).toBe(2024);
  });

  it('refuses a year outside the projection, for an edit and for the selection', () => {
    const e = engine();
    const r = e.apply({ ...column2From2026, year: 2040 });
    expect(r.ok ? '' : r.problems[0].code).toBe('edit-year-out-of-range');
    const s = e.setYear(2023);
    expect(s.ok ? '' : s.problems[0].code).toBe('year-out-of-range');
    expect(e.edits()).toEqual([]);
  });

  it('undoes and redoes every record kind exactly, whatever the selected year', () => {
    for (const viewYear of [2024, 2026]) {
      const e = engine();
      e.setYear(viewYear);
      const s0 = everything(e);
      expect(e.apply(column2From2026).ok).toBe(true);
      const s1 = everything(e);
      expect(e.apply(housing).ok).toBe(true);
      const s2 = everything(e);
      expect(e.apply({ ...housing, dwellings: 80 }).ok).toBe(true);
      const s3 = everything(e);
      expect(e.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'B', cells: [[0, 0]] }).ok).toBe(true);
      const s4 = everything(e);
      e.undo();
      expect(everything(e)).toEqual(s3);
      e.undo();
      expect(everything(e)).toEqual(s2);
      e.setYear(2025); // a year switch between undos changes nothing of this
      e.setYear(viewYear);
      e.undo();
      expect(everything(e)).toEqual(s1);
      e.undo();
      expect(everything(e)).toEqual(s0);
      e.redo();
      e.redo();
      e.redo();
      e.redo();
      expect(everything(e)).toEqual(s4);
      expect(e.edits().map((r) => r.kind)).toEqual(['assign-cells', 'housing-project', 'housing-project', 'assign-cells']);
    }
  });
});

describe('scenario files with dated records (version 3)', () => {
  it('round-trips every record kind and migrates a version-2 file', async () => {
    const { createScenario, parseScenarioFile, serializeScenario, applyScenario } = await import('../../../src/core/scenario/scenario-file');
    const records: Edit[] = [column2From2026, housing, { ...housing, dwellings: 80 }, { kind: 'remove-housing-project', id: 'h' }];
    const s = { ...createScenario(dataset, 'Aika', { id: 'x', now: '2026-01-01T00:00:00.000Z' }), edits: records, cursor: 3, baseYear: 2024 };
    const text = serializeScenario(s, dataset);
    const back = parseScenarioFile(text, dataset);
    expect(back.ok && back.value).toEqual(s);
    const e = engine();
    expect(applyScenario(e, s).ok).toBe(true);
    expect(e.housingProjects().map((p) => p.dwellings)).toEqual([80]);
    const v2 = JSON.parse(text);
    v2.version = 2;
    delete v2.baseYear;
    v2.edits = [{ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0]] }];
    v2.cursor = 1;
    const migrated = parseScenarioFile(JSON.stringify(v2), dataset);
    expect(migrated.ok && migrated.warnings.map((w) => w.code)).toEqual(['scenario-migrated']);
    expect(migrated.ok && migrated.value.edits[0]).toEqual(v2.edits[0]);
  });
});

describe('projected years after boundary edits', () => {
  type Rows = { rows: Float64Array[] };
  const internals = (e: ReturnType<typeof engine>) =>
    (e as unknown as { states: Map<string, { yearRows: Rows; baselineRows: Rows; projection: never; editable: { overlay: never; matrix: Float64Array }; layout: never; fallback: Float64Array }> }).states.get('fi-lower')!;

  it('equal a rebuild from scratch (to 1e-12 relative: the rows are updated incrementally, like the base year sums)', async () => {
    const { YearRows } = await import('../../../src/core/projection/year-rows');
    const e = engine();
    e.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 'B', region: [[[[385_100, 6_672_100], [385_480, 6_672_130], [385_300, 6_672_700], [385_100, 6_672_100]]]] });
    e.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[3, 3], [2, 2]] });
    e.undo();
    e.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[3, 0]], year: 2026 });
    e.setYear(2027);
    e.indicators('fi-lower');
    const s = internals(e);
    const fresh = YearRows.build(s.editable.overlay, s.projection, s.editable.matrix, s.layout, s.fallback);
    s.yearRows.rows.forEach((row, t) => row.forEach((v, i) => expect(Math.abs(v - fresh.rows[t][i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)))));
  });

  it('come back bit for bit when every edit is undone', () => {
    const e = engine();
    const s = internals(e);
    const before = s.yearRows.rows.map((r) => r.slice());
    e.apply({ kind: 'assign-region', networkId: 'fi-lower', schoolId: 'B', region: [[[[385_100, 6_672_100], [385_480, 6_672_130], [385_300, 6_672_700], [385_100, 6_672_100]]]] });
    e.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[3, 3], [2, 2]], year: 2026 });
    e.setYear(2028);
    e.indicators('fi-lower');
    e.undo();
    e.undo();
    expect(s.yearRows.rows).toEqual(before);
    expect(s.yearRows.rows).toEqual(s.baselineRows.rows);
  });
});
