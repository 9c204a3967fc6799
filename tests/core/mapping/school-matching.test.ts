import { describe, expect, it } from 'vitest';
import { matchSchoolsToCatchments, normaliseSchoolName } from '../../../src/core/mapping/school-matching';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import type { School } from '../../../src/core/model/school';

const square = (x0: number, y0: number, s: number): MultiPolygon => [[[[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]]]];
const school = (id: string, name: string, x: number, y: number): School => ({ id, name, language: 'fi', grades: '1-9', capacity: null, location: [x, y] });

describe('normaliseSchoolName', () => {
  it('drops school and area words in Finnish and Swedish', () => {
    expect(normaliseSchoolName('Tapiolan oppilasalue')).toBe('tapiolan');
    expect(normaliseSchoolName('  Tapiolan   KOULU ')).toBe('tapiolan');
    expect(normaliseSchoolName('Lagstads skola')).toBe('lagstads');
    expect(normaliseSchoolName('Kungsgårdsskolan')).toBe('kungsgårds');
    expect(normaliseSchoolName('Mäkelän ala-asteen koulu')).toBe('mäkelän');
    expect(normaliseSchoolName('Itäisen Leppävaaran oppilaaksiottoalue')).toBe('itäisen leppävaaran');
  });
});

describe('matchSchoolsToCatchments', () => {
  const schools = [school('s1', 'Tapiolan koulu', 5, 5), school('s2', 'Lagstads skola', 15, 5), school('s3', 'Olarin koulu', 25, 5), school('s4', 'Kilon koulu', 95, 95)];

  it('matches by id, then name, then containing catchment; reports the rest', () => {
    const r = matchSchoolsToCatchments(schools, [
      { schoolId: 's3', name: 'whatever', geometry: square(20, 0, 10) },
      { name: 'Tapiolan oppilasalue', geometry: square(0, 0, 10) },
      { name: 'Area 51', geometry: square(10, 0, 10) },
      { name: 'Nobody', geometry: square(200, 200, 10) },
    ]);
    expect(r.matches).toEqual([
      { catchment: 0, schoolId: 's3', method: 'id' },
      { catchment: 1, schoolId: 's1', method: 'name' },
      { catchment: 2, schoolId: 's2', method: 'location' },
    ]);
    expect(r.schoolsWithoutCatchment).toEqual(['s4']);
    expect(r.catchmentsWithoutSchool).toEqual([3]);
    expect(r.problems.map((p) => p.code)).toEqual(['school-without-catchment', 'catchment-without-school']);
  });

  it('reports a catchment holding several unmatched schools as ambiguous', () => {
    const r = matchSchoolsToCatchments(schools.slice(0, 2), [{ name: 'Big', geometry: square(0, 0, 30) }]);
    expect(r.matches).toEqual([]);
    expect(r.problems[0]).toMatchObject({ code: 'ambiguous-match', ids: ['s1', 's2'] });
  });
});
