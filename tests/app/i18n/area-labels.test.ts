/** With polygon units the labels say "areas", with a grid "cells", in every UI language. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/app/i18n/i18n';
import { unitContext } from '../../../src/app/i18n/area-labels';

describe('area labels', () => {
  it('polygons → "_areas" keys; grids → the plain ones', () => {
    const en = createI18n('en');
    expect(en.t('layers.changed', { context: unitContext('polygons') })).toBe('Changed parts');
    expect(en.t('layers.changed', { context: unitContext('grid') })).toBe('Changed cells');
    expect(en.t('tooltip.cell', { id: '00100', context: unitContext('polygons') })).toBe('Area 00100');
    expect(createI18n('fi').t('legend.childrenUnit', { context: 'areas' })).toBe('lasta alueella');
    expect(createI18n('sv').t('layers.cellMeasure', { context: 'areas' })).toBe('Områdesdata');
  });
  it('the import wizard\'s new texts exist in all three languages', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const t = createI18n(lang).t;
      for (const key of ['import.progress.generate', 'import.conditions.add', 'import.schools.flag.outside-area', 'import.schools.excluded.outside-planning-area', 'import.schools.decide.title', 'import.schools.bulk.language'])
        expect(t(key, { network: 'fi-lower', n: 1, total: 2, count: 2 })).not.toBe(key);
    }
  });
});
