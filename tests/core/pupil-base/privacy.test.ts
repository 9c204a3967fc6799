import { describe, expect, it } from 'vitest';
import type { NetworkIndicators, SchoolFigures, TwoGroupIndices } from '../../../src/core/indicators/indicator-types';
import { applyPrivacy, formatCount } from '../../../src/core/pupil-base/privacy';

const twoGroup: TwoGroupIndices = { D: 0.2, gini: 0.3, H: 0.05, isolation: 0.4, exposure: 0.6, atkinson_0_5: 0.04, eta2: 0.1 };

function school(id: string, children: number, shareBase: number, childrenImputed = 0): SchoolFigures {
  return {
    id, name: id, children, childrenImputed, capacity: 100, utilisation: children / 100,
    shares: { rental: 0.5, unemployed: 0.1 }, shareBase: { rental: shareBase, unemployed: children }, composite: 0.7,
  };
}

function network(schools: SchoolFigures[], gapChildren = 0): NetworkIndicators {
  return {
    network: 'n', schools, indices: { rental: twoGroup, unemployed: twoGroup },
    multigroup: { tenure: { D: 0.1, M: 0.02, H: 0.03, normalized_exposure: 0.04 } },
    totals: { children: schools.reduce((s, x) => s + x.children, 0), childrenImputed: 0, gapChildren, overlapChildren: 0 },
    estimated: true,
  };
}

describe('applyPrivacy (threshold 10)', () => {
  it('hides every figure of a school with fewer than 10 children', () => {
    const p = applyPrivacy(network([school('small', 9.6, 9.6), school('big', 300, 300)]), 10);
    expect(p.schools[0]).toEqual({
      id: 'small', name: 'small', children: null, childrenImputed: null, capacity: 100, utilisation: null,
      shares: { rental: null, unemployed: null }, shareBase: { rental: null, unemployed: null }, composite: null,
      suppressed: ['children', 'childrenImputed', 'utilisation', 'shares.rental', 'shareBase.rental', 'shares.unemployed', 'shareBase.unemployed', 'composite'],
    });
    expect(p.schools[1].suppressed).toEqual([]);
    expect(p.schools[1].children).toBe(300);
  });

  it('hides a share resting on fewer than 10 children, and the composite that would reveal it', () => {
    // 50 children, but the rental share rests on 8 of them (the others' units were excluded)
    const p = applyPrivacy(network([school('a', 50, 8), school('b', 300, 300)]), 10);
    expect(p.schools[0]).toMatchObject({ children: 50, utilisation: 0.5, shares: { rental: null, unemployed: 0.1 }, composite: null });
    expect(p.schools[0].suppressed).toEqual(['shares.rental', 'shareBase.rental', 'composite']);
  });

  it('hides small counts: imputed children and gap children between 0 and 10', () => {
    const p = applyPrivacy(network([school('a', 50, 50, 3)], 4), 10);
    expect(p.schools[0].childrenImputed).toBeNull();
    expect(p.schools[0].suppressed).toEqual(['childrenImputed']);
    expect(p.totals).toEqual({ children: 50, childrenImputed: 0, gapChildren: null, overlapChildren: 0 });
    expect(p.suppressed).toEqual(['totals.gapChildren']);
  });

  it('hides the indices of a network with fewer than 10 children', () => {
    const p = applyPrivacy(network([school('a', 4, 4), school('b', 5, 5)]), 10);
    expect(p.indices).toEqual({ rental: null, unemployed: null });
    expect(p.multigroup).toEqual({ tenure: null });
    expect(p.totals.children).toBeNull();
    expect(p.estimated).toBe(true);
    expect(p.threshold).toBe(10);
  });

  it("hides a share's indices when the network's base for it is below 10", () => {
    // rental rests on 4 + 5 = 9 children network-wide; unemployed on 60 + 70 = 130
    const p = applyPrivacy(network([school('a', 60, 4), school('b', 70, 5)]), 10);
    expect(p.indices.rental).toBeNull();
    expect(p.indices.unemployed).toEqual(twoGroup);
    expect(p.suppressed).toEqual(['indices.rental']);
  });
});

describe('formatCount', () => {
  it('writes hidden and small counts as "<threshold"', () => {
    expect(formatCount(null, 10)).toBe('<10');
    expect(formatCount(9.6, 10)).toBe('<10');
    expect(formatCount(0.2, 5)).toBe('<5');
  });

  it('rounds other counts to whole people, with optional digit grouping', () => {
    expect(formatCount(0, 10)).toBe('0');
    expect(formatCount(10, 10)).toBe('10');
    expect(formatCount(1234.4, 10)).toBe('1234');
    expect(formatCount(1234.5, 10, 'en')).toBe('1,235');
  });
});
