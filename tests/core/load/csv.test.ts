/** CSV input: coordinate columns, grid-cell ids, corner columns; separators, decimal comma, BOM, encodings. */
import { describe, expect, it } from 'vitest';
import { buildUnits } from '../../../src/core/load/build-units';
import { textValue } from '../../../src/core/load/feature-table';
import { parseGridId } from '../../../src/core/load/grid-ids';
import { readFeatures } from '../../../src/core/load/read-features';
import { latin1 } from './format-builders';
import { square } from './load-helpers';

const read = (text: string | Uint8Array, name = 'data.csv', extra: { cellSize?: number } = {}) => readFeatures({ name, bytes: text }, extra);

describe('grid-cell ids', () => {
  it.each([
    // INSPIRE long form: N and E are the lower-left corner in metres.
    ['CRS3067RES250mN6672250E385250', { x: 385_250, y: 6_672_250, size: 250, crs: 'EPSG:3067' }],
    // Short form divided by the cell size: 26689 × 250 = 6 672 250, 1541 × 250 = 385 250.
    ['250mN26689E1541', { x: 385_250, y: 6_672_250, size: 250, crs: 'EPSG:3067' }],
    // Short form with trailing zeros removed: 667225 × 10 = 6 672 250, 38525 × 10 = 385 250.
    ['250mN667225E38525', { x: 385_250, y: 6_672_250, size: 250, crs: 'EPSG:3067' }],
    // 1 km: 6672 × 1000, 385 × 1000.
    ['1kmN6672E385', { x: 385_000, y: 6_672_000, size: 1000, crs: 'EPSG:3067' }],
    ['5kmN1334E77', { x: 385_000, y: 6_670_000, size: 5000, crs: 'EPSG:3067' }],
  ])('%s', (id, cell) => expect(parseGridId(id)).toEqual(cell));

  it('rejects other texts', () => {
    // …E385010: 385 010 is not a multiple of 250, so not a corner of the 250 m grid.
    expect(['CRS3067RES250mN6672250', 'CRS3067RES250mN6672000E385010', '250mN1E1', 'abc', ''].map(parseGridId)).toEqual([null, null, null, null, null]);
  });
});

describe('CSV', () => {
  it('points from x/y with ";" separator, decimal comma and a BOM', async () => {
    const r = await read('\uFEFFid;nimi;x;y\nA;Länsikoulu;385250,5;6672500\nB;Itäkoulu;385750;6672500,25\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('csv');
    expect(r.value.geometries).toEqual([{ kind: 'point', point: [385_250.5, 6_672_500] }, { kind: 'point', point: [385_750, 6_672_500.25] }]);
    expect(textValue(r.value, 'nimi', 1)).toBe('Itäkoulu');
    expect(r.value.crs).toEqual({ crs: 'EPSG:3067', source: 'coordinates' });
  });

  it('lat/lon columns in either order are longitude/latitude (EPSG:4326 declared by the names)', async () => {
    // 27°E is TM35FIN's central meridian: x = 500 000 m exactly.
    const r = await read('lat,lon,id\n62.0,27.0,A\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.crs).toMatchObject({ crs: 'EPSG:4326', source: 'declared' });
    const g = r.value.geometries[0];
    expect(g?.kind === 'point' && Math.abs(g.point[0] - 500_000)).toBeLessThan(1e-6);
  });

  it('itä/pohjoinen columns in windows-1252', async () => {
    const r = await read(latin1('tunnus,itä,pohjoinen\nK1,385000,6672000\n'));
    expect(r.ok && r.value.geometries[0]).toEqual({ kind: 'point', point: [385_000, 6_672_000] });
    expect(r.ok && r.value.encoding).toBe('windows-1252');
  });

  it('grid cells from INSPIRE ids become a 250 m grid of units', async () => {
    const r = await read('grd_id,he_vakiy\nCRS3067RES250mN6672000E385000,10\nCRS3067RES250mN6672000E385250,20\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.geometries[1]).toEqual({ kind: 'polygons', polygons: [square(385_250, 6_672_000, 250)] });
    expect(r.value.crs).toMatchObject({ crs: 'EPSG:3067', source: 'declared' });
    const u = buildUnits(r.value);
    expect(u.ok && u.value.units.kind).toBe('grid');
    expect(u.ok && u.value.report.cellSize).toBe(250);
  });

  it('Statistics Finland short ids with euref corner columns', async () => {
    const r = await read('grid_inspire,nro,euref_x,euref_y,vaesto\n1kmN6672E385,1,385000,6672000,100\n');
    expect(r.ok && r.value.geometries[0]).toEqual({ kind: 'polygons', polygons: [square(385_000, 6_672_000, 1000)] });
  });

  it('xkoord/ykoord corners (or centres) with a given cell size', async () => {
    // Corner (385 000, 6 672 000); centre (385 125, 6 672 125) of the cell with the same corner.
    const r = await read('xkoord,ykoord,v\n385000,6672000,1\n385125,6672375,2\n', 'g.csv', { cellSize: 250 });
    expect(r.ok && r.value.geometries).toEqual([
      { kind: 'polygons', polygons: [square(385_000, 6_672_000, 250)] },
      { kind: 'polygons', polygons: [square(385_000, 6_672_250, 250)] },
    ]);
  });

  it.each([
    ['no coordinate column', 'id,nimi\nA,x\n', 'missing-coordinate-column', undefined],
    ['an invalid grid id', 'grd_id,v\nCRS3067RES250mN6672000E385000,1\nruutu-7,2\n', 'invalid-grid-id', 'grd_id'],
    ['duplicate grid ids', 'grd_id,v\n250mN26688E1540,1\n250mN26688E1540,2\n', 'duplicate-id', 'grd_id'],
    ['a text coordinate', 'id,x,y\nA,385000,north\n', 'non-finite-coordinate', 'y'],
  ])('%s → %s', async (_, text, code, field) => {
    const r = await read(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].code).toBe(code);
    expect(r.problems[0].file).toBe('data.csv');
    if (field) expect(r.problems[0]).toMatchObject({ field, feature: expect.stringMatching(/row \d/) });
  });
});
