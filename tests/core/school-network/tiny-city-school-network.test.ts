/**
 * School-network records on Tiny City (tests/fixtures/tiny-city/README.md), worked by hand.
 * Grid 4 × 4 cells of 250 m from (385 000, 6 672 000); children aged 7–12 per cell of column c:
 * 10 + 5c in 2024, 1 + 5(10 + 5c)/6 in 2025, 2 + 4(10 + 5c)/6 in 2026 (see
 * tests/core/projection/tiny-city-projection.test.ts). A = columns 0–1 (100 children),
 * B = columns 2–3 (180). Cell (c, r) has its centre at (385 125 + 250c, 6 672 125 + 250r).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import type { Edit } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

function engine(): ScenarioEngine {
  const e = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 5 });
  if (!e.ok) throw new Error(e.problems[0].message);
  return e.value;
}

const X0 = 385_000;
const Y0 = 6_672_000;
const rect = (x0: number, y0: number, x1: number, y1: number): MultiPolygon => [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]];
/** Top-right quarter: columns 2–3, rows 2–3. */
const topRight = rect(X0 + 500, Y0 + 500, X0 + 1000, Y0 + 1000);
const openC = (year: number, catchment: MultiPolygon | 'nearest' = topRight): Edit => ({
  kind: 'open-school', year,
  school: { id: 'C', name: 'Uusikoulu', language: 'fi', grades: '1-6', capacity: 50, location: [X0 + 875, Y0 + 875] },
  catchment,
});

function figures(e: ScenarioEngine, year?: number) {
  const ind = year === undefined ? e.indicators('fi-lower') : e.indicatorsInYear('fi-lower', year);
  return Object.fromEntries(ind.schools.map((s) => [s.id, s]));
}

function ok(r: { ok: boolean; problems?: { message: string }[] }): void {
  if (!r.ok) throw new Error(r.problems?.[0].message);
}

/** Everything a user sees, in every year (the undo test compares these). */
function everything(e: ScenarioEngine): unknown {
  return e.years().map((y) => [e.indicatorsInYear('fi-lower', y), e.network('fi-lower').schoolIds, e.tripLengths('fi-lower', y)]);
}

describe('open-school', () => {
  it('gives a drawn catchment to the new school, children by area', () => {
    const e = engine();
    // Catchment x 385 625–386 000 (half of column 2, all of column 3), rows 2–3:
    // C = 2 rows × (½ × 20 + 25) = 70; B = 180 − 70 = 110; A = 100.
    ok(e.apply(openC(2024, rect(X0 + 625, Y0 + 500, X0 + 1000, Y0 + 1000))));
    const f = figures(e);
    expect(f.C.children).toBeCloseTo(70, 9);
    expect(f.B.children).toBeCloseTo(110, 9);
    expect(f.A.children).toBe(100);
    expect(f.C.utilisation).toBeCloseTo(70 / 50, 9);
    expect(f.C.status).toBe('open');
    expect(e.network('fi-lower').schoolIds).toEqual(['A', 'B', 'C']);
  });

  it('"nearest": takes the units nearer to it than to their school, worked by hand', () => {
    const e = engine();
    // C at (385 875, 6 672 875) = centre of cell (3, 3); B at (385 750, 6 672 500), A at (385 250, 6 672 500).
    // B's cells: (3,3): |B| = √(125² + 375²) = 395 > |C| = 0 → C; (2,3): |B| = 395 > |C| = 250 → C;
    // (2,2), (3,2), (2,1), (3,1), …: |B| ≤ √(125² + 125²) = 177 < |C| (≥ 250) → stay with B.
    // A's nearest cells to C, (1,3): |A| = 395 < |C| = 500 → stay with A.
    // C = 20 + 25 = 45 (columns 2 and 3 of row 3), B = 180 − 45 = 135, A = 100.
    ok(e.apply(openC(2024, 'nearest')));
    const f = figures(e);
    expect(f.C.children).toBeCloseTo(45, 9);
    expect(f.B.children).toBeCloseTo(135, 9);
    expect(f.A.children).toBe(100);
  });

  it('changes nothing before its year: the school is listed as not yet open with 0 children', () => {
    const e = engine();
    ok(e.apply(openC(2026)));
    const before = figures(e, 2025);
    expect(before.C.status).toBe('not-yet-open');
    expect(before.C.children).toBe(0);
    // 2025: B = columns 2–3 = 4 × (1 + 100/6 + 1 + 125/6) = 8 + 900/6 = 158.
    expect(before.B.children).toBeCloseTo(158, 9);
    // 2026: C = cells (2..3, 2..3) = 2 × (2 + 80/6 + 2 + 100/6) = 8 + 360/6 = 68; B = 2 × the same = 68.
    const after = figures(e, 2026);
    expect(after.C.children).toBeCloseTo(68, 9);
    expect(after.B.children).toBeCloseTo(68, 9);
  });
});

describe('close-school', () => {
  it('to a named school: the receiver has both schools’ children from the year, unchanged before', () => {
    const e = engine();
    ok(e.apply({ kind: 'close-school', year: 2026, schoolId: 'B', to: 'A' }));
    const y2025 = figures(e, 2025);
    // 2025: A = 4 × (1 + 50/6 + 1 + 75/6) = 8 + 500/6.
    expect(y2025.A.children).toBeCloseTo(8 + 500 / 6, 9);
    expect(y2025.B.status).toBe('open');
    const y2026 = figures(e, 2026);
    // 2026: every cell to A: Σ over 16 cells of 2 + 4(10 + 5c)/6 = 32 + 4 × 4 × 70/6·… = 32 + (4/6) × 4 × 70 = 32 + 1120/6.
    expect(y2026.A.children).toBeCloseTo(32 + 1120 / 6, 9);
    const base = e.baselineIndicators('fi-lower', 2026).schools;
    expect(y2026.A.children).toBeCloseTo(base[0].children + base[1].children, 9);
    expect(y2026.B).toMatchObject({ status: 'closed', children: 0, utilisation: null });
    // The receiver keeps its capacity.
    expect(y2026.A.capacity).toBe(100);
  });

  it('to the nearest school: each unit to the school picked by hand', () => {
    const e = engine();
    ok(e.apply(openC(2024)));
    ok(e.apply({ kind: 'close-school', year: 2024, schoolId: 'B', to: 'nearest' }));
    // B's cells (2..3, 0..1), centres relative to (385 000, 6 672 000); A at (250, 500), C at (875, 875):
    // (625, 125): A √(375² + 375²) = 530 < C √(250² + 750²) = 791 → A
    // (875, 125): A √(625² + 375²) = 729 < C 750 → A
    // (625, 375): A √(375² + 125²) = 395 < C √(250² + 500²) = 559 → A
    // (875, 375): A √(625² + 125²) = 637 > C 500 → C
    // A = 100 + 20 + 25 + 20 = 165; C = top-right quarter 2 × 45 = 90 + 25 = 115.
    const f = figures(e);
    expect(f.A.children).toBeCloseTo(165, 9);
    expect(f.C.children).toBeCloseTo(115, 9);
    expect(f.B).toMatchObject({ children: 0, status: 'closed' });
    expect(e.indicators('fi-lower').totals.children).toBeCloseTo(280, 9);
  });
});

describe('set-capacity and relocate-school', () => {
  it('changes the capacity from its year', () => {
    const e = engine();
    ok(e.apply({ kind: 'set-capacity', year: 2026, schoolId: 'A', capacity: 125 }));
    expect(figures(e, 2025).A.capacity).toBe(100);
    // 2026: A = 4 × (2 + 40/6 + 2 + 60/6) = 16 + 400/6; utilisation = that / 125.
    const a = figures(e, 2026).A;
    expect(a.capacity).toBe(125);
    expect(a.utilisation).toBeCloseTo((16 + 400 / 6) / 125, 12);
  });

  it('moves trips to the temporary address in its years only', () => {
    const e = engine();
    ok(e.apply({ kind: 'relocate-school', from: 2025, to: 2026, schoolId: 'A', location: [X0 + 125, Y0 + 125] }));
    // At (250, 500) each column of A has two cells at √(125² + 375²) and two at √(125² + 125²):
    // the mean is their average whatever the column weights.
    const home = (Math.hypot(125, 375) + Math.hypot(125, 125)) / 2;
    expect(e.tripLengths('fi-lower', 2024)[0]).toBeCloseTo(home, 9);
    expect(e.tripLengths('fi-lower', 2027)[0]).toBeCloseTo(home, 9);
    // 2025 at (125, 125): column 0 (9⅓ children per cell) at 0, 250, 500, 750;
    // column 1 (13.5 per cell) at 250, √(250² + 250²), √(250² + 500²), √(250² + 750²).
    const c0 = 1 + 50 / 6;
    const c1 = 1 + 75 / 6;
    const moved = (c0 * 1500 + c1 * (250 + Math.hypot(250, 250) + Math.hypot(250, 500) + Math.hypot(250, 750))) / (4 * c0 + 4 * c1);
    expect(e.tripLengths('fi-lower', 2025)[0]).toBeCloseTo(moved, 9);
    expect(figures(e, 2025).A.status).toBe('temporary-premises');
    expect(figures(e, 2027).A.status).toBe('open');
    expect(figures(e, 2025).A.children).toBeCloseTo(8 + 500 / 6, 9);
  });
});

describe('refusals and undo', () => {
  const refusals: [string, Edit, string][] = [
    ['unknown school', { kind: 'close-school', year: 2025, schoolId: 'Z', to: 'nearest' }, 'unknown-school'],
    ['year outside the horizon', { kind: 'set-capacity', year: 2030, schoolId: 'A', capacity: 10 }, 'edit-year-out-of-range'],
    ['location outside the area', { kind: 'relocate-school', from: 2025, to: 2025, schoolId: 'A', location: [X0 - 10, Y0 + 10] }, 'location-outside-area'],
    ['an id already taken', { ...openC(2024), school: { ...(openC(2024) as Extract<Edit, { kind: 'open-school' }>).school, id: 'A' } } as Edit, 'school-id-taken'],
  ];
  for (const [what, record, code] of refusals) {
    it(`refuses ${what}, changing nothing`, () => {
      const e = engine();
      const before = everything(e);
      const r = e.apply(record);
      expect(r.ok ? '' : r.problems[0].code).toBe(code);
      expect(everything(e)).toEqual(before);
      expect(e.edits()).toEqual([]);
    });
  }

  it('refuses a closure that would leave the network without schools', () => {
    const e = engine();
    ok(e.apply({ kind: 'close-school', year: 2027, schoolId: 'B', to: 'A' }));
    const before = everything(e);
    const r = e.apply({ kind: 'close-school', year: 2025, schoolId: 'A', to: 'nearest' });
    expect(r.ok ? '' : r.problems[0].code).toBe('close-leaves-no-school');
    expect(everything(e)).toEqual(before);
  });

  it('refuses giving area to a closed school', () => {
    const e = engine();
    ok(e.apply({ kind: 'close-school', year: 2026, schoolId: 'B', to: 'A' }));
    const r = e.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'B', cells: [[0, 0]], year: 2025 });
    expect(r.ok ? '' : r.problems[0].code).toBe('school-not-open');
  });

  it('undo restores the exact previous state, and redo the next', () => {
    const e = engine();
    const s0 = everything(e);
    ok(e.apply(openC(2025, 'nearest')));
    const s1 = everything(e);
    ok(e.apply({ kind: 'close-school', year: 2026, schoolId: 'B', to: 'C' }));
    const s2 = everything(e);
    e.undo();
    expect(everything(e)).toEqual(s1);
    e.undo();
    expect(everything(e)).toEqual(s0);
    expect(e.catchments('fi-lower')).toEqual(dataset.partitions['fi-lower'].catchments);
    e.redo();
    expect(everything(e)).toEqual(s1);
    e.redo();
    expect(everything(e)).toEqual(s2);
  });
});
