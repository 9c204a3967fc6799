/** School rows (file fields, inference, overrides) and generated networks on hand-made schools. */
import { describe, expect, it } from 'vitest';
import type { FeatureTable, PropertyColumn } from '../../../src/core/load/feature-table';
import type { School } from '../../../src/core/model/school';
import { chosenSchools, generatedNetworks, schoolRows } from '../../../src/app/import/import-networks';
import { colocatedSchools } from '../../../src/core/mapping/voronoi-catchments';

const text = (name: string, texts: string[]): PropertyColumn => ({ name, numbers: new Float64Array(texts.length).fill(NaN), texts, nonNumeric: [], present: texts.length });
const register: FeatureTable = {
  file: 'schools.geojson', format: 'geojson', count: 4, geometries: [null, null, null, null],
  columns: { tunn: text('tunn', ['1', '2', '3', '4']), onimi: text('onimi', ['Aan ala-asteen koulu', 'Berga skola', 'Erityiskoulu Cee', 'International School']), oltyp: text('oltyp', ['11', '11', '12', '11']) },
  fieldNames: ['tunn', 'onimi', 'oltyp'], featureIds: [null, null, null, null], crs: { crs: 'EPSG:3067', source: 'declared' }, bbox: null,
};
const school = (id: string, name: string, x: number, y: number): School => ({ id, name, language: 'fi', grades: '1-9', capacity: null, location: [x, y] });
const schools = [school('1', 'Aan ala-asteen koulu', 0, 0), school('2', 'Berga skola', 100, 0), school('3', 'Erityiskoulu Cee', 50, 50), school('4', 'International School', 0, 100)];

describe('school rows', () => {
  it('infers language and grades from the name and the register type; leaves out special and unknown-language schools', () => {
    const rows = schoolRows(register, schools, {});
    expect(rows.map((r) => [r.language, r.grades, r.include])).toEqual([
      ['fi', '1-6', true], // "koulu" → fi (high); "ala-asteen" → 1-6 (high)
      ['sv', '1-9', true], // "skola" → sv; type 11 → 1-9 (medium)
      ['fi', null, false], // type 12: special-education school, grades unknown
      [null, '1-9', false], // neither "koulu" nor "skola"
    ]);
    expect(rows[1].gradesConfidence).toBe('medium');
    expect(rows[2].excludedReason).toBe('special-education school');
  });
  it('the user’s choices win and include the school', () => {
    const rows = schoolRows(register, schools, { '4': { language: 'sv' } });
    expect(rows[3]).toMatchObject({ language: 'sv', languageConfidence: 'high', include: true });
    expect(chosenSchools(schools, rows).map((s) => [s.id, s.language, s.grades])).toEqual([['1', 'fi', '1-6'], ['2', 'sv', '1-9'], ['4', 'sv', '1-9']]);
  });
});

describe('generated networks', () => {
  it('one network per language and level served, Voronoi cells clipped to the outline, co-located schools left out', () => {
    const a = school('a', 'A koulu', 25, 50);
    const b = { ...school('b', 'B koulu', 75, 50), grades: '1-6' as const };
    const twin = school('t', 'Twin koulu', 25, 50);
    const outline = [[[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]]] as [number, number][][][];
    const result = generatedNetworks([a, b, twin], outline);
    if (!result.ok) throw new Error('generated networks failed');
    const built = result.value;
    expect([...colocatedSchools([a, b, twin])]).toEqual(['t']);
    expect(built.networks.map((n) => [n.id, n.schoolIds])).toEqual([['fi-lower', ['a', 'b']], ['fi-upper', ['a']]]);
    // The bisector of (25, 50) and (75, 50) is x = 50: each school gets half of the 100 × 100 square.
    const area = (mp: number[][][][]) => mp.reduce((s, p) => s + Math.abs(p[0].reduce((t, q, i, r) => (i ? t + (r[i - 1][0] * q[1] - q[0] * r[i - 1][1]) / 2 : 0), 0)), 0);
    expect(built.partitions['fi-lower'].catchments.map(area)).toEqual([5000, 5000]);
    expect(area(built.partitions['fi-upper'].catchments[0])).toBe(10000);
    expect(built.labels['fi-upper'].fi).toBe('Suomenkieliset, vuosiluokat 7–9');
    expect(built.warnings[0]).toMatchObject({ code: 'colocated-schools', ids: ['t'] });
  });
});
