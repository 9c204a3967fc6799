/**
 * Filters of several conditions on a hand-made register of six schools:
 *
 *   i  tunn   kunta  olo  oltyp  nimi
 *   0  A      837    0    11     Hervannan koulu
 *   1  B      837    2    11     Vanha koulu
 *   2  C      091    0    11     Kallion koulu
 *   3  D      837    0    12     Erityiskoulu
 *   4  E      0837   0    19     Etu koulu        (kunta written with a leading zero)
 *   5  F      (none) 0    11     Saaren koulu
 *
 * By hand: kunta = 837 keeps A, B, D and E (837 and 0837 are the same number) = 4;
 * kunta = 837 and olo = 0 keeps A, D, E = 3; adding oltyp < 12 keeps A only; oltyp >= 12 keeps D, E;
 * kunta != 837 keeps C only (F has no kunta, so no condition on kunta holds for it).
 */
import { describe, expect, it } from 'vitest';
import { readFeatures } from '../../../src/core/load/read-features';
import { conditionsText, featuresWhere, parseCondition, type FieldCondition } from '../../../src/core/mapping/feature-filter';

const rows = [
  ['A', '837', '0', '11', 'Hervannan koulu'],
  ['B', '837', '2', '11', 'Vanha koulu'],
  ['C', '091', '0', '11', 'Kallion koulu'],
  ['D', '837', '0', '12', 'Erityiskoulu'],
  ['E', '0837', '0', '19', 'Etu koulu'],
  ['F', null, '0', '11', 'Saaren koulu'],
];

async function register() {
  const features = rows.map(([tunn, kunta, olo, oltyp, onimi], i) => ({ type: 'Feature', properties: { tunn, kunta, olo, oltyp, onimi }, geometry: { type: 'Point', coordinates: [385_000 + i * 100, 6_672_000] } }));
  const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } }, features });
  const t = await readFeatures({ name: 'register.geojson', bytes: new TextEncoder().encode(text) });
  if (!t.ok) throw new Error('register');
  return t.value;
}

const cond = (text: string): FieldCondition => {
  const c = parseCondition(text);
  if (!c.ok) throw new Error(text);
  return c.value;
};

async function kept(...texts: string[]): Promise<string> {
  const where = featuresWhere(await register(), texts.map(cond), 'schools file');
  if (!where.ok) throw new Error(where.problems[0].message);
  return rows.filter((_, i) => where.value[i]).map((r) => r[0]).join('');
}

describe('parseCondition', () => {
  it('reads FIELD=VALUE with or without spaces, and the numeric comparisons', () => {
    expect(cond('kunta=837')).toEqual({ field: 'kunta', op: '=', value: '837' });
    expect(cond(' olo = 0 ')).toEqual({ field: 'olo', op: '=', value: '0' });
    expect(cond('he_vakiy>=100')).toEqual({ field: 'he_vakiy', op: '>=', value: '100' });
    expect(cond('kunta_nimi!=Tampere')).toEqual({ field: 'kunta_nimi', op: '!=', value: 'Tampere' });
    expect(conditionsText([cond('kunta=837'), cond('olo=0')])).toBe('kunta = 837 and olo = 0');
  });

  it('names what is wrong: no operator, or an order comparison with text', () => {
    const a = parseCondition('kunta', 'schools-where');
    expect(a.ok ? null : a.problems[0]).toMatchObject({ code: 'filter-syntax', field: 'schools-where' });
    const b = parseCondition('kunta<Tampere');
    expect(b.ok ? null : b.problems[0]).toMatchObject({ code: 'filter-not-number' });
  });
});

describe('featuresWhere: every condition must hold', () => {
  it('kunta = 837 keeps A, B, D, E (0837 = 837 as numbers)', async () => {
    expect(await kept('kunta=837')).toBe('ABDE');
  });
  it('kunta = 837 and olo = 0 keeps A, D, E', async () => {
    expect(await kept('kunta=837', 'olo=0')).toBe('ADE');
  });
  it('numeric comparisons: oltyp < 12 → A; oltyp >= 12 → D, E', async () => {
    expect(await kept('kunta=837', 'olo=0', 'oltyp<12')).toBe('A');
    expect(await kept('kunta=837', 'olo=0', 'oltyp>=12')).toBe('DE');
  });
  it('!= keeps C only: a feature without the value never matches', async () => {
    expect(await kept('kunta!=837')).toBe('C');
  });
  it('text compares trimmed and ignoring case; no conditions keep all', async () => {
    expect(await kept('onimi=kallion KOULU')).toBe('C');
    expect(await kept()).toBe('ABCDEF');
  });
  it('a field the file lacks is named with the fields it has', async () => {
    const where = featuresWhere(await register(), [cond('kunat=837')], 'schools file');
    expect(where.ok).toBe(false);
    if (where.ok) return;
    expect(where.problems[0]).toMatchObject({ code: 'filter-field-unknown', file: 'register.geojson', field: 'kunat' });
    expect(where.problems[0].message).toContain('schools file has no field "kunat"');
    expect(where.problems[0].fix).toContain('kunta');
  });
});

describe('conditions as typed in the wizard', () => {
  it('a bare value is =, a leading operator sets the comparison; the input round-trips', async () => {
    const { conditionFromInput, conditionInput } = await import('../../../src/core/mapping/feature-filter');
    expect(conditionFromInput('kunta', '837')).toMatchObject({ ok: true, value: { field: 'kunta', op: '=', value: '837' } });
    expect(conditionFromInput('olo', ' != 2')).toMatchObject({ ok: true, value: { field: 'olo', op: '!=', value: '2' } });
    expect(conditionFromInput('he_vakiy', '>=100')).toMatchObject({ ok: true, value: { op: '>=', value: '100' } });
    expect(conditionFromInput('', '837')).toBeNull();
    expect(conditionFromInput('kunta_nimi', '< Tampere')).toMatchObject({ ok: false });
    expect(conditionInput({ field: 'olo', op: '!=', value: '2' })).toBe('!= 2');
    expect(conditionInput({ field: 'kunta', op: '=', value: '837' })).toBe('837');
  });
});
