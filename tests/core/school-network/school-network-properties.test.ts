/**
 * Property tests of the school-network records on Tiny City: any random sequence of open,
 * close, set-capacity, relocate and boundary records (refused ones included) keeps the network a
 * valid partition of its units in every year (each unit's weights sum to 1; closed and
 * not-yet-open schools hold no area), conserves the network's children in every year
 * (to 1e-9 relative, against the baseline of that year), and undo restores the exact
 * previous state after every step.
 */
import fc from 'fast-check';
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

const X0 = 385_000;
const Y0 = 6_672_000;
const NET = 'fi-lower';

const point = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 })).map(([x, y]) => [X0 + x, Y0 + y] as [number, number]);
const year = fc.integer({ min: 2024, max: 2027 });
const schoolId = fc.constantFrom('A', 'B', 'C0', 'C1', 'C2');

const record: fc.Arbitrary<(n: number) => Edit> = fc.oneof(
  fc.record({ year, p: point, nearest: fc.boolean(), box: fc.tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 100, max: 300 })) })
    .map(({ year: y, p, nearest, box: [bx, by, size] }) => (n: number): Edit => ({
      kind: 'open-school', year: y,
      school: { id: `C${n}`, name: `New ${n}`, language: 'fi', grades: '1-6', capacity: 100, location: p },
      catchment: nearest ? 'nearest' : [[[[X0 + bx, Y0 + by], [X0 + bx + size, Y0 + by], [X0 + bx + size, Y0 + by + size], [X0 + bx, Y0 + by + size], [X0 + bx, Y0 + by]]]],
    })),
  fc.record({ year, id: schoolId, to: fc.constantFrom('nearest', 'A', 'B', 'C0') })
    .map(({ year: y, id, to }) => (): Edit => ({ kind: 'close-school', year: y, schoolId: id, to })),
  fc.record({ year, id: schoolId, capacity: fc.integer({ min: 0, max: 500 }) })
    .map(({ year: y, id, capacity }) => (): Edit => ({ kind: 'set-capacity', year: y, schoolId: id, capacity })),
  fc.record({ from: year, span: fc.integer({ min: 0, max: 2 }), id: schoolId, p: point })
    .map(({ from, span, id, p }) => (): Edit => ({ kind: 'relocate-school', from, to: from + span, schoolId: id, location: p })),
  fc.record({ year, id: schoolId, c: fc.integer({ min: 0, max: 3 }), r: fc.integer({ min: 0, max: 3 }) })
    .map(({ year: y, id, c, r }) => (): Edit => ({ kind: 'assign-cells', networkId: NET, schoolId: id, cells: [[c, r]], year: y })),
);

function snapshot(e: ScenarioEngine): unknown {
  return e.years().map((y) => [e.indicatorsInYear(NET, y), e.network(NET).schoolIds.slice(), e.edits().length]);
}

function checkYears(e: ScenarioEngine): void {
  const selected = e.year;
  for (const y of e.years()) {
    expect(e.setYear(y).ok).toBe(true);
    const overlay = e.overlay(NET);
    for (let u = 0; u < overlay.unitCount; u++) {
      let sum = 0;
      overlay.forEach(u, (_, w) => (sum += w));
      expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
    }
    const status = e.schoolStatus(NET, y);
    const catchments = e.catchments(NET);
    status.forEach((s, j) => {
      if (s === 'closed' || s === 'not-yet-open') expect(catchments[j]).toEqual([]);
    });
    const total = e.indicators(NET).totals.children;
    const base = e.baselineIndicators(NET).totals.children;
    expect(Math.abs(total - base) / base).toBeLessThan(1e-9);
  }
  expect(e.setYear(selected).ok).toBe(true);
}

describe('school-network records, random sequences', () => {
  it('keep a valid partition, conserve children in every year, and undo exactly', () => {
    const appliedKinds = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.integer({ min: 2024, max: 2027 }), (makers, selectedYear) => {
        const made = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 3 });
        if (!made.ok) throw new Error(made.problems[0].message);
        const e = made.value;
        expect(e.setYear(selectedYear).ok).toBe(true);
        const states: unknown[] = [snapshot(e)];
        let opened = 0;
        for (const make of makers) {
          const edit = make(opened);
          const r = e.apply(edit, { allowEmptying: true });
          if (!r.ok) {
            expect(snapshot(e)).toEqual(states[states.length - 1]);
            continue;
          }
          if (edit.kind === 'open-school') opened++;
          appliedKinds.set(edit.kind, (appliedKinds.get(edit.kind) ?? 0) + 1);
          states.push(snapshot(e));
        }
        checkYears(e);
        for (let i = states.length - 2; i >= 0; i--) {
          e.undo();
          expect(snapshot(e)).toEqual(states[i]);
        }
        expect(e.catchments(NET)).toEqual(dataset.partitions[NET].catchments);
      }),
      { numRuns: 40, seed: 20261207 },
    );
    // The sequences exercise every kind (not only refusals).
    for (const kind of ['open-school', 'close-school', 'set-capacity', 'relocate-school', 'assign-cells']) expect(appliedKinds.get(kind) ?? 0, kind).toBeGreaterThan(3);
  });
});
