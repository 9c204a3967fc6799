/**
 * FNV-1a 64 against the published test vectors (Fowler/Noll/Vo reference: fnv_test.c) and the
 * dataset hash's stability and sensitivity on Tiny City.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/model/dataset';
import { datasetHash, fnv1a64 } from '../../../src/core/scenario/dataset-hash';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadFixtureBundle('tests/fixtures/tiny-city');
});

describe('fnv1a64', () => {
  it('matches the reference vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('datasetHash', () => {
  it('is 16 hex digits and the same for the same data loaded twice', async () => {
    const again = await loadFixtureBundle('tests/fixtures/tiny-city');
    expect(datasetHash(dataset)).toMatch(/^[0-9a-f]{16}$/);
    expect(datasetHash(again)).toBe(datasetHash(dataset));
  });

  it('keeps its value across versions (saved scenarios name their dataset by it), also with NaN and −0 in a column', () => {
    expect(datasetHash(dataset)).toBe('3cabf4d0df83d376');
    const units = dataset.units;
    const name = units.attributes.names[0];
    const column = Float64Array.from(units.attributes.columns[name]);
    column[0] = -0;
    column[1] = NaN;
    const odd = { ...dataset, units: { ...units, attributes: { ...units.attributes, columns: { ...units.attributes.columns, [name]: column } } } } as Dataset;
    column[0] = 0;
    const zero = datasetHash(odd);
    column[0] = -0;
    // −0 is hashed as 0; a NaN of another bit pattern as the canonical NaN.
    expect(datasetHash(odd)).toBe(zero);
    new DataView(column.buffer).setUint32(12, 0x7ff80001 >>> 0, true);
    expect(Number.isNaN(column[1])).toBe(true);
    expect(datasetHash(odd)).toBe(zero);
  });

  it('ignores the display name but sees a changed count, school or catchment', () => {
    const h = datasetHash(dataset);
    expect(datasetHash({ ...dataset, name: 'Renamed' })).toBe(h);
    const columns = { ...dataset.units.attributes.columns, he_7_12: dataset.units.attributes.columns.he_7_12.slice() };
    columns.he_7_12[3] += 1;
    const units = { ...dataset.units, attributes: { ...dataset.units.attributes, columns } };
    expect(datasetHash({ ...dataset, units } as Dataset)).not.toBe(h);
    const schools = dataset.schools.map((s) => (s.id === 'B' ? { ...s, capacity: 81 } : s));
    expect(datasetHash({ ...dataset, schools })).not.toBe(h);
    const p = dataset.partitions['fi-lower'];
    const moved = structuredClone(p);
    moved.catchments[0][0][0][1][0] += 0.001;
    expect(datasetHash({ ...dataset, partitions: { 'fi-lower': moved } })).not.toBe(h);
  });
});
