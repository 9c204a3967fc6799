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
import { WKT_3067 } from '../../../src/core/export/geopackage-export';
import { readFeatures } from '../../../src/core/load/read-features';
import type { Result } from '../../../src/core/model/result';
import type { FeatureTable } from '../../../src/core/load/feature-table';
import { cwSquare, gpkgBlob, makeDbf, makeGeoPackage, makeShpPolygons, wkbPolygon } from './format-builders';
import { damage, JS_INTERNALS, seededPick } from '../../helpers/damage';

const enc = (s: string) => new TextEncoder().encode(s);
/** Mutated copies per format: enough to reach every reader's error paths, small enough for CI (≈ 2 s in all). */
const COPIES = 60;

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
    ['cells.zip', zipSync({ 'cells.shp': makeShpPolygons(squares.map((sq) => [sq])), 'cells.dbf': dbf, 'cells.prj': enc(WKT_3067) })],
    ['cells.csv', enc('euref_x;euref_y;he_vakiy;he_7_12\n385125;6672125;120;9\n385375;6672125;80;4\n385625;6672125;-1;-1\n')],
    ['units.geojson.gz', gzipSync(geojson)],
  ];
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
      const pick = seededPick(name.length * 7919);
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
        else if (JS_INTERNALS.test(`${p.message} ${p.fix}`)) found.push(`${label}: ${p.code}: ${p.message}`);
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
