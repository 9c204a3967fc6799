/** The chunked GeoJSON reader: item ranges found byte by byte, batches parsed, truncation reported. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsedItems, scanFeatureCollection, ScanError } from '../../../src/core/load/geojson-chunks';
import { readGeoJson } from '../../../src/core/load/read-geojson';

const enc = (s: string) => new TextEncoder().encode(s);
const items = (text: string, batch = 4) => {
  const bytes = enc(text);
  const scan = scanFeatureCollection(bytes)!;
  return { skeleton: scan.skeleton, items: [...parsedItems(bytes, scan, batch)].flatMap(([, it]) => it) };
};

describe('scanFeatureCollection', () => {
  it('finds the items of the top-level "features" only, whatever the strings hold', () => {
    const text = '\uFEFF{"name":"a \\"features\\": [1,2]","features" : [ {"p":"],[{\\\\"}, {"features":[9]} ,3 ],"crs":{"x":[1]}}';
    const r = items(text);
    expect(r.items).toEqual([{ p: '],[{\\' }, { features: [9] }, 3]);
    expect(JSON.parse(r.skeleton)).toEqual({ name: 'a "features": [1,2]', features: [], crs: { x: [1] } });
  });

  it('is null for JSON that is not an object with a features array (parsed whole instead)', () => {
    expect(scanFeatureCollection(enc('[1,2]'))).toBeNull();
    expect(scanFeatureCollection(enc('{"type":"Feature","geometry":null}'))).toBeNull();
  });

  it('reports truncation, trailing data, empty items and two features members', () => {
    for (const bad of ['{"features":[{"a":1},', '{"features":[{"a":"x', '{"features":[]} x', '{"features":[1,,2]}', '{"features":[1,]}', '{"features":[],"features":[]}'])
      expect(() => scanFeatureCollection(enc(bad)), bad).toThrow(ScanError);
  });

  it('gives the same items as JSON.parse for any array of JSON values, in any batch size (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 20 }), fc.integer({ min: 1, max: 200 }), (values, batch) => {
        const text = JSON.stringify({ type: 'FeatureCollection', features: values });
        expect(items(text, batch).items).toEqual(JSON.parse(text).features);
      }),
      { numRuns: 200 },
    );
  });

  it('readGeoJson reads bytes and text to the same table, and names a broken feature', () => {
    const fcText = JSON.stringify({ type: 'FeatureCollection', features: [0, 1, 2].map((i) => ({ type: 'Feature', properties: { id: `S${i}`, n: i }, geometry: { type: 'Point', coordinates: [385000 + i, 6672000] } })) });
    const a = readGeoJson('a.geojson', enc(fcText));
    const b = readGeoJson('a.geojson', fcText);
    expect(a.ok && b.ok && [...a.value.columns.n.numbers]).toEqual([0, 1, 2]);
    expect(a.ok && a.value.geometries).toEqual(b.ok && b.value.geometries);
    const broken = readGeoJson('b.geojson', enc(fcText.replace('"n":1', '"n":1x')));
    expect(!broken.ok && broken.problems[0]).toMatchObject({ code: 'invalid-json', file: 'b.geojson' });
    expect(!broken.ok && broken.problems[0].message).toContain('item 1 of "features"');
  });
});
