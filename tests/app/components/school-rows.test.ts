import { describe, expect, it } from 'vitest';
import { changeDirection, delta, schoolRows, sortRows } from '../../../src/app/components/school-rows';
import type { PublicNetworkIndicators, PublicSchoolFigures } from '../../../src/core/pupil-base/privacy';

const school = (id: string, name: string, children: number | null, share: number | null): PublicSchoolFigures => ({
  id, name, children, childrenImputed: 0, capacity: 100, utilisation: children === null ? null : children / 100,
  shares: { fl: share }, shareBase: { fl: children }, composite: null, suppressed: [],
});
const network = (schools: PublicSchoolFigures[]) => ({ network: 'n', schools, indices: {}, multigroup: {}, totals: {}, estimated: false, threshold: 10, suppressed: [] }) as unknown as PublicNetworkIndicators;

const now = network([school('a', 'Äijälä', 120, 0.1), school('b', 'Aho', null, null), school('c', 'Bertta', 80, 0.3)]);
const before = network([school('a', 'Äijälä', 100, 0.12), school('b', 'Aho', 12, 0.2), school('c', 'Bertta', 90, 0.25)]);

describe('school rows', () => {
  it('sorts names by Finnish collation (Ä after B)', () => {
    expect(sortRows(schoolRows(now, before), 'name', false, 'fi').map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
  it('sorts numbers descending with hidden values last', () => {
    expect(sortRows(schoolRows(now, before), 'children', true, 'fi').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(schoolRows(now, before), 'share:fl', false, 'fi').map((r) => r.id)).toEqual(['a', 'c', 'b']);
  });
  it('pairs baseline figures and computes changes', () => {
    const rows = schoolRows(now, before);
    // a: 120 − 100 = 20 children; share 0.10 − 0.12 = −0.02
    expect(delta(rows[0].now?.children, rows[0].before?.children)).toBe(20);
    expect(delta(rows[0].now?.shares.fl, rows[0].before?.shares.fl)).toBeCloseTo(-0.02, 12);
    expect(delta(rows[1].now?.children, rows[1].before?.children)).toBeNull();
  });
});

describe('changeDirection', () => {
  it('reads the sign of a formatted change', () => {
    expect(changeDirection('+2,1\u00a0%-yks.')).toBe('up');
    expect(changeDirection('\u22123')).toBe('down');
    expect(changeDirection('±0')).toBe('none');
    expect(changeDirection('')).toBe('none');
  });
});
