/** The Schools step's list: search and "to decide about" (pure part of school-list.tsx). */
import { describe, expect, it } from 'vitest';
import { listedSchools } from '../../../src/app/import/school-list';
import type { SchoolRow } from '../../../src/app/workers/import-protocol';

const row = (id: string, name: string, flags: SchoolRow['flags'] = []): SchoolRow => ({
  id, name, flags, language: 'fi', languageConfidence: 'high', languageReason: '', grades: '1-9', gradesConfidence: 'medium', gradesReason: '', include: flags.length === 0, catchment: null,
});
const rows = [row('1', 'Kalevan skola'), row('2', 'Rajalan koulu', ['outside-area']), row('3', 'Tammelan ala-asteen koulun esi', ['truncated-name']), row('4', 'Hervannan koulu')];

describe('listedSchools', () => {
  it('by name or id, ignoring case; only the flagged ones when asked', () => {
    expect(listedSchools(rows, 'SKOLA', false).map((r) => r.id)).toEqual(['1']);
    expect(listedSchools(rows, ' 4 ', false).map((r) => r.id)).toEqual(['4']);
    expect(listedSchools(rows, '', true).map((r) => r.id)).toEqual(['2', '3']);
    expect(listedSchools(rows, 'koulu', true).map((r) => r.id)).toEqual(['2', '3']);
    expect(listedSchools(rows, '', false)).toHaveLength(4);
  });
});
