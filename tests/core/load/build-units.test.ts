import { describe, expect, it } from 'vitest';
import { buildUnits } from '../../../src/core/load/build-units';
import { reproject } from '../../../src/core/load/crs';
import { readGeoJson } from '../../../src/core/load/read-geojson';
import type { FeatureTable } from '../../../src/core/load/feature-table';
import type { Position } from '../../../src/core/model/geometry-types';
import { featureCollection, pointFeature, polygonFeature, square } from './load-helpers';

function table(text: string): FeatureTable {
  const r = readGeoJson('units.geojson', text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('buildUnits: grids', () => {
  it('exact 250 m squares aligned to multiples of 250 m become GridUnits', () => {
    // Three cells: (385 000, 6 672 000), (385 500, 6 672 000), (385 250, 6 672 750).
    // Covering grid: originX 385 000, originY 6 672 000; x up to 385 750 → 3 cols; y up to 6 673 000 → 4 rows.
    const cells: [number, number][] = [[385000, 6672000], [385500, 6672000], [385250, 6672750]];
    const t = table(featureCollection(cells.map(([x, y], i) => polygonFeature(square(x, y, 250), { grd_id: `c${i}`, he_vakiy: 10 * (i + 1) }))));
    const r = buildUnits(t);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.units.kind !== 'grid') return;
    const u = r.value.units;
    expect(u.grid).toEqual({ originX: 385000, originY: 6672000, cellSize: 250, cols: 3, rows: 4 });
    expect([...u.col]).toEqual([0, 2, 1]);
    expect([...u.row]).toEqual([0, 0, 3]);
    expect(u.ids).toEqual(['c0', 'c1', 'c2']);
    expect([...u.attributes.columns.he_vakiy]).toEqual([10, 20, 30]);
    expect(r.warnings).toEqual([]);
  });

  it('any constant cell size works (1 km grid)', () => {
    const t = table(featureCollection([polygonFeature(square(385000, 6672000, 1000), { id: 'a' }), polygonFeature(square(387000, 6672000, 1000), { id: 'b' })]));
    const r = buildUnits(t);
    expect(r.ok && r.value.units.kind === 'grid' && r.value.units.grid).toEqual({ originX: 385000, originY: 6672000, cellSize: 1000, cols: 3, rows: 1 });
  });

  it('points at cell centres become GridUnits given the manifest grid', () => {
    const t = table(featureCollection([pointFeature([385125, 6672125], { grd_id: 'a' }), pointFeature([385625, 6672375], { grd_id: 'b' })]));
    const r = buildUnits(t, { grid: { originX: 385000, originY: 6672000, cellSize: 250, cols: 4, rows: 4 } });
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.units.kind !== 'grid') return;
    // (385 625 − 385 000) / 250 = 2.5 → col 2; (6 672 375 − 6 672 000) / 250 = 1.5 → row 1.
    expect([...r.value.units.col]).toEqual([0, 2]);
    expect([...r.value.units.row]).toEqual([0, 1]);
    expect(r.value.units.grid.cols).toBe(4);
  });

  it('points with INSPIRE ids "…RES250m…" get their cell size from the ids', () => {
    const t = table(featureCollection([pointFeature([385125, 6672125], { grd_id: 'CRS3067RES250mN6672000E385000' })]));
    const r = buildUnits(t);
    expect(r.ok && r.value.units.kind === 'grid' && r.value.units.grid.cellSize).toBe(250);
  });

  it('points without any cell size are an error', () => {
    const r = buildUnits(table(featureCollection([pointFeature([385125, 6672125], { id: 'a' })])));
    expect(!r.ok && r.problems[0].code).toBe('points-need-grid');
  });

  it('cells that went through degrees (6 decimals) are snapped back to the grid, with a warning', () => {
    const rings = [square(385000, 6672000, 250), square(385250, 6672000, 250)].map((poly) =>
      reproject(poly[0], 'EPSG:3067', 'EPSG:4326').map(([lon, lat]) => [Number(lon.toFixed(6)), Number(lat.toFixed(6))] as Position),
    );
    const t = table(featureCollection(rings.map((ring, i) => polygonFeature([ring], { id: String(i) })), null));
    expect(t.crs.crs).toBe('EPSG:4326');
    const r = buildUnits(t);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.units.kind !== 'grid') return;
    expect(r.value.units.grid).toEqual({ originX: 385000, originY: 6672000, cellSize: 250, cols: 2, rows: 1 });
    // 6 decimals of a degree ≈ 0.11 m in latitude: the snap is well under the 5 m tolerance but not 0.
    expect(r.value.report.maxSnapMetres).toBeGreaterThan(0.01);
    expect(r.value.report.maxSnapMetres).toBeLessThan(0.5);
    expect(r.warnings.map((w) => w.code)).toEqual(['grid-snapped']);
  });

  it('squares aligned in ETRS-GK25 are rotated in EPSG:3067 and stay polygons', () => {
    const gkCells = [square(25_493_750, 6_676_999, 250), square(25_494_000, 6_676_999, 250)];
    const rings = gkCells.map((poly) => reproject(poly[0], 'EPSG:3879', 'EPSG:3067'));
    const r = buildUnits(table(featureCollection(rings.map((ring, i) => polygonFeature([ring], { id: String(i) })))));
    expect(r.ok && r.value.units.kind).toBe('polygons');
    if (r.ok) expect(r.value.report.notGridReason).toMatch(/rotated 1\.\d+°/);
  });

  it('two features in one cell are an error', () => {
    const t = table(featureCollection([polygonFeature(square(385000, 6672000, 250), { id: 'a' }), polygonFeature(square(385000, 6672000, 250), { id: 'b' })]));
    const r = buildUnits(t);
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'duplicate-cell', ids: ['b'] });
  });
});

describe('buildUnits: polygons and attributes', () => {
  it('non-square polygons become PolygonUnits with areas and bboxes', () => {
    // A 300 m × 200 m rectangle (60 000 m²) and a right triangle with legs 100 m (5 000 m²),
    // the triangle given clockwise to check the orientation is normalised.
    const rect = [[[385000, 6672000], [385300, 6672000], [385300, 6672200], [385000, 6672200], [385000, 6672000]]] as Position[][];
    const tri = [[[385000, 6673000], [385000, 6673100], [385100, 6673000], [385000, 6673000]]] as Position[][];
    const r = buildUnits(table(featureCollection([polygonFeature(rect, { postinumero: '00100', nimi: 'Keskusta', he_vakiy: 5 }), polygonFeature(tri, { postinumero: '00200', nimi: 'Toinen', he_vakiy: null })])));
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.units.kind !== 'polygons') return;
    const u = r.value.units;
    expect([...u.areas]).toEqual([60000, 5000]);
    expect(u.bboxes).toEqual([[385000, 6672000, 385300, 6672200], [385000, 6673000, 385100, 6673100]]);
    expect(u.ids).toEqual(['00100', '00200']);
    // Counter-clockwise outer ring: (0,0) → (0,100) was clockwise, so the second position is now (100, 0).
    expect(u.geometries[1][0][0][1]).toEqual([385100, 6673000]);
    expect(u.attributes.names).toEqual(['he_vakiy']);
    expect(Number.isNaN(u.attributes.columns.he_vakiy[1])).toBe(true);
    expect(r.value.report.textFields).toEqual(['nimi']);
    expect(r.value.report.missing.he_vakiy).toBe(1);
  });

  it('numeric strings are numbers, -1 is kept for the suppression step and counted', () => {
    const t = table(featureCollection([polygonFeature(square(385000, 6672000, 250), { id: 'a', he_7_12: '12' }), polygonFeature(square(385250, 6672000, 250), { id: 'b', he_7_12: -1 })]));
    const r = buildUnits(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value.units.attributes.columns.he_7_12]).toEqual([12, -1]);
    expect(r.value.report.suppressed.he_7_12).toBe(1);
  });

  it('Statistics Finland\'s "..", "..." and "." are missing values (reported, never summed); "-" is refused with its two meanings', () => {
    const t = table(featureCollection([
      polygonFeature(square(385000, 6672000, 250), { id: 'a', he_7_12: '..', he_vakiy: '...' }),
      polygonFeature(square(385250, 6672000, 250), { id: 'b', he_7_12: '.', he_vakiy: 40 }),
      polygonFeature(square(385500, 6672000, 250), { id: 'c', he_7_12: 4, he_vakiy: 30 }),
    ]));
    const r = buildUnits(t);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value.units.attributes.columns.he_7_12]).toEqual([NaN, NaN, 4]);
    expect(r.value.report.missing).toMatchObject({ he_7_12: 2, he_vakiy: 1 });
    const dash = buildUnits(table(featureCollection([polygonFeature(square(385000, 6672000, 250), { id: 'a', he_7_12: '-' }), polygonFeature(square(385250, 6672000, 250), { id: 'b', he_7_12: 3 })])));
    expect(dash.ok ? null : dash.problems[0]).toMatchObject({
      code: 'non-numeric-value',
      feature: '0 (id a)',
      message: expect.stringContaining('Statistics Finland writes "-" for zero, other sources for a missing value'),
      fix: expect.stringContaining('Write 0 where the value is zero'),
    });
  });

  it('a non-numeric value in a count field names the feature and the field', () => {
    const t = table(featureCollection([
      polygonFeature(square(385000, 6672000, 250), { id: 'a', he_7_12: 3 }),
      polygonFeature(square(385250, 6672000, 250), { id: 'b', he_7_12: 'n/a' }),
      polygonFeature(square(385500, 6672000, 250), { id: 'c', he_7_12: 4 }),
    ]));
    const r = buildUnits(t);
    expect(!r.ok && r.problems).toEqual([expect.objectContaining({ code: 'non-numeric-value', feature: '1 (id b)', field: 'he_7_12', file: 'units.geojson' })]);
  });

  it('a field the configuration needs must exist', () => {
    const t = table(featureCollection([polygonFeature(square(385000, 6672000, 250), { id: 'a' })]));
    const r = buildUnits(t, { numericFields: ['he_7_12'] });
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'missing-field', field: 'he_7_12' });
  });

  it('duplicate ids are listed', () => {
    const t = table(featureCollection(['x', 'y', 'x', 'y', 'z'].map((id, i) => polygonFeature(square(385000 + 250 * i, 6672000, 250), { id }))));
    const r = buildUnits(t);
    expect(!r.ok && r.problems[0]).toMatchObject({ code: 'duplicate-id', ids: ['x', 'y'] });
  });
});
