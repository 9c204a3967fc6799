/**
 * The planning area on Tiny City (tests/fixtures/tiny-city: 4 × 4 cells of 250 m from
 * x 385 000, y 6 672 000; he_7_12 = 10 + 5c in column c). A boundary of two features: "west"
 * covering x 385 000–385 500 (columns 0–1) and "east" covering 385 500–386 000.
 * By hand: the west area keeps the 8 cells of columns 0–1 (centres at x 385 125 and 385 375),
 * with he_7_12 = 4 × (10 + 15) = 100. The boundary edges lie on cell borders, never on a centre.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildUnits } from '../../../src/core/load/build-units';
import { readFeatures } from '../../../src/core/load/read-features';
import { areaOutline, subsetTable, unitsInArea } from '../../../src/core/mapping/area-filter';
import { multiPolygonArea } from '../../../src/core/geometry/area';

const X0 = 385_000;
const Y0 = 6_672_000;
const square = (x0: number, x1: number, y0 = Y0 - 100, y1 = Y0 + 1100) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];

function boundaryFile() {
  const features = [
    { type: 'Feature', properties: { part: 'west', kunta: '049' }, geometry: { type: 'Polygon', coordinates: square(X0 - 100, X0 + 500) } },
    { type: 'Feature', properties: { part: 'east', kunta: '091' }, geometry: { type: 'Polygon', coordinates: square(X0 + 500, X0 + 1100) } },
  ];
  const text = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } }, features });
  return readFeatures({ name: 'boundary.geojson', bytes: new TextEncoder().encode(text) });
}

async function tinyUnits() {
  const t = await readFeatures({ name: 'units.geojson', bytes: new Uint8Array(await readFile(resolve('tests/fixtures/tiny-city/units.geojson'))) });
  if (!t.ok) throw new Error('units');
  return t.value;
}

describe('planning area', () => {
  it('the outline of the features with kunta = 049 is the west square (600 × 1 200 m)', async () => {
    const b = await boundaryFile();
    if (!b.ok) throw new Error('boundary');
    const west = areaOutline(b.value, { field: 'kunta', value: '049' });
    expect(west.ok).toBe(true);
    if (west.ok) expect(multiPolygonArea(west.value)).toBeCloseTo(600 * 1200, 6);
    const all = areaOutline(b.value);
    if (all.ok) expect(multiPolygonArea(all.value), 'both features merge into one rectangle').toBeCloseTo(1200 * 1200, 6);
    const none = areaOutline(b.value, { field: 'kunta', value: '092' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems[0].code).toBe('area-empty');
  });

  it('keeps the 8 cells of columns 0–1 (he_7_12 = 4 × (10 + 15) = 100) and cuts every column to them', async () => {
    const b = await boundaryFile();
    if (!b.ok) throw new Error('boundary');
    const area = areaOutline(b.value, { field: 'kunta', value: '049' });
    if (!area.ok) throw new Error('area');
    const table = await tinyUnits();
    const built = buildUnits(table);
    if (!built.ok) throw new Error('units');
    const keep = unitsInArea(built.value.units, area.value);
    expect(keep.reduce((a, b) => a + b, 0)).toBe(8);
    const cut = subsetTable(table, keep);
    expect(cut.count).toBe(8);
    expect(cut.geometries).toHaveLength(8);
    const children = cut.columns.he_7_12.numbers.reduce((a, b) => a + b, 0);
    expect(children).toBe(100);
    expect(cut.columns.he_7_12.present).toBe(8);
    expect(cut.bbox).toEqual([X0, Y0, X0 + 500, Y0 + 1000]);
    const rebuilt = buildUnits(cut);
    expect(rebuilt.ok && rebuilt.value.units.count).toBe(8);
  });

  it('keeps text columns and remaps the non-numeric indices', async () => {
    const table = await tinyUnits();
    const keep = new Uint8Array(table.count);
    keep[3] = 1;
    keep[5] = 1;
    const fake = { ...table, columns: { ...table.columns, note: { name: 'note', numbers: new Float64Array(table.count).fill(NaN), texts: Array.from({ length: table.count }, (_, i) => `n${i}`), nonNumeric: Array.from({ length: table.count }, (_, i) => i), present: table.count } } };
    const cut = subsetTable(fake, keep);
    expect(cut.columns.note.texts).toEqual(['n3', 'n5']);
    expect(cut.columns.note.nonNumeric).toEqual([0, 1]);
    expect(cut.columns.note.present).toBe(2);
    expect(cut.featureIds).toEqual([table.featureIds[3], table.featureIds[5]]);
  });
});
