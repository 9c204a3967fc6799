import { describe, expect, it } from 'vitest';
import { buildCatchments } from '../../../src/core/load/build-catchments';
import { buildSchools, inferLanguage } from '../../../src/core/load/build-schools';
import type { FeatureTable } from '../../../src/core/load/feature-table';
import { readGeoJson } from '../../../src/core/load/read-geojson';
import type { School } from '../../../src/core/model/school';
import { featureCollection, pointFeature, polygonFeature, square } from './load-helpers';

function table(text: string, name = 'f.geojson'): FeatureTable {
  const r = readGeoJson(name, text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('buildSchools', () => {
  it.each([
    ['Alberga skola', 'sv'],
    ['Grankulla samskolan', 'sv'],
    ['Aarnivalkean koulu', 'fi'],
    ['Skolan i Tapiola', 'sv'],
    ['Koulukatu', 'fi'],
  ])('inferLanguage(%s) = %s', (name, lang) => expect(inferLanguage(name)).toBe(lang));

  it('reads our own fields', () => {
    const t = table(featureCollection([pointFeature([385250, 6672500], { id: 'A', name: 'Länsikoulu', language: 'fi', grades: '1–6', capacity: 100 })]));
    const r = buildSchools(t);
    expect(r).toEqual({ ok: true, value: [{ id: 'A', name: 'Länsikoulu', language: 'fi', grades: '1-6', capacity: 100, location: [385250, 6672500] }], warnings: [] });
  });

  it("reads the school register's tunn/onimi, infers language and grades with one warning each", () => {
    const t = table(featureCollection([
      pointFeature([378364, 6673700], { tunn: '03117', onimi: 'Aarnivalkean koulu' }),
      pointFeature([379645, 6678661], { tunn: '03148', onimi: 'Alberga skola' }),
      pointFeature([386000, 6674000], { tunn: '03200', onimi: 'Testin ala-asteen koulu' }),
    ]));
    const r = buildSchools(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((s) => [s.id, s.language, s.grades, s.capacity])).toEqual([
      ['03117', 'fi', '1-9', null],
      ['03148', 'sv', '1-9', null],
      ['03200', 'fi', '1-6', null],
    ]);
    expect(r.warnings.map((w) => [w.code, w.ids?.length])).toEqual([['language-inferred', 3], ['grades-defaulted', 3]]);
  });

  it('rejects polygons, bad languages, bad grades, negative capacity and duplicate ids', () => {
    const t = table(featureCollection([
      polygonFeature(square(385000, 6672000, 10), { id: 'P' }),
      pointFeature([385250, 6672500], { id: 'L', language: 'de', grades: '1-6' }),
      pointFeature([385250, 6672500], { id: 'G', language: 'fi', grades: 'all' }),
      pointFeature([385250, 6672500], { id: 'C', language: 'fi', grades: '1-9', capacity: -5 }),
      pointFeature([385250, 6672500], { id: 'D', language: 'fi', grades: '1-9' }),
      pointFeature([385250, 6672500], { id: 'D', language: 'fi', grades: '1-9' }),
    ]));
    const r = buildSchools(t);
    expect(!r.ok && r.problems.map((p) => [p.code, p.field])).toEqual([
      ['wrong-geometry-type', 'geometry'],
      ['invalid-value', 'language'],
      ['invalid-value', 'grades'],
      ['invalid-value', 'capacity'],
      ['duplicate-id', 'id'],
    ]);
  });

  it('a schools file without any id field is an error naming the field', () => {
    const r = buildSchools(table(featureCollection([pointFeature([385250, 6672500], { name: 'X' })])));
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'missing-field', field: 'id' });
  });
});

const school = (id: string, language: 'fi' | 'sv', grades: School['grades']): School => ({ id, name: id, language, grades, capacity: null, location: [385000, 6672000] });
const SCHOOLS = [school('A', 'fi', '1-6'), school('B', 'fi', '1-9'), school('S', 'sv', '1-6'), school('U', 'fi', '7-9')];

describe('buildCatchments', () => {
  it('groups by network and school, merges several features of one school, infers language and level', () => {
    const t = table(featureCollection([
      polygonFeature(square(385000, 6672000, 500), { network: 'fi-lower', school_id: 'A' }),
      { type: 'Feature', properties: { network: 'fi-lower', school_id: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [square(385500, 6672000, 500), square(386500, 6672000, 500)] } },
      polygonFeature(square(385000, 6673000, 500), { network: 'fi-lower', school_id: 'A' }),
      polygonFeature(square(385000, 6672000, 1000), { network: 'fi-upper', school_id: 'U' }),
    ]));
    const r = buildCatchments(t, SCHOOLS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.networks).toEqual([
      { id: 'fi-lower', label: 'fi-lower', language: 'fi', level: 'lower', schoolIds: ['A', 'B'] },
      { id: 'fi-upper', label: 'fi-upper', language: 'fi', level: 'upper', schoolIds: ['U'] },
    ]);
    expect(r.value.partitions['fi-lower'].catchments.map((mp) => mp.length)).toEqual([2, 2]);
    expect(r.value.partitions['fi-upper'].networkId).toBe('fi-upper');
  });

  it('with declared networks: unknown network and unknown school are errors, schools without catchment a warning', () => {
    const networks = [{ id: 'fi-lower', label: { fi: 'Suomi 1–6', sv: 'Finska 1–6', en: 'Finnish 1–6' }, language: 'fi' as const, level: 'lower' as const }];
    const good = table(featureCollection([
      polygonFeature(square(385000, 6672000, 500), { network: 'fi-lower', school_id: 'A' }),
      polygonFeature(square(385500, 6672000, 500), { network: 'fi-lower', school_id: 'Q' }),
    ]), 'c.geojson');
    const unknown = buildCatchments(good, SCHOOLS, { networks });
    expect(!unknown.ok && unknown.problems.map((p) => [p.code, p.ids])).toEqual([['unknown-school', ['Q']]]);
    const known = table(featureCollection([polygonFeature(square(385000, 6672000, 500), { network: 'fi-lower', school_id: 'A' })]), 'c.geojson');
    const r = buildCatchments(known, SCHOOLS, { networks });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.networks[0].label).toBe('Finnish 1–6');
    // B teaches 1–9 in Finnish, so it serves fi-lower but has no catchment; S is Swedish, U upper.
    expect(r.warnings.map((w) => [w.code, w.ids])).toEqual([['school-without-catchment', ['B']]]);
    const bad = table(featureCollection([polygonFeature(square(385000, 6672000, 500), { network: 'sv-lower', school_id: 'S' })]), 'c.geojson');
    const r2 = buildCatchments(bad, SCHOOLS, { networks });
    expect(!r2.ok && r2.problems[0]).toMatchObject({ code: 'unknown-network', file: 'c.geojson', feature: '0 (id S)', field: 'network' });
  });

  it('catchments must be polygons with a school', () => {
    const t = table(featureCollection([pointFeature([385000, 6672000], { network: 'n', school_id: 'A' }), polygonFeature(square(385000, 6672000, 500), { network: 'n', school_id: '' })]));
    const r = buildCatchments(t, SCHOOLS);
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['wrong-geometry-type', 'missing-value']);
  });

  it('without a network field, every catchment is in one network, with a warning', () => {
    const t = table(featureCollection([polygonFeature(square(385000, 6672000, 500), { school_id: 'S' })]));
    const r = buildCatchments(t, SCHOOLS);
    expect(r.ok && r.value.networks.map((n) => [n.id, n.language])).toEqual([['default', 'sv']]);
    expect(r.ok && r.warnings[0].code).toBe('network-defaulted');
  });
});

describe('empty layers', () => {
  it('an empty schools or catchments file is reported as empty, not as a missing field', () => {
    const empty = table(featureCollection([]), 'koulut.geojson');
    expect(buildSchools(empty)).toMatchObject({ ok: false, problems: [{ code: 'no-features', message: 'The schools file has no features.', file: 'koulut.geojson' }] });
    const schools: School[] = [{ id: 'A', name: 'A', language: 'fi', grades: '1-6', capacity: 100, location: [385250, 6672500] }];
    expect(buildCatchments({ ...empty, file: 'alueet.geojson' }, schools)).toMatchObject({ ok: false, problems: [{ code: 'no-features', message: 'The catchments file has no features.', file: 'alueet.geojson' }] });
  });
});
