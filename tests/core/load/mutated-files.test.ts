/**
 * Damaged copies of valid files in every format we read, made by seeded mutations (bytes
 * overwritten, the file cut short, a run of zeros, a chunk repeated, one structural byte
 * changed). Whatever the damage, the reader answers with a Result, never a thrown error or a
 * hang, and a refusal speaks to the user: a message and a fix, no JavaScript internals
 * ("Cannot read properties of null", "undefined", "[object …]"). A file cut short that still
 * reads must not lose features silently where the format knows its count (FlatGeobuf's header,
 * GeoJSON's brackets, ZIP's directory, GeoPackage's pages).
 */
import { readFileSync } from 'node:fs';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFeatures } from '../../../src/core/load/read-features';
import type { Result } from '../../../src/core/model/result';
import type { FeatureTable } from '../../../src/core/load/feature-table';
import { cwSquare, gpkgBlob, makeDbf, makeGeoPackage, makeShpPolygons, wkbPolygon } from './format-builders';

const enc = (s: string) => new TextEncoder().encode(s);
const TM35_PRJ =
  'PROJCS["ETRS89 / TM35FIN(E,N)",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",27],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","3067"]]';
/** Mutated copies per format: enough to reach every reader's error paths, small enough for CI (≈ 2 s in all). */
const COPIES = 60;
/** Words that mean a JavaScript error leaked into a message. */
const INTERNALS = /Cannot read prop|is not a function|is not iterable|undefined|\[object|TypeError|RangeError|ReferenceError/;

async function seeds(): Promise<[string, Uint8Array][]> {
  const geojson = new Uint8Array(readFileSync('tests/fixtures/tiny-city/units.geojson'));
  const squares = [cwSquare(385_000, 6_672_000, 250), cwSquare(385_250, 6_672_000, 250), cwSquare(385_500, 6_672_000, 250)];
  const gpkg = await makeGeoPackage({
    table: 'cells', srsId: 3067, columns: ['id', 'he_vakiy'],
    rows: squares.map((sq, i) => [gpkgBlob(wkbPolygon([sq]), 3067), `c${i}`, 10 + i]),
  });
  const dbf = makeDbf([{ name: 'id', type: 'C', length: 8 }, { name: 'he_vakiy', type: 'N', length: 8 }], squares.map((_, i) => [`c${i}`, 10 + i]));
  return [
    ['units.geojson', geojson],
    ['schools.fgb', new Uint8Array(readFileSync('data/sample-city/schools.fgb'))],
    ['cells.gpkg', gpkg],
    ['cells.zip', zipSync({ 'cells.shp': makeShpPolygons(squares.map((sq) => [sq])), 'cells.dbf': dbf, 'cells.prj': enc(TM35_PRJ) })],
    ['cells.csv', enc('euref_x;euref_y;he_vakiy;he_7_12\n385125;6672125;120;9\n385375;6672125;80;4\n385625;6672125;-1;-1\n')],
    ['units.geojson.gz', gzipSync(geojson)],
  ];
}

/** A small seeded generator (LCG), so that every run damages the files the same way. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return (n: number) => Math.floor(next() * n);
}

type Damage = 'bytes' | 'cut' | 'zeros' | 'repeat' | 'structural';
function damage(bytes: Uint8Array, pick: (n: number) => number): { kind: Damage; bytes: Uint8Array } {
  const c = bytes.slice();
  switch (pick(5)) {
    case 0: {
      const k = 1 + pick(10);
      for (let i = 0; i < k; i++) c[pick(c.length)] = pick(256);
      return { kind: 'bytes', bytes: c };
    }
    case 1:
      return { kind: 'cut', bytes: c.subarray(0, pick(c.length)) };
    case 2: {
      const a = pick(c.length);
      c.fill(0, a, a + pick(64));
      return { kind: 'zeros', bytes: c };
    }
    case 3: {
      const a = pick(c.length);
      const e = Math.min(c.length, a + pick(200));
      const out = new Uint8Array(c.length + (e - a));
      out.set(c.subarray(0, e));
      out.set(c.subarray(a, e), e);
      out.set(c.subarray(e), 2 * e - a);
      return { kind: 'repeat', bytes: out };
    }
    default:
      c[pick(c.length)] = [0x30, 0x2d, 0x2e, 0x22, 0x7b, 0x5d, 0xff, 0x00][pick(8)];
      return { kind: 'structural', bytes: c };
  }
}

function withinSeconds<T>(p: Promise<T>, seconds: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000))]);
}

describe('damaged files', () => {
  it('every reader answers a damaged file with a Result, and a refusal names the file with a message and a fix in plain words', async () => {
    const found: string[] = [];
    for (const [name, valid] of await seeds()) {
      const whole = (await readFeatures({ name, bytes: valid })) as Result<FeatureTable>;
      expect(whole.ok, `${name} (undamaged) reads`).toBe(true);
      const count = whole.ok ? whole.value.count : 0;
      const pick = generator(name.length * 7919);
      for (let i = 0; i < COPIES; i++) {
        const { kind, bytes } = damage(valid, pick);
        const label = `${name}, copy ${i} (${kind}, ${bytes.length} of ${valid.length} bytes)`;
        let r: Result<FeatureTable>;
        try {
          r = await withinSeconds(readFeatures({ name, bytes }), 10);
        } catch (e) {
          found.push(`${label}: threw ${(e as Error).message}`);
          continue;
        }
        if (r.ok) {
          // CSV has no count of its rows: a cut at a line end is a shorter file.
          if (kind === 'cut' && !name.endsWith('.csv') && r.value.count < count) found.push(`${label}: read ${r.value.count} of ${count} features without a problem`);
          continue;
        }
        const p = r.problems[0];
        if (!p?.message || !p.fix) found.push(`${label}: a problem without message or fix (${p?.code})`);
        else if (p.file !== name) found.push(`${label}: ${p.code} does not name the file (${String(p.file)})`);
        else if (INTERNALS.test(`${p.message} ${p.fix}`)) found.push(`${label}: ${p.code}: ${p.message}`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
