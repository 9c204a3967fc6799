import { describe, expect, it } from 'vitest';
import { fold, searchItems, type SearchItem } from '../../../src/app/orientation/place-search';

const item = (name: string, kind: SearchItem['kind'] = 'place'): SearchItem => ({ kind, key: name, name, detail: kind, bounds: [0, 0, 0, 0] });
const items = [item('Käpylän koulu', 'school'), item('Itä-Käpylä'), item('Pikku Kapyla'), item('Alakäpylänkatu'), item('Vaarala')];

describe('searchItems', () => {
  it('folds case and diacritics', () => {
    expect(fold('Käpylä ÅÖ')).toBe('kapyla ao');
  });

  it('ranks start of name, then start of a word, then anywhere; alphabetically within a rank', () => {
    // "kapyl": Käpylän koulu starts with it (0); Itä-Käpylä and Pikku Kapyla have a word starting
    // with it (1, sorted: Itä… before Pikku…); Alakäpylänkatu contains it (2); Vaarala does not match.
    expect(searchItems(items, 'KAPYL').map((i) => i.name)).toEqual(['Käpylän koulu', 'Itä-Käpylä', 'Pikku Kapyla', 'Alakäpylänkatu']);
  });

  it('returns nothing for a blank query and honours the limit', () => {
    expect(searchItems(items, '  ')).toEqual([]);
    expect(searchItems(items, 'a', 2)).toHaveLength(2);
  });
});

describe('focusBounds', () => {
  it('fits a school together with its catchment; home and bounds pass through', async () => {
    const { focusBounds } = await import('../../../src/app/orientation/focus-bounds');
    // Catchment square 24.0–24.2 × 60.0–60.1; the school at (24.25, 60.05) lies outside it → east edge 24.25.
    const input: import('../../../src/app/orientation/focus-bounds').FocusInput = {
      home: [20, 59, 30, 70],
      schools: [{ id: 'a', index: 1, lonLat: [24.25, 60.05] }],
      catchments: [undefined, [[[[24.0, 60.0], [24.2, 60.0], [24.2, 60.1], [24.0, 60.1], [24.0, 60.0]]]]],
    };
    expect(focusBounds({ kind: 'school', id: 'a' }, input)).toEqual([24.0, 60.0, 24.25, 60.1]);
    expect(focusBounds({ kind: 'school', id: 'zz' }, input)).toBeNull();
    expect(focusBounds({ kind: 'home' }, input)).toEqual([20, 59, 30, 70]);
    expect(focusBounds({ kind: 'bounds', bounds: [1, 2, 3, 4] }, input)).toEqual([1, 2, 3, 4]);
  });
});
