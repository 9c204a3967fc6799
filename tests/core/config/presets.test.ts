import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../../../src/core/config/field-expression';
import { checkConfigAgainstFields, validateConfig } from '../../../src/core/config/validate-config';
import { detectPreset, presets } from '../../../src/core/config/presets';

const PAAVO = '../shared/data/real/paavo-2018/paavo_2018_capital_region_4326.geojson';

describe('presets', () => {
  it.each(Object.entries(presets))('%s passes validateConfig without warnings', (name, preset) => {
    const r = validateConfig(preset, `${name} preset`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([]);
    expect(preset.preset).toBe(name);
    expect(preset.privacyThreshold).toBe(10);
  });

  it('carries the Finnish and Swedish share labels', () => {
    const labels = presets.paavo.shares.map((s) => [s.id, s.label.fi, s.label.sv]);
    expect(labels).toEqual([
      ['foreign_language', 'Vieraskieliset', 'Främmande språk'],
      ['basic_education_only', 'Vain perusasteen koulutus', 'Endast grundnivå'],
      ['unemployed', 'Työttömät', 'Arbetslösa'],
      ['low_income', 'Pienituloiset', 'Låginkomsttagare'],
      ['rental', 'Vuokra-asunnot', 'Hyresbostäder'],
    ]);
    expect(presets.paavo.composite.weights).toEqual({ foreign_language: 1, basic_education_only: 1, unemployed: 1, low_income: 1, rental: 1 });
  });

  it('apportions HSY 10-year bands to school ages', () => {
    const columns = { ika0_9: Float64Array.of(100), ika10_19: Float64Array.of(80) };
    // 7–12: 3/10 of 0–9 + 3/10 of 10–19 = 30 + 24 = 54; 13–15: 3/10 of 10–19 = 24
    expect(evaluateExpression(presets.hsy.ageBands.lower, columns, 0)).toBeCloseTo(54, 12);
    expect(evaluateExpression(presets.hsy.ageBands.upper, columns, 0)).toBeCloseTo(24, 12);
    expect(presets.hsy.ageBands.estimated).toBe(true);
    expect(presets.hsy.suppression.sentinels).toEqual({ 'ika*': [99] });
  });
});

describe('detectPreset', () => {
  it('tells HSY, Paavo and the Statistics Finland grid apart', () => {
    expect(detectPreset(['INDEX', 'ASUKKAITA', 'IKA0_9', 'IKA10_19'])).toBe('hsy');
    expect(detectPreset(['postinumero', 'nimi', 'he_vakiy', 'he_7_12', 'he_13_15'])).toBe('paavo');
    expect(detectPreset(['grd_id', 'he_vakiy', 'he_7_12', 'he_13_15'])).toBe('statfi-grid');
    expect(detectPreset(['id', 'population'])).toBeNull();
  });
});

describe.skipIf(!existsSync(PAAVO))('real Paavo 2018 fields (needs ../shared/data/real)', () => {
  it('detects paavo, and only the foreign-language share lacks a field', () => {
    const geojson = JSON.parse(readFileSync(PAAVO, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    const fields = Object.keys(geojson.features[0].properties);
    expect(detectPreset(fields)).toBe('paavo');
    const problems = checkConfigAgainstFields(presets.paavo, fields);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['missing-share-field', 'shares[0].numerator']]);
  });
});
if (!existsSync(PAAVO)) console.warn(`skipping real Paavo checks: ${PAAVO} not found (run from /work/main with ../shared present)`);
