import { describe, expect, it } from 'vitest';
import { inferGrades, inferLanguageFromName, inferSchool, schoolTypeOf } from '../../../src/core/mapping/school-inference';

describe('school language from the name', () => {
  it.each([
    ['Alberga skola', 'sv'],
    ['Kungsgårdsskolan', 'sv'],
    ['Svenska privatskolan', 'sv'],
    ['Tapiolan koulu', 'fi'],
    ['Espoon steinerkoulu', 'fi'],
    // A Finnish place name ending in "-skola" is still Finnish when the name says "koulu".
    ['Kiiskolan koulu', 'fi'],
  ])('%s → %s', (name, lang) => {
    const r = inferLanguageFromName(name);
    expect(r.value).toBe(lang);
    expect(r.confidence).toBe('high');
  });

  it('is unknown when the name says neither', () => {
    expect(inferLanguageFromName('Espoo International School')).toMatchObject({ value: null, confidence: 'unknown' });
  });
});

describe('grade range', () => {
  it('comes from the name first', () => {
    expect(inferGrades('Mäkelän ala-asteen koulu', '11')).toMatchObject({ value: '1-6', confidence: 'high' });
    expect(inferGrades('Pohjois-Espoon yläkoulu', '11')).toMatchObject({ value: '7-9', confidence: 'high' });
    expect(inferGrades('Grankulla lågstadieskola')).toMatchObject({ value: '1-6', confidence: 'high' });
  });

  it('then from the register type: 11 and 19 → 1-9 (medium), 12 → unknown', () => {
    expect(inferGrades('Tapiolan koulu', '11')).toMatchObject({ value: '1-9', confidence: 'medium' });
    expect(inferGrades('Etelä-Tapiolan lukio', 19)).toMatchObject({ value: '1-9', confidence: 'medium' });
    expect(inferGrades('Keinumäen koulu', '12')).toMatchObject({ value: null, confidence: 'unknown' });
    expect(inferGrades('Tapiolan koulu')).toMatchObject({ value: null, confidence: 'unknown' });
  });

  it('types', () => {
    expect(schoolTypeOf(' 11')).toBe('comprehensive');
    expect(schoolTypeOf('12')).toBe('special');
    expect(schoolTypeOf(19)).toBe('comprehensive-upper-secondary');
    expect(schoolTypeOf('15')).toBeNull();
    expect(inferSchool('Lagstads skola', '11')).toMatchObject({ language: { value: 'sv' }, grades: { value: '1-9' }, type: 'comprehensive' });
  });
});
