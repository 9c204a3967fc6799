import { describe, expect, it } from 'vitest';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import { paavoPreset } from '../../../src/core/config/presets/paavo';
import { checkConfigAgainstFields, usableConfig, validateConfig } from '../../../src/core/config/validate-config';
import { isHardFieldProblem } from '../../../src/core/config/config-fields';

/** A deep copy of the Paavo preset to break on purpose. */
function paavoCopy(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(paavoPreset)) as Record<string, unknown>;
}

function problemPaths(json: unknown): string[] {
  const r = validateConfig(json, 'config.json');
  if (r.ok) return [];
  for (const p of r.problems) {
    expect(p.file).toBe('config.json');
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.fix.length).toBeGreaterThan(0);
  }
  return r.problems.map((p) => p.field ?? '');
}

describe('validateConfig', () => {
  it('accepts a valid config, also given as JSON text', () => {
    const r = validateConfig(JSON.stringify(paavoPreset));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([]);
  });

  it('names the path of a bad share numerator', () => {
    const c = paavoCopy();
    (c.shares as Record<string, unknown>[])[2].numerator = 42;
    expect(problemPaths(c)).toEqual(['shares[2].numerator']);
  });

  it('a missing field is called missing (not "undefined undefined")', () => {
    const c = paavoCopy();
    delete (c.shares as Record<string, unknown>[])[0].label;
    const r = validateConfig(c, 'config.json');
    expect(r.ok ? null : r.problems[0]).toMatchObject({ field: 'shares[0].label', message: 'Must be an object ({ fi, sv, en }), got nothing (the field is missing).' });
  });

  it('reports every error at once, each with its path', () => {
    const c = paavoCopy();
    c.version = 2;
    (c.ageBands as Record<string, unknown>).lower = '';
    (c.shares as Record<string, unknown>[])[0].label = { fi: 'Vieraskieliset', sv: 'Främmande språk' };
    (c.shares as Record<string, unknown>[])[1].id = 'foreign_language';
    (c.multigroup as Record<string, unknown>[])[1].categories = [{ id: 'low', field: 'hr_pi_tul' }];
    (c.composite as { weights: Record<string, unknown> }).weights.nonexistent = 1;
    (c.composite as { weights: Record<string, unknown> }).weights.rental = 'high';
    c.privacyThreshold = 0;
    (c.suppression as Record<string, unknown>).rule = 'drop';
    (c.suppression as Record<string, unknown>).imputeRadiusMetres = -5;
    (c.suppression as Record<string, unknown>).sentinels = { '*': ['-1'] };
    expect(problemPaths(c).sort()).toEqual(
      [
        'version',
        'ageBands.lower',
        'shares[0].label.en',
        'shares[1].id',
        'multigroup[1].categories',
        'composite.weights.rental',
        'composite.weights.nonexistent',
        // renaming shares[1] leaves its weight without a share
        'composite.weights.basic_education_only',
        'privacyThreshold',
        'suppression.rule',
        'suppression.imputeRadiusMetres',
        'suppression.sentinels.*',
      ].sort(),
    );
  });

  it('checks weighted-term expressions down to the factor', () => {
    const c = paavoCopy();
    (c.ageBands as Record<string, unknown>).upper = { terms: [{ field: 'ika10_19', factor: 'x' }] };
    c.population = [];
    expect(problemPaths(c).sort()).toEqual(['ageBands.upper.terms[0].factor', 'population']);
  });

  it('rejects a non-object, and invalid JSON text', () => {
    expect(problemPaths([1, 2])).toEqual(['(root)']);
    const r = validateConfig('{ "version": 1,', 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].code).toBe('invalid-json');
  });

  it('warns about unknown keys without failing', () => {
    const c = paavoCopy();
    c.privacyTreshold = 5;
    const r = validateConfig(c);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.field)).toEqual(['privacyTreshold']);
  });
});

describe('checkConfigAgainstFields', () => {
  const paavo2018 = ['postinumero', 'he_vakiy', 'he_7_12', 'he_13_15', 'ko_ika18y', 'ko_perus', 'ko_yliop', 'ko_ammat', 'ko_al_kork', 'ko_yl_kork',
    'hr_tuy', 'hr_pi_tul', 'hr_ke_tul', 'hr_hy_tul', 'te_taly', 'te_omis_as', 'te_vuok_as', 'te_muu_as', 'pt_tyoll', 'pt_tyott'];

  it('reports only vieraskielisia for Paavo 2018, as a warning that skips the share', () => {
    const problems = checkConfigAgainstFields(paavoPreset, paavo2018, 'paavo.geojson');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'missing-share-field', field: 'shares[0].numerator', file: 'paavo.geojson' });
    expect(problems[0].message).toContain('vieraskielisia');
    expect(problems[0].message).toContain('foreign_language');
    expect(isHardFieldProblem(problems[0])).toBe(false);
  });

  it('makes a missing age-band field a hard error that suggests the fitting preset', () => {
    const hsyFields = ['index', 'asukkaita', 'ika0_9', 'ika10_19', 'ika20_29'];
    const problems = checkConfigAgainstFields(paavoPreset, hsyFields);
    const lower = problems.find((p) => p.field === 'ageBands.lower')!;
    expect(lower.message).toBe("The units have no field he_7_12; the config's ageBands.lower needs it.");
    expect(lower.fix).toMatch(/^Choose the hsy preset or map a field/);
    expect(isHardFieldProblem(lower)).toBe(true);
    expect(isHardFieldProblem(problems.find((p) => p.field === 'population')!)).toBe(true);
  });

  it('matches field names case-insensitively', () => {
    expect(checkConfigAgainstFields(paavoPreset, paavo2018.map((f) => f.toUpperCase())).map((p) => p.field)).toEqual(['shares[0].numerator']);
  });
});

describe('usableConfig', () => {
  it('drops the share with missing fields and its composite weight', () => {
    const fields = ['he_vakiy', 'he_7_12', 'he_13_15', 'pt_tyoll', 'pt_tyott'];
    const r = usableConfig(paavoPreset, fields);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c: IndicatorConfig = r.value;
    expect(c.shares.map((s) => s.id)).toEqual(['unemployed']);
    expect(c.multigroup).toEqual([]);
    expect(c.composite.weights).toEqual({ unemployed: 1 });
    // 4 shares × missing fields: foreign_language 1, basic_education_only 2, low_income 2, rental 2 = 7;
    // partitions: education 6 (5 categories + ko_ika18y), income 4, tenure 4 = 14; total 21 warnings
    expect(r.warnings).toHaveLength(21);
  });

  it('fails when the age band is missing', () => {
    const r = usableConfig(paavoPreset, ['he_vakiy']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['ageBands.lower', 'ageBands.upper']);
  });
});

describe('docs/indicator-config.md', () => {
  it('has a full example that validates without warnings', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync('docs/indicator-config.md', 'utf8');
    const block = /<!-- full-example -->\s*```json\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const r = validateConfig(block![1], 'docs/indicator-config.md');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.warnings).toEqual([]);
      expect(checkConfigAgainstFields(r.value, ['he_7_12', 'he_13_15', 'sv_7_12', 'he_vakiy', 'pt_tyott', 'pt_tyoll', 'te_vuok_as', 'te_taly', 'hr_tuy', 'hr_pi_tul', 'hr_ke_tul', 'hr_hy_tul'])).toEqual([]);
    }
  });
});
