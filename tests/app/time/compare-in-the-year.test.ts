/**
 * The comparison is for the selected school year (issue 9: "every figure the app shows … the
 * comparison … is for the selected year"), with the real worker pieces in-process on Tiny City
 * (base year B = this calendar year). By hand (tests/core/projection/tiny-city-projection.test.ts):
 * in B, A = 100 and B = 180; column 2 holds 4 × 20 = 80 children. In B + 1, A = 8 + 500/6, and each
 * column-2 cell holds 1 + 100/6, so column 2 holds 4 + 400/6.
 */
import { describe, expect, test } from 'vitest';
import { openTinyCityApp } from '../../helpers/tiny-city-app';
import { column2 } from '../../core/export/tiny-city-engines';


describe('the comparison in the selected year', () => {
  test('both sides and the children moved are the selected year\'s, whichever scenario was built in another year', async () => {
    const { api, document } = await openTinyCityApp();
    const base = new Date().getUTCFullYear();
    await document.getState().requestEdit(column2);
    const edited = (await api.state()).activeId;
    const childrenA = async (a: string, b: string) => {
      const r = await api.compare({ networkId: 'fi-lower', a, b });
      if (!r.ok) throw new Error(r.problems[0].message);
      return { a: r.value.table.schools[0].children.a, b: r.value.table.schools[0].children.b, moved: r.value.movement.movedChildren };
    };
    // The base year: baseline A = 100, the edited scenario's A = 180, 80 children moved.
    const inBase = await childrenA('baseline', edited);
    expect([inBase.a, inBase.b]).toEqual([100, 180]);
    expect(inBase.moved).toBeCloseTo(80, 9);

    // A second, empty scenario becomes active; the edited one stays built in the base year. Then B + 1.
    await api.create('T');
    const empty = (await api.state()).activeId;
    await document.getState().setYear(base + 1);
    const next = await childrenA('baseline', edited);
    expect(next.a).toBeCloseTo(8 + 500 / 6, 9);
    expect(next.b).toBeCloseTo(8 + 500 / 6 + 4 + 400 / 6, 9);
    expect(next.moved).toBeCloseTo(4 + 400 / 6, 9);
    const scenarios = await childrenA(edited, empty);
    expect(scenarios.a).toBeCloseTo(8 + 500 / 6 + 4 + 400 / 6, 9);
    expect(scenarios.b).toBeCloseTo(8 + 500 / 6, 9);
  });
});
