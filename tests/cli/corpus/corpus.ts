/**
 * The second malformed-input corpus: generated in memory (nothing large is committed), grouped by
 * class. Each case names the CLI arguments, the exit code, the problem code expected on stderr
 * (or stdout for `validate` warnings) and, for files that must load, that the indicators are
 * exactly Tiny City's.
 */
import { tinyArgs } from '../cli-test-io';
import {
  centralHeaders, cp850, deepArray, enc, gj, gzip, latin1, patch32, schoolShapefile, schoolsFgb, schoolsGpkg, tiny, utf16, zip, type Fc,
} from './make-files';
import { makeDbf, makeShpPoints } from '../../core/load/format-builders';

export interface CorpusCase {
  cls: string;
  name: string;
  files: Record<string, Uint8Array | string>;
  args: string[];
  command?: 'indicators' | 'validate';
  exit: 0 | 2;
  /** Problem code on stderr/stdout. */
  code?: string;
  /** Text that must appear in the output (file, feature, field named). */
  mentions?: string[];
  /** The indicators must equal Tiny City's (the file is the same data in another form). */
  sameNumbers?: boolean;
}

const P = '/corpus/';
type Role = 'units' | 'schools' | 'catchments';
/** A case replacing one or more of Tiny City's files. */
function swap(files: Partial<Record<Role, [string, Uint8Array | string]>>, extra: string[] = []) {
  const mem: Record<string, Uint8Array | string> = {};
  const rep: Partial<Record<Role, string>> = {};
  for (const [role, v] of Object.entries(files) as [Role, [string, Uint8Array | string]][]) {
    mem[P + v[0]] = v[1];
    rep[role] = P + v[0];
  }
  return { files: mem, args: [...tinyArgs(rep), ...extra] };
}
const withUnits = (edit: (fc: Fc) => void): string => {
  const u = tiny().units;
  edit(u);
  return gj(u);
};
const withSchools = (edit: (fc: Fc) => void): string => {
  const s = tiny().schools;
  edit(s);
  return gj(s);
};
const withCatchments = (edit: (fc: Fc) => void): string => {
  const c = tiny().catchments;
  edit(c);
  return gj(c);
};
const unitsCsv = (ids: (x: number, y: number) => string, sep = ',') =>
  ['grd_id', 'he_vakiy', 'he_7_12', 'he_13_15', 'ko_ika18y', 'ko_perus', 'pt_vakiy', 'pt_tyott', 'hr_tuy', 'hr_pi_tul', 'te_taly', 'te_vuok_as', 'vieraskielisia'].join(sep) +
  '\n' +
  tiny()
    .units.features.map((f) => {
      const p = f.properties;
      const [x, y] = [Number(p.euref_x), Number(p.euref_y)];
      return [ids(x, y), p.he_vakiy, p.he_7_12, p.he_13_15, p.ko_ika18y, p.ko_perus, p.pt_vakiy, p.pt_tyott, p.hr_tuy, p.hr_pi_tul, p.te_taly, p.te_vuok_as, p.vieraskielisia].join(sep);
    })
    .join('\n') +
  '\n';
const schoolsCsvText = 'id;name;language;grades;capacity;x;y\nA;Länsikoulu;fi;1-6;100;385250;6672500\nB;Itäkoulu;fi;1-6;80;385750;6672500\n';

export async function corpus(): Promise<CorpusCase[]> {
  const cases: CorpusCase[] = [];
  const add = (cls: string, name: string, c: { files: Record<string, Uint8Array | string>; args: string[] }, expect: Omit<CorpusCase, 'cls' | 'name' | 'files' | 'args'>) =>
    cases.push({ cls, name, ...c, ...expect });
  const unitsText = withUnits(() => {});

  // ── Properties of any shape ──────────────────────────────────────────────
  const shapes = 'property shapes';
  for (const key of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])
    add(shapes, `units with a field named ${key}`, swap({ units: [`field-${key}.geojson`, unitsText.replace(/"grd_id"/g, `"${key}": 5, "grd_id"`)] }), { exit: 0, sameNumbers: true });
  add(shapes, 'schools FlatGeobuf with a column named __proto__', swap({ schools: ['proto.fgb', schoolsFgb({ ['__proto__']: 'x', constructor: 'y' })] }), { exit: 0, sameNumbers: true });
  add(shapes, 'CSV units with a column named __proto__', swap({ units: ['proto.csv', unitsCsv((x, y) => `CRS3067RES250mN${y}E${x}`).replace('grd_id,', 'grd_id,__proto__,').replace(/\n(CRS[^,]+),/g, '\n$1,1,')] }), { exit: 0 });
  add(shapes, 'GeoPackage schools with a column named constructor', swap({ schools: ['ctor.gpkg', await schoolsGpkg({ extraColumn: 'constructor' })] }), { exit: 0, sameNumbers: true });
  add(shapes, 'a property nested 20 000 deep', swap({ units: ['deep.geojson', unitsText.replace(/"grd_id"/g, `"meta": ${deepArray(20_000)}, "grd_id"`)] }), { exit: 0, sameNumbers: true });
  add(shapes, 'a count that is a boolean', swap({ units: ['bool.geojson', withUnits((u) => void (u.features[3].properties.he_7_12 = true))] }), { exit: 2, code: 'non-numeric-value', mentions: ['he_7_12', 'CRS3067RES250mN6672000E385750'] });
  add(shapes, 'a count of 1e400 (infinite)', swap({ units: ['inf.geojson', unitsText.replace('"he_7_12":15', '"he_7_12":1e400')] }), { exit: 2, code: 'non-finite-value', mentions: ['he_7_12', 'CRS3067RES250mN6672000E385250'] });
  add(shapes, 'a count written "Infinity"', swap({ units: ['inf-text.geojson', withUnits((u) => void (u.features[2].properties.he_7_12 = 'Infinity'))] }), { exit: 2, code: 'non-finite-value', mentions: ['he_7_12'] });
  add(shapes, 'a count written "NaN"', swap({ units: ['nan-text.geojson', withUnits((u) => void (u.features[2].properties.he_vakiy = 'NaN'))] }), { exit: 2, code: 'non-finite-value', mentions: ['he_vakiy'] });
  add(shapes, 'a count of 1e300', swap({ units: ['huge.geojson', withUnits((u) => void (u.features[1].properties.he_7_12 = 1e300))] }), { exit: 2, code: 'implausible-value', mentions: ['he_7_12', 'CRS3067RES250mN6672000E385250'] });
  add(shapes, 'a count that is an object', swap({ units: ['object.geojson', withUnits((u) => void (u.features[0].properties.he_7_12 = { v: 10 }))] }), { exit: 2, code: 'non-numeric-value', mentions: ['he_7_12'] });
  add(shapes, 'a capacity that is a boolean', swap({ schools: ['cap-bool.geojson', withSchools((s) => void (s.features[1].properties.capacity = true))] }), { exit: 2, code: 'invalid-value', mentions: ['capacity', 'B'] });
  add(shapes, 'properties that are an array', swap({ units: ['props-array.geojson', withUnits((u) => void ((u.features[0] as { properties: unknown }).properties = [1, 2]))] }), { exit: 2, code: 'invalid-properties', mentions: ['feature 0'] });
  add(shapes, 'two fields differing only in case', swap({ units: ['case.geojson', unitsText.replace(/"he_7_12"/g, '"HE_7_12": 1, "he_7_12"')] }), { exit: 2, code: 'duplicate-field', mentions: ['HE_7_12', 'he_7_12'] });
  add(shapes, 'a capacity of 1e300', swap({ schools: ['cap-huge.geojson', withSchools((s) => void (s.features[0].properties.capacity = 1e300))] }), { exit: 2, code: 'invalid-value', mentions: ['capacity', 'A'] });
  add(shapes, 'a network that is an object', swap({ catchments: ['net-object.geojson', withCatchments((c) => void (c.features[0].properties.network = { x: 1 }))] }), { exit: 2, code: 'invalid-value', mentions: ['network'] });
  add(shapes, '50 000 units without geometry (output capped)', swap({ units: ['null-geoms.geojson', gj({ type: 'FeatureCollection', features: Array.from({ length: 50_000 }, (_, i) => ({ type: 'Feature', properties: { grd_id: `x${i}` }, geometry: null })) })] }), { exit: 2, code: 'too-many-problems', mentions: ['49980 more'] });
  add(shapes, 'a count written "1,234" (thousands or decimals?)', swap({ units: ['thousands.geojson', withUnits((u) => void (u.features[5].properties.he_vakiy = '1,234'))] }), { exit: 2, code: 'non-numeric-value', mentions: ['thousands separator', 'he_vakiy'] });
  add(shapes, 'CSV with a column named twice', swap({ schools: ['twice.csv', 'id;name;capacity;Capacity;x;y\nA;Länsikoulu;100;5;385250;6672500\nB;Itäkoulu;80;5;385750;6672500\n'] }), { exit: 2, code: 'duplicate-field', mentions: ['Capacity', 'columns 3 and 4'] });
  const dupDbf = schoolShapefile();
  dupDbf['schools.dbf'] = makeDbf([{ name: 'id', type: 'C', length: 4 }, { name: 'name', type: 'C', length: 20 }, { name: 'NAME', type: 'C', length: 20 }], [['A', 'Länsikoulu', 'x'], ['B', 'Itäkoulu', 'y']]);
  add(shapes, 'DBF with a field named twice', swap({ schools: ['dupfield.zip', zip(dupDbf)] }), { exit: 2, code: 'invalid-dbf', mentions: ['NAME'] });
  const pentagons = withUnits((u) => {
    for (const f of u.features) {
      const ring = (f.geometry!.coordinates as number[][][])[0];
      ring.splice(1, 0, [(ring[0][0] + ring[1][0]) / 2, ring[0][1]]);
    }
    u.features.push({ ...u.features[0], properties: { ...u.features[0].properties, grd_id: 'copy-of-0' } });
  });
  add(shapes, 'polygon units holding one area twice', swap({ units: ['twice.geojson', pentagons] }), { exit: 2, code: 'duplicate-geometry', mentions: ['copy-of-0'] });
  add(shapes, 'a school id with control characters', swap({ schools: ['ctrl.geojson', withSchools((s) => { s.features[0].properties.id = 'A\u001b[31m'; s.features[1].properties.id = 'A\u001b[31m'; })] }), { exit: 2, code: 'duplicate-id', mentions: ['A\\u001b[31m'] });

  // ── Short reads ──────────────────────────────────────────────────────────
  const short = 'short reads';
  const gz = gzip(unitsText);
  const flip = (b: Uint8Array, at: number) => {
    const c = b.slice();
    c[at < 0 ? c.length + at : at] ^= 0xff;
    return c;
  };
  add(short, 'gzip with a wrong CRC', swap({ units: ['crc.geojson.gz', flip(gz, -6)] }), { exit: 2, code: 'invalid-gzip', mentions: ['crc.geojson.gz'] });
  add(short, 'gzip with a wrong length', swap({ units: ['len.geojson.gz', flip(gz, -2)] }), { exit: 2, code: 'invalid-gzip' });
  add(short, 'gzip without its trailer', swap({ units: ['trail.geojson.gz', gz.subarray(0, gz.length - 8)] }), { exit: 2, code: 'invalid-gzip' });
  add(short, 'gzip cut in the middle', swap({ units: ['cut.geojson.gz', gz.subarray(0, Math.floor(gz.length / 2))] }), { exit: 2, code: 'invalid-gzip' });
  const half = Math.floor(unitsText.length / 2);
  add(short, 'gzip of two members', swap({ units: ['two.geojson.gz', new Uint8Array([...gzip(unitsText.slice(0, half)), ...gzip(unitsText.slice(half))])] }), { exit: 0, sameNumbers: true });
  add(short, 'gzip with junk after it', swap({ units: ['junk.geojson.gz', new Uint8Array([...gz, 1, 2, 3, 4])] }), { exit: 2, code: 'invalid-gzip' });
  const shp = schoolShapefile();
  const z = zip(shp);
  const [cd0] = centralHeaders(z);
  add(short, 'ZIP whose directory understates a size', swap({ schools: ['small.zip', patch32(z, cd0 + 24, 50)] }), { exit: 2, code: 'invalid-zip', mentions: ['small.zip'] });
  add(short, 'ZIP whose directory overstates a size', swap({ schools: ['big.zip', patch32(z, cd0 + 24, 5000)] }), { exit: 2, code: 'invalid-zip' });
  const stored = zip(shp, 0);
  add(short, 'ZIP with a damaged member (CRC)', swap({ schools: ['crc.zip', flip(stored, 60)] }), { exit: 2, code: 'invalid-zip' });
  const cds = centralHeaders(z);
  add(short, 'ZIP cut inside its directory', swap({ schools: ['cutdir.zip', z.subarray(0, cds[1] + 10)] }), { exit: 2, code: 'invalid-zip' });
  add(short, 'ZIP with local and central sizes differing', swap({ schools: ['local.zip', patch32(z, 22, 12345)] }), { exit: 2, code: 'invalid-zip' });
  add(short, 'CSV with an unclosed quote', swap({ schools: ['quote.csv', 'id;name;language;grades;capacity;x;y\nA;"Länsikoulu;fi;1-6;100;385250;6672500\nB;Itäkoulu;fi;1-6;80;385750;6672500\n'] }), { exit: 2, code: 'csv-parse-error', mentions: ['quote.csv', 'row 2'] });
  add(short, 'CSV with a short row', swap({ schools: ['short.csv', 'id;name;language;grades;capacity;x;y\nA;Länsikoulu;fi;1-6;100;385250;6672500\nB;Itäkoulu;fi;1-6\n'] }), { exit: 2, code: 'csv-row-length', mentions: ['row 3'] });
  add(short, 'CSV with a long row', swap({ units: ['long.csv', unitsCsv((x, y) => `CRS3067RES250mN${y}E${x}`).replace(/\n(CRS3067RES250mN6672000E385250[^\n]*)/, '\n$1,99')] }), { exit: 2, code: 'csv-row-length', mentions: ['row 3'] });
  const dbfLong = schoolShapefile();
  dbfLong['schools.dbf'] = patch16(dbfLong['schools.dbf'], 10, 40);
  add(short, 'DBF record length not the sum of its fields', swap({ schools: ['dbflen.zip', zip(dbfLong)] }), { exit: 2, code: 'invalid-dbf' });
  const dbfCount = schoolShapefile();
  const threeRows = makeDbf([{ name: 'id', type: 'C', length: 4 }, { name: 'name', type: 'C', length: 20 }, { name: 'language', type: 'C', length: 2 }, { name: 'grades', type: 'C', length: 4 }, { name: 'capacity', type: 'N', length: 6 }], [['A', 'Länsikoulu', 'fi', '1-6', 100], ['B', 'Itäkoulu', 'fi', '1-6', 80], ['C', 'Kolmas', 'fi', '1-6', 80]]);
  dbfCount['schools.dbf'] = patch32(threeRows, 4, 2);
  add(short, 'DBF header understating its records', swap({ schools: ['dbfcount.zip', zip(dbfCount)] }), { exit: 2, code: 'invalid-dbf', mentions: ['records'] });
  const shpLen = schoolShapefile();
  shpLen['schools.shp'] = makeShpPoints([[385_250, 6_672_500], [385_750, 6_672_500], [385_500, 6_672_600]]).subarray(0, 100 + 2 * 28);
  add(short, 'SHP cut at a record boundary (header length)', swap({ schools: ['shplen.zip', zip(shpLen)] }), { exit: 2, code: 'invalid-shapefile', mentions: ['truncated'] });
  const fgb = schoolsFgb();
  add(short, 'FlatGeobuf cut inside a feature', swap({ schools: ['cut.fgb', fgb.subarray(0, fgb.length - 10)] }), { exit: 2, code: 'invalid-flatgeobuf' });
  const gpkg = await schoolsGpkg();
  add(short, 'GeoPackage cut in half', swap({ schools: ['half.gpkg', gpkg.subarray(0, Math.floor(gpkg.length / 2))] }), { exit: 2, code: 'invalid-geopackage', mentions: ['half.gpkg'] });
  add(short, 'GeoPackage missing its last page', swap({ schools: ['page.gpkg', gpkg.subarray(0, gpkg.length - 4096)] }), { exit: 2, code: 'invalid-geopackage' });
  add(short, 'GeoJSON cut inside a feature', swap({ units: ['cut.geojson', unitsText.slice(0, Math.floor(unitsText.length * 0.7))] }), { exit: 2, code: 'invalid-json', mentions: ['cut.geojson'] });
  add(short, 'GeoJSON cut after a feature', swap({ units: ['cut2.geojson', unitsText.slice(0, unitsText.lastIndexOf('},{') + 1)] }), { exit: 2, code: 'invalid-json' });
  add(short, 'GML cut in the middle', swap({ schools: ['cut.gml', gmlSchools().slice(0, 600)] }), { exit: 2, code: 'invalid-xml' });

  // ── Bounded time and memory ──────────────────────────────────────────────
  const bounds = 'time and memory';
  add(bounds, 'gzip bomb (64 MB of zeros) with --max-mb 5', swap({ units: ['bomb.geojson.gz', gzip(new Uint8Array(64 * 1024 * 1024))] }, ['--max-mb', '5']), { exit: 2, code: 'file-too-large', mentions: ['5 MB'] });
  const bomb = zip({ 'units.geojson': new Uint8Array(30 * 1024 * 1024) });
  add(bounds, 'ZIP bomb (30 MB) with --max-mb 5', swap({ units: ['bomb.zip', bomb] }, ['--max-mb', '5']), { exit: 2, code: 'file-too-large' });
  const [bcd] = centralHeaders(bomb);
  add(bounds, 'ZIP bomb lying about its size (1 KB declared)', swap({ units: ['liar.zip', patch32(patch32(bomb, bcd + 24, 1024), 22, 1024)] }, ['--max-mb', '5']), { exit: 2, code: 'invalid-zip' });
  add(bounds, 'GeoJSON inside gzip inside ZIP', swap({ units: ['nested.zip', zip({ 'units.geojson.gz': gzip(unitsText) })] }), { exit: 0, sameNumbers: true });
  add(bounds, 'zipped Shapefile inside gzip', swap({ schools: ['schools.zip.gz', gzip(zip(shp))] }), { exit: 0, sameNumbers: true });
  let deepGz: Uint8Array = enc(unitsText);
  for (let i = 0; i < 6; i++) deepGz = gzip(deepGz);
  add(bounds, 'gzip nested six times', swap({ units: ['deep.geojson.gz', deepGz] }), { exit: 2, code: 'nesting-too-deep' });
  add(bounds, 'GeoPackage layer that is an endless view', swap({ schools: ['endless.gpkg', await schoolsGpkg({ badView: true })] }), { exit: 2, code: 'unsupported-geopackage', mentions: ['endless'] });
  add(bounds, 'GeoJSON geometry nested 50 000 deep', swap({ catchments: ['deepgeom.geojson', gj(tiny().catchments).replace('"coordinates": [[[385000', `"x": ${deepArray(50_000)}, "coordinates": [[[385000`).replace('"coordinates":[[[385000', `"x":${deepArray(50_000)},"coordinates":[[[385000`)] }), { exit: 0, sameNumbers: true });
  add(bounds, 'GML with an entity expansion bomb', swap({ schools: ['laughs.gml', laughs()] }), { exit: 2, code: 'invalid-xml' });
  add(bounds, 'manifest grid with a 1 mm cell size', bundle({ grid: { cellSize: 0.001 } }), { exit: 2, code: 'implausible-grid', mentions: ['grid.cellSize'] });
  add(bounds, 'point units on a 1 m grid (ids RES1m)', swap({ units: ['onemetre.geojson', withUnits((u) => {
    for (const f of u.features) {
      const [x, y] = [Number(f.properties.euref_x), Number(f.properties.euref_y)];
      f.properties.grd_id = `CRS3067RES1mN${y}E${x}`;
      f.geometry = { type: 'Point', coordinates: [x + 0.5, y + 0.5] };
    }
  })] }), { exit: 2, code: 'implausible-grid', mentions: ['1 m'] });
  add(bounds, 'manifest grid with a billion columns', bundle({ grid: { cellSize: 250, originX: 385000, originY: 6672000, cols: 1e9, rows: 1e9 } }), { exit: 2, code: 'implausible-grid' });

  // ── Encodings ────────────────────────────────────────────────────────────
  const encodings = 'encodings';
  for (const [cpg, encode] of [['CP850', cp850], ['850', cp850], ['1252', latin1], ['ANSI 1252', latin1], ['ISO-8859-1', latin1], ['ISO-8859-15', latin1], ['UTF-8', enc]] as const)
    add(encodings, `Shapefile with .cpg ${cpg}`, swap({ schools: [`cpg-${cpg.replace(/\W/g, '')}.zip`, zip({ ...schoolShapefile(encode), 'schools.cpg': enc(cpg) })] }), { exit: 0, sameNumbers: true });
  add(encodings, 'Shapefile in windows-1252 without .cpg', swap({ schools: ['nocpg1252.zip', zip(schoolShapefile(latin1))] }), { command: 'validate', exit: 0, code: 'encoding-detected', mentions: ['windows-1252'] });
  add(encodings, 'Shapefile in CP850 without .cpg', swap({ schools: ['nocpg850.zip', zip(schoolShapefile(cp850))] }), { exit: 0, sameNumbers: true });
  add(encodings, 'Shapefile in CP850 without .cpg (warning)', swap({ schools: ['nocpg850w.zip', zip(schoolShapefile(cp850))] }), { command: 'validate', exit: 0, code: 'encoding-detected', mentions: ['CP850'] });
  add(encodings, 'Shapefile with an unknown .cpg', swap({ schools: ['cpgfoo.zip', zip({ ...schoolShapefile(latin1), 'schools.cpg': enc('KLINGON-7') })] }), { command: 'validate', exit: 0, code: 'unknown-cpg', mentions: ['KLINGON-7'] });
  add(encodings, 'CSV schools in UTF-16 LE with BOM', swap({ schools: ['le.csv', utf16(schoolsCsvText, false)] }), { exit: 0, sameNumbers: true });
  add(encodings, 'CSV schools in UTF-16 BE with BOM', swap({ schools: ['be.csv', utf16(schoolsCsvText, true)] }), { exit: 0, sameNumbers: true });
  add(encodings, 'CSV schools in windows-1252', swap({ schools: ['w.csv', latin1(schoolsCsvText)] }), { exit: 0, sameNumbers: true });
  add(encodings, 'GeoJSON in UTF-16 LE with BOM', swap({ schools: ['le.geojson', utf16(gj(tiny().schools), false)] }), { exit: 0, sameNumbers: true });

  // ── Grid ids ─────────────────────────────────────────────────────────────
  const grid = 'grid ids';
  add(grid, 'CSV with N6672000E385000 ids', swap({ units: ['ne.csv', unitsCsv((x, y) => `N${y}E${x}`)] }), { exit: 0 });
  add(grid, 'CSV with 250mN26688E1540 ids', swap({ units: ['short.csv', unitsCsv((x, y) => `250mN${y / 250}E${x / 250}`)] }), { exit: 0 });
  add(grid, 'CSV with lower-case INSPIRE ids', swap({ units: ['lower.csv', unitsCsv((x, y) => `crs3067res250mn${y}e${x}`)] }), { exit: 0 });
  add(grid, 'CSV mixing 250 m and 1 km cells', swap({ units: ['mixed.csv', unitsCsv((x, y) => (x === 385_000 && y === 6_672_000 ? '1kmN6672E385' : `250mN${y / 250}E${x / 250}`))] }), { exit: 2, code: 'mixed-cell-sizes', mentions: ['overlap'] });
  add(grid, 'GeoJSON grid mixing 250 m and 1 km cells', swap({ units: ['mixed.geojson', withUnits((u) => {
    const f = u.features[0];
    f.properties.grd_id = 'CRS3067RES1000mN6672000E385000';
    f.geometry = { type: 'Polygon', coordinates: [[[385000, 6672000], [386000, 6672000], [386000, 6673000], [385000, 6673000], [385000, 6672000]]] };
  })] }), { exit: 2, code: 'mixed-cell-sizes' });
  add(grid, 'point units with N…E… ids', swap({ units: ['points.geojson', withUnits((u) => {
    for (const f of u.features) {
      const [x, y] = [Number(f.properties.euref_x), Number(f.properties.euref_y)];
      f.properties.grd_id = `N${y}E${x}`;
      f.geometry = { type: 'Point', coordinates: [x + 125, y + 125] };
    }
  })] }), { exit: 0, sameNumbers: true });

  // ── Catchments checked as in the wizard ─────────────────────────────────
  const ca = 'catchments';
  const overlap = withCatchments((c) => void (c.features[0].geometry = { type: 'Polygon', coordinates: [[[385000, 6672000], [385750, 6672000], [385750, 6673000], [385000, 6673000], [385000, 6672000]]] }));
  add(ca, 'overlapping catchments (indicators)', swap({ catchments: ['overlap.geojson', overlap] }), { exit: 2, code: 'catchment-overlap', mentions: ['A', 'B', '--allow-invalid'] });
  add(ca, 'overlapping catchments (validate)', swap({ catchments: ['overlap.geojson', overlap] }), { command: 'validate', exit: 2, code: 'catchment-overlap' });
  add(ca, 'overlapping catchments with --allow-invalid', swap({ catchments: ['overlap.geojson', overlap] }, ['--allow-invalid']), { exit: 0, code: 'catchment-overlap', mentions: ['"flags"'] });
  const bowtie = withCatchments((c) => void (c.features[0].geometry = { type: 'Polygon', coordinates: [[[385000, 6672000], [385500, 6673000], [385500, 6672000], [385000, 6673000], [385000, 6672000]]] }));
  add(ca, 'self-intersecting catchment', swap({ catchments: ['bowtie.geojson', bowtie] }), { exit: 2, code: 'catchment-self-intersection', mentions: ['A'] });
  const flat = withCatchments((c) => c.features.push({ type: 'Feature', properties: { network: 'fi-lower', school_id: 'C' }, geometry: { type: 'Polygon', coordinates: [[[386000, 6672000], [386100, 6672000], [386200, 6672000], [386000, 6672000]]] } }));
  const schoolsC = withSchools((s) => s.features.push({ type: 'Feature', properties: { id: 'C', name: 'Kolmas', language: 'fi', grades: '1-6', capacity: 10 }, geometry: { type: 'Point', coordinates: [386100, 6672000] } }));
  add(ca, 'zero-area catchment', swap({ catchments: ['flat.geojson', flat], schools: ['schools-c.geojson', schoolsC] }), { command: 'validate', exit: 0, code: 'catchment-zero-area', mentions: ['C'] });
  const gap = withCatchments((c) => void (c.features[1].geometry = { type: 'Polygon', coordinates: [[[385750, 6672000], [386000, 6672000], [386000, 6673000], [385750, 6673000], [385750, 6672000]]] }));
  add(ca, 'gap over populated cells', swap({ catchments: ['gap.geojson', gap] }), { command: 'validate', exit: 0, code: 'catchment-gap', mentions: ['people'] });
  const far = withSchools((s) => void (s.features[0].geometry = { type: 'Point', coordinates: [395250, 6682500] }));
  add(ca, 'school far outside its catchment', swap({ schools: ['far.geojson', far] }), { command: 'validate', exit: 0, code: 'school-outside-catchment', mentions: ['A'] });
  add(ca, 'catchment of a school not in the schools file', swap({ catchments: ['unknown.geojson', withCatchments((c) => void (c.features[1].properties.school_id = 'Z'))] }), { exit: 2, code: 'unknown-school', mentions: ['Z'] });

  // ── Layers ───────────────────────────────────────────────────────────────
  const layers = 'layers';
  const two = await schoolsGpkg({ extraLayer: true });
  add(layers, 'GeoPackage with two layers, --schools-layer schools', swap({ schools: ['two.gpkg', two] }, ['--schools-layer', 'schools']), { exit: 0, sameNumbers: true });
  add(layers, 'GeoPackage with two layers, the layer read is named', swap({ schools: ['two.gpkg', two] }, ['--schools-layer', 'schools']), { command: 'validate', exit: 0, mentions: ['layer schools'] });
  add(layers, 'GeoPackage with two layers, unknown layer', swap({ schools: ['two.gpkg', two] }, ['--schools-layer', 'kouluja']), { exit: 2, code: 'missing-layer', mentions: ['kouluja', 'areas, schools'] });
  add(layers, 'ZIP with two Shapefiles, --schools-layer', swap({ schools: ['twoshp.zip', zip({ ...schoolShapefile(), ...renamed(schoolShapefile(), 'other') })] }, ['--schools-layer', 'schools']), { exit: 0, sameNumbers: true });

  // ── Output safety ──────────────────────────────────────────────────────
  const safety = 'output safety';
  const formulas = withSchools((s) => {
    s.features[0].properties.name = '=HYPERLINK("http://x")';
    s.features[1].properties.name = '@SUM(1)';
  });
  add(safety, 'school names that are spreadsheet formulas (CSV output)', swap({ schools: ['formula.geojson', formulas] }, ['--format', 'csv']), { exit: 0, mentions: [`"'=HYPERLINK(""http://x"")"`, "'@SUM(1)"] });
  add(safety, 'a unit id with a line break and an escape code', swap({ units: ['ctrl-units.geojson', withUnits((u) => { u.features[0].properties.grd_id = 'X\n\u001b[2J'; u.features[1].properties.grd_id = 'X\n\u001b[2J'; })] }), { exit: 2, code: 'duplicate-id', mentions: ['X\\u000a\\u001b[2J'] });

  // ── Options ──────────────────────────────────────────────────────────────
  const opts = 'options';
  add(opts, '--privacy-threshold 0', { files: {}, args: [...tinyArgs(), '--privacy-threshold', '0'] }, { exit: 2, code: 'invalid-arguments', mentions: ['privacy-threshold'] });
  add(opts, '--max-mb 0', { files: {}, args: [...tinyArgs(), '--max-mb', '0'] }, { exit: 2, code: 'invalid-arguments', mentions: ['max-mb'] });
  add(opts, '--max-mb 99999999', { files: {}, args: [...tinyArgs(), '--max-mb', '99999999'] }, { exit: 2, code: 'invalid-arguments', mentions: ['max-mb'] });

  // ── Bundles ──────────────────────────────────────────────────────────────
  const bundles = 'bundles';
  add(bundles, 'manifest naming a file by a number', bundle({ files: { units: 5, schools: 'schools.geojson', catchments: 'catchments.geojson' } }), { exit: 2, code: 'invalid-manifest', mentions: ['files.units'] });
  add(bundles, 'manifest with a null network', bundle({ networks: [null] }), { exit: 2, code: 'invalid-manifest', mentions: ['networks[0]'] });
  add(bundles, 'manifest that is an array', { files: { [`${P}arr/manifest.json`]: '[1,2]' }, args: ['--bundle', `${P}arr`] }, { exit: 2, code: 'invalid-manifest' });
  add(bundles, 'manifest with a numeric network label', bundle({ networks: [{ id: 'fi-lower', label: 5, language: 'fi', level: 'lower' }] }), { exit: 2, code: 'invalid-manifest', mentions: ['networks[0].label'] });
  add(bundles, 'manifest with a duplicated network', bundle({ networks: [{ id: 'fi-lower', label: 'a', language: 'fi', level: 'lower' }, { id: 'fi-lower', label: 'b', language: 'fi', level: 'lower' }] }), { exit: 2, code: 'invalid-manifest', mentions: ['fi-lower'] });
  add(bundles, 'manifest with __proto__ members', bundle({ ['__proto__']: { polluted: true }, constructor: 1 }), { exit: 0, sameNumbers: true });
  return cases;
}

function patch16(b: Uint8Array, at: number, value: number): Uint8Array {
  const c = b.slice();
  new DataView(c.buffer).setUint16(at, value, true);
  return c;
}

function renamed(files: Record<string, Uint8Array>, stem: string): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replace('schools', stem), v]));
}

/** A bundle folder: Tiny City's files plus a manifest with `override` merged in. */
function bundle(override: Record<string, unknown>) {
  const dir = `${P}bundle-${Math.random().toString(36).slice(2)}`;
  const t = tiny();
  const manifest: Record<string, unknown> = {
    format: 'catchment-studio-bundle', version: 1, name: 'Tiny', crs: 'EPSG:3067', preset: 'statfi-grid',
    grid: { cellSize: 250 },
    networks: [{ id: 'fi-lower', label: 'fi-lower', language: 'fi', level: 'lower' }],
    files: { units: 'units.geojson', schools: 'schools.geojson', catchments: 'catchments.geojson' },
  };
  const text = JSON.stringify(manifest).replace(/}$/, '') + Object.entries(override).map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('') + '}';
  return {
    files: { [`${dir}/manifest.json`]: text, [`${dir}/units.geojson`]: gj(t.units), [`${dir}/schools.geojson`]: gj(t.schools), [`${dir}/catchments.geojson`]: gj(t.catchments) },
    args: ['--bundle', dir],
  };
}

function gmlSchools(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:a="urn:x">
<wfs:member><a:koulu gml:id="k.1"><a:id>A</a:id><a:name>Länsikoulu</a:name><a:language>fi</a:language><a:grades>1-6</a:grades><a:capacity>100</a:capacity>
<a:geom><gml:Point srsName="urn:ogc:def:crs:EPSG::3067"><gml:pos>385250 6672500</gml:pos></gml:Point></a:geom></a:koulu></wfs:member>
<wfs:member><a:koulu gml:id="k.2"><a:id>B</a:id><a:name>Itäkoulu</a:name><a:language>fi</a:language><a:grades>1-6</a:grades><a:capacity>80</a:capacity>
<a:geom><gml:Point srsName="urn:ogc:def:crs:EPSG::3067"><gml:pos>385750 6672500</gml:pos></gml:Point></a:geom></a:koulu></wfs:member>
</wfs:FeatureCollection>
`;
}

function laughs(): string {
  const ents = ['<!ENTITY l0 "lollollollollollollollollollol">'];
  for (let i = 1; i < 10; i++) ents.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return gmlSchools().replace('<wfs:FeatureCollection', `<!DOCTYPE wfs:FeatureCollection [${ents.join('')}]>\n<wfs:FeatureCollection`).replace('<a:name>Länsikoulu', '<a:name>&l9;');
}

