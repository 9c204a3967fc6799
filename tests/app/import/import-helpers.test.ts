/** Pure helpers of the import wizard: steps, file grouping, mapping by column copy, totals, hull, SVG path, scale bar, view box. */
import { describe, expect, it } from 'vitest';
import type { FeatureTable, PropertyColumn } from '../../../src/core/load/feature-table';
import { convexHull } from '../../../src/core/geometry/convex-hull';
import { rankProblems, viewBoxAround } from '../../../src/app/import/import-check';
import { areaParts, canEnter, crsLabel, CRS_CHOICES, problemWhere, shareOf } from '../../../src/app/import/import-steps';
import { groupInputFiles, groupTotals, withMappedColumns } from '../../../src/app/import/import-tables';
import { scaleBar, svgPath } from '../../../src/app/import/svg-path';

const col = (name: string, numbers: number[], texts: (string | null)[] | null = null): PropertyColumn => ({ name, numbers: Float64Array.from(numbers), texts, nonNumeric: [], present: numbers.length });

function table(): FeatureTable {
  return {
    file: 'units.geojson', format: 'geojson', count: 3, geometries: [null, null, null],
    columns: { vaesto: col('vaesto', [10, 20, 5]), kunta: col('kunta', [91, 49, 91], ['091', '049', '091']) },
    fieldNames: ['vaesto', 'kunta'], featureIds: [null, null, null], crs: { crs: 'EPSG:3067', source: 'declared' }, bbox: null,
  };
}

describe('steps', () => {
  const files = (u: string, s: string, c: string, b = 'empty') => ({ files: { units: { status: u }, schools: { status: s }, catchments: { status: c }, boundary: { status: b } } });
  it('needs units and schools read, and catchments read or absent, before leaving the files step', () => {
    expect(canEnter(files('ready', 'ready', 'empty'), 'crs')).toBe(true);
    expect(canEnter(files('ready', 'ready', 'ready'), 'check')).toBe(true);
    expect(canEnter(files('ready', 'empty', 'empty'), 'crs')).toBe(false);
    expect(canEnter(files('ready', 'ready', 'error'), 'crs')).toBe(false);
    expect(canEnter(files('reading', 'ready', 'empty'), 'crs')).toBe(false);
    expect(canEnter({ ...files('ready', 'ready', 'empty'), busy: true }, 'crs')).toBe(false);
    expect(canEnter(files('empty', 'empty', 'empty'), 'files')).toBe(true);
    expect(canEnter(files('ready', 'ready', 'empty', 'ready'), 'crs'), 'a boundary file read').toBe(true);
    expect(canEnter(files('ready', 'ready', 'empty', 'error'), 'crs'), 'a broken boundary file').toBe(false);
  });
  it('names where a problem is', () => {
    expect(problemWhere({ code: 'x', message: '', fix: '', file: 'a.geojson', feature: '3 (id 00100)', field: 'he_7_12' })).toBe('a.geojson · feature 3 (id 00100) · field "he_7_12"');
    expect(problemWhere({ code: 'x', message: '', fix: '', feature: 0 })).toBe('feature 0');
  });
  it('prints areas in m², ha or km²', () => {
    expect(areaParts(9_999)).toEqual({ value: 9_999, unit: 'm2', digits: 0 });
    // 62 500 m² = 6.25 ha; 2 500 000 m² = 2.5 km².
    expect(areaParts(62_500)).toEqual({ value: 6.25, unit: 'ha', digits: 1 });
    expect(areaParts(2_500_000)).toEqual({ value: 2.5, unit: 'km2', digits: 2 });
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(1, 0)).toBe(0);
  });
  it('offers TM35FIN, the 13 GK zones and WGS 84', () => {
    expect(CRS_CHOICES).toHaveLength(15);
    expect(crsLabel('EPSG:3879')).toBe('EPSG:3879 (ETRS-GK25)');
    expect(crsLabel('EPSG:3873')).toBe('EPSG:3873 (ETRS-GK19)');
    expect(crsLabel('EPSG:3067')).toBe('EPSG:3067 (ETRS-TM35FIN)');
  });
});

describe('files', () => {
  const f = (name: string) => ({ name, bytes: new Uint8Array([1]) });
  it('takes one file as is, a .shp with its side files as companions', () => {
    const one = groupInputFiles([f('a.zip')]);
    expect(one.ok && one.value.name).toBe('a.zip');
    const shp = groupInputFiles([f('grid.dbf'), f('grid.shp'), f('grid.prj')]);
    expect(shp.ok && shp.value.name).toBe('grid.shp');
    expect(shp.ok && shp.value.companions?.map((c) => c.name)).toEqual(['grid.dbf', 'grid.prj']);
  });
  it('refuses two data files for one layer and no file, saying what to do', () => {
    const two = groupInputFiles([f('a.geojson'), f('b.geojson')]);
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.problems[0]).toMatchObject({ code: 'several-files', file: 'a.geojson, b.geojson' });
    expect(groupInputFiles([]).ok).toBe(false);
  });
  it('maps a canonical field by copying the source column', () => {
    const t = withMappedColumns(table(), { he_vakiy: 'vaesto', he_7_12: '', kunta: 'kunta' });
    expect(t.fieldNames).toEqual(['vaesto', 'kunta', 'he_vakiy']);
    expect([...t.columns.he_vakiy.numbers]).toEqual([10, 20, 5]);
    expect(t.columns.he_vakiy.name).toBe('he_vakiy');
    expect(table().columns.he_vakiy).toBeUndefined();
  });
  it('totals units and people per value of a field', () => {
    // 091: units 0 and 2 → 10 + 5 = 15 people; 049: unit 1 → 20.
    expect(groupTotals(table(), 'kunta', Float64Array.from([10, 20, 5]))).toEqual([
      { value: '049', units: 1, population: 20 },
      { value: '091', units: 2, population: 15 },
    ]);
  });
});

describe('geometry for the problem maps', () => {
  it('convex hull of a square with an inner point and a collinear edge point is the square, counter-clockwise and closed', () => {
    const hull = convexHull([[0, 0], [2, 0], [1, 0], [2, 2], [0, 2], [1, 1]]);
    expect(hull).toEqual([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
    expect(convexHull([[0, 0], [1, 1], [2, 2]])).toEqual([]);
  });
  it('view box: a square three times the larger side, at least the minimum', () => {
    // bbox 100 × 50 centred at (50, 25): side max(400, 300) = 400.
    expect(viewBoxAround([0, 0, 100, 50])).toEqual([-150, -175, 250, 225]);
    // 1000 × 10: side 3000 around (500, 5).
    expect(viewBoxAround([0, 0, 1000, 10])).toEqual([-1000, -1495, 2000, 1505]);
  });
  it('ranks problems by people, then area', () => {
    const ranked = rankProblems([{ areaM2: 5 }, { areaM2: 1, population: 3 }, { areaM2: 9 }]);
    expect(ranked.map((p) => p.areaM2)).toEqual([1, 9, 5]);
  });
  it('writes an SVG path through the projection, rounded to 0.1 px', () => {
    expect(svgPath([[[[0, 0], [1, 0], [1, 1], [0, 0]]]], ([x, y]) => [x * 10.04, 10 - y * 10])).toBe('M0 10 L10 10 L10 0 L0 10 Z');
  });
  it('scale bar: the largest 1/2/5 × 10ⁿ m within a third of the width', () => {
    // 1200 m wide: a third is 400 m → 200 m, drawn 200/1200 × 168 = 28 px.
    expect(scaleBar(1200, 168)).toEqual({ metres: 200, px: 28, label: '200 m' });
    // 9000 m: 3000 → 2000 m = "2 km".
    expect(scaleBar(9000, 90)).toEqual({ metres: 2000, px: 20, label: '2 km' });
  });
});
