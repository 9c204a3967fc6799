import { describe, expect, it } from 'vitest';
import { applyMapping, validateMapping } from '../../../src/core/mapping/field-mapping';
import { suggestMapping } from '../../../src/core/mapping/suggest-mapping';
import type { AttributeTable } from '../../../src/core/model/units';

describe('suggestMapping', () => {
  it('maps HSY names exactly (any case) and ASUKKAITA to he_vakiy as an alias', () => {
    const s = suggestMapping(['INDEX', 'ASUKKAITA', 'IKA0_9', 'IKA10_19']);
    expect(s.mapping.asukkaita).toBe('ASUKKAITA');
    expect(s.mapping.ika0_9).toBe('IKA0_9');
    expect(s.mapping.ika10_19).toBe('IKA10_19');
    expect(s.mapping.he_vakiy).toBe('ASUKKAITA');
    expect(s.matched.find((m) => m.field === 'he_vakiy')?.how).toBe('alias');
    expect(s.unmatched).toContain('he_7_12');
  });

  it('finds Finnish, Swedish and English aliases, ignoring case, accents and separators', () => {
    const s = suggestMapping(['Väestö', 'Ikä 7-12', 'foreign_language', 'Arbetslösa', 'employed', 'HYRESBOSTÄDER']);
    expect(s.mapping).toMatchObject({
      he_vakiy: 'Väestö',
      he_7_12: 'Ikä 7-12',
      vieraskielisia: 'foreign_language',
      pt_tyott: 'Arbetslösa',
      pt_tyoll: 'employed',
      te_vuok_as: 'HYRESBOSTÄDER',
    });
  });

  it('proposes "population" for he_vakiy and never uses one source for two meanings through aliases', () => {
    const s = suggestMapping(['population']);
    expect(s.mapping.he_vakiy).toBe('population');
    // asukkaita has the same alias but the field is taken.
    expect(s.mapping.asukkaita).toBeUndefined();
  });
});

describe('validateMapping', () => {
  it('names the unknown field and the closest existing one', () => {
    const problems = validateMapping({ he_vakiy: 'vaestoo' }, ['VAESTO', 'ika0_9']);
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe('mapping-unknown-field');
    expect(problems[0].field).toBe('he_vakiy');
    expect(problems[0].fix).toContain('"vaesto"');
  });

  it('rejects bad targets and negative factors', () => {
    const problems = validateMapping({ 'He Vakiy': 'a', x: { terms: [{ field: 'a', factor: -1 }] } }, ['a']);
    expect(problems.map((p) => p.code).sort()).toEqual(['mapping-invalid-expression', 'mapping-invalid-target']);
  });
});

describe('applyMapping', () => {
  const table: AttributeTable = {
    names: ['Vaesto', 'IKA0_9', 'IKA10_19'],
    columns: {
      Vaesto: Float64Array.from([100, 8]),
      IKA0_9: Float64Array.from([10, 99]),
      IKA10_19: Float64Array.from([20, 5]),
    },
  };

  it('renames by copying and computes expressions, NaN where a source holds a sentinel', () => {
    const r = applyMapping(
      table,
      { he_vakiy: 'vaesto', ika7_12: { terms: [{ field: 'ika0_9', factor: 0.3 }, { field: 'ika10_19', factor: 0.3 }] } },
      { sentinels: { 'ika*': [99] } },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.names).toEqual(['Vaesto', 'IKA0_9', 'IKA10_19', 'he_vakiy', 'ika7_12']);
    expect([...r.value.columns.he_vakiy]).toEqual([100, 8]);
    // Unit 0: 0.3·10 + 0.3·20 = 9; unit 1: ika0_9 = 99 is suppressed → NaN.
    expect(r.value.columns.ika7_12[0]).toBeCloseTo(9, 12);
    expect(r.value.columns.ika7_12[1]).toBeNaN();
    // The source is untouched.
    expect(table.names).toHaveLength(3);
  });

  it('sums a list of fields', () => {
    const r = applyMapping(table, { both: ['ika0_9', 'ika10_19'] });
    expect(r.ok && [...r.value.columns.both]).toEqual([30, 104]);
  });

  it('fails with the validation problems', () => {
    const r = applyMapping(table, { he_vakiy: 'nope' });
    expect(r.ok).toBe(false);
  });
});
