/** Zipped Shapefiles: .shp geometry, .dbf attributes and encodings, .prj CRS, failure modes. */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { textValue } from '../../../src/core/load/feature-table';
import { encodingFromCpg, readDbf } from '../../../src/core/load/read-dbf';
import { readFeatures } from '../../../src/core/load/read-features';
import { groupRings } from '../../../src/core/load/read-shp';
import { cwSquare, latin1, makeDbf, makeShpPoints, makeShpPolygons } from './format-builders';

const PRJ_3067 = 'PROJCS["ETRS89_ETRS_TM35FIN",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",27.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const COLS = [
  { name: 'nimi', type: 'C' as const, length: 20 },
  { name: 'he_7_12', type: 'N' as const, length: 6 },
];
const ROWS = [
  ['Hämeenlinna', 12],
  ['Åbo', 7],
];
const enc = (s: string) => new TextEncoder().encode(s);

function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? enc(v) : v])));
}

const twoCells = () => makeShpPolygons([[cwSquare(385_000, 6_672_000, 250)], [cwSquare(385_250, 6_672_000, 250)]]);

describe('DBF encodings', () => {
  it.each([
    ['UTF-8 without .cpg (detected)', makeDbf(COLS, ROWS), undefined, 'utf-8', 'detected'],
    ['windows-1252 without .cpg (detected: not valid UTF-8)', makeDbf(COLS, ROWS, latin1), undefined, 'windows-1252', 'detected'],
    ['windows-1252 with .cpg "1252"', makeDbf(COLS, ROWS, latin1), '1252', 'windows-1252', 'cpg'],
    ['UTF-8 with .cpg "UTF-8"', makeDbf(COLS, ROWS), 'UTF-8\n', 'utf-8', 'cpg'],
  ])('%s: "Hämeenlinna" and "Åbo" come out right', (_, bytes, cpg, encoding, source) => {
    const t = readDbf('t.dbf', bytes, cpg);
    expect(t.encoding).toBe(encoding);
    expect(t.encodingSource).toBe(source);
    expect(t.record(0)).toEqual({ nimi: 'Hämeenlinna', he_7_12: 12 });
    expect(t.record(1)).toEqual({ nimi: 'Åbo', he_7_12: 7 });
  });

  it('maps .cpg names', () => {
    expect(['UTF-8', 'utf8', 'ANSI 1252', '1252', 'ISO-8859-1', '88591', 'LATIN1', 'ISO 8859-15'].map(encodingFromCpg)).toEqual(['utf-8', 'utf-8', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'iso-8859-15']);
  });
});

describe('zipped Shapefile', () => {
  it('reads polygons, attributes (windows-1252, no .cpg) and the CRS from the .prj', async () => {
    const r = await readFeatures({ name: 'cells.zip', bytes: zip({ 'cells.shp': twoCells(), 'cells.dbf': makeDbf(COLS, ROWS, latin1), 'cells.prj': PRJ_3067 }) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.value;
    expect(t.format).toBe('shapefile');
    expect(t.layer).toBe('cells');
    expect(t.encoding).toBe('windows-1252 (detected)');
    expect(t.crs).toEqual({ crs: 'EPSG:3067', source: 'declared', declared: 'ETRS89_ETRS_TM35FIN' });
    expect(t.geometries[0]).toEqual({ kind: 'polygons', polygons: [[cwSquare(385_000, 6_672_000, 250)]] });
    expect(textValue(t, 'nimi', 0)).toBe('Hämeenlinna');
    expect([...t.columns.he_7_12.numbers]).toEqual([12, 7]);
    // No .cpg and not UTF-8: the guess is named in a warning.
    expect(r.warnings.map((w) => w.code)).toEqual(['encoding-detected']);
    expect(r.warnings[0].message).toContain('windows-1252');
  });

  it('reads points, and unzipped parts given as companions of the .shp', async () => {
    const shp = makeShpPoints([[385_100, 6_672_100]]);
    const dbf = makeDbf([{ name: 'id', type: 'C', length: 4 }], [['A']]);
    const r = await readFeatures({ name: 'k.shp', bytes: shp, companions: [{ name: 'k.dbf', bytes: dbf }, { name: 'k.prj', bytes: PRJ_3067 }] });
    expect(r.ok && r.value.geometries).toEqual([{ kind: 'point', point: [385_100, 6_672_100] }]);
  });

  it('without a .prj: CRS from the coordinates and the warning missing-prj; an override wins', async () => {
    // GK25 coordinates: x = 25 496 000 (zone prefix 25) → EPSG:3879.
    const files = { 'g.shp': makeShpPolygons([[cwSquare(25_496_000, 6_672_000, 250)]]), 'g.dbf': makeDbf(COLS, [ROWS[0]]) };
    const r = await readFeatures({ name: 'g.zip', bytes: zip(files) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.crs).toEqual({ crs: 'EPSG:3879', source: 'coordinates' });
    expect(r.warnings.map((w) => w.code)).toEqual(['missing-prj']);
    expect(r.warnings[0].message).toContain('EPSG:3879');
    const o = await readFeatures({ name: 'g.zip', bytes: zip(files), crsOverride: 'EPSG:3879' });
    expect(o.ok && o.value.crs).toEqual({ crs: 'EPSG:3879', source: 'override' });
    expect(o.ok && o.warnings).toEqual([]);
  });

  it('groups a clockwise outer ring with the counter-clockwise hole inside it', () => {
    const outer = cwSquare(0, 0, 100);
    const hole: [number, number][] = [[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]];
    const other = cwSquare(200, 0, 50);
    expect(groupRings([outer, other, hole])).toEqual([[outer, hole], [other]]);
  });

  it.each([
    ['zip without .shp', 'zip-without-shapefile', () => ({ 'a.dbf': makeDbf(COLS, ROWS), 'readme.txt': 'x' })],
    ['zip without .dbf', 'shapefile-missing-part', () => ({ 'a.shp': twoCells(), 'a.prj': PRJ_3067 })],
    ['.shp and .dbf of different layers', 'shapefile-mismatch', () => ({ 'a.shp': twoCells(), 'a.dbf': makeDbf(COLS, [ROWS[0]]), 'a.prj': PRJ_3067 })],
    ['two Shapefiles', 'zip-multiple-layers', () => ({ 'a.shp': twoCells(), 'a.dbf': makeDbf(COLS, ROWS), 'b.shp': twoCells(), 'b.dbf': makeDbf(COLS, ROWS) })],
    ['KKJ .prj', 'unsupported-crs', () => ({ 'a.shp': twoCells(), 'a.dbf': makeDbf(COLS, ROWS), 'a.prj': 'PROJCS["KKJ_Finland_Zone_3",GEOGCS["GCS_KKJ"]]' })],
  ])('%s → %s', async (_, code, files) => {
    const r = await readFeatures({ name: 'x.zip', bytes: zip(files()) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].code).toBe(code);
  });

  it('a non-numeric value in a numeric DBF field names the record and the field', async () => {
    const dbf = makeDbf(COLS, ROWS);
    // Overwrite record 1's he_7_12 (bytes after the flag and the 20-byte nimi) with "abc".
    const headerLength = 32 + 32 * 2 + 1;
    dbf.set(enc('   abc'), headerLength + 27 + 1 + 20);
    const r = await readFeatures({ name: 'x.zip', bytes: zip({ 'a.shp': twoCells(), 'a.dbf': dbf, 'a.prj': PRJ_3067 }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'non-numeric-value', feature: 1, field: 'he_7_12' });
    expect(r.problems[0].message).toContain('"abc"');
  });

  it('a damaged zip and a truncated .shp are errors', async () => {
    const good = zip({ 'a.shp': twoCells(), 'a.dbf': makeDbf(COLS, ROWS) });
    const bad = await readFeatures({ name: 'x.zip', bytes: good.subarray(0, 40) });
    expect(!bad.ok && bad.problems[0].code).toBe('invalid-zip');
    const shp = twoCells();
    const cut = await readFeatures({ name: 'x.zip', bytes: zip({ 'a.shp': shp.subarray(0, shp.length - 30), 'a.dbf': makeDbf(COLS, ROWS) }) });
    expect(!cut.ok && cut.problems[0].code).toBe('invalid-shapefile');
  });
});
