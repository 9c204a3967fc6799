/**
 * School-network records in the CLI on Tiny City (tests/fixtures/tiny-city/README.md; base year
 * 2024, children 7–12 per cell of column c: 10 + 5c in 2024, 2 + 4(10 + 5c)/6 in 2026):
 * `indicators --edits` lists each school's status; `export` writes the open schools' catchments;
 * a two-network copy of Tiny City (upper network U1 = columns 0–2, U2 = column 3) gets feeders.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo, TINY } from './cli-test-io';
import { twoNetworkBundle } from '../helpers/two-network-bundle';

const dir = mkdtempSync(join(tmpdir(), 'cs-network-'));
const editsFile = join(dir, 'edits.json');
writeFileSync(editsFile, JSON.stringify({ edits: [
  // C opens in 2026 with the top-right quarter (columns 2–3, rows 2–3).
  { kind: 'open-school', year: 2026, school: { id: 'C', name: 'Uusikoulu', language: 'fi', grades: '1-6', capacity: 60, location: [385_875, 6_672_875] },
    catchment: [[[[385_500, 6_672_500], [386_000, 6_672_500], [386_000, 6_673_000], [385_500, 6_673_000], [385_500, 6_672_500]]]] },
  { kind: 'close-school', year: 2027, schoolId: 'B', to: 'C' },
  { kind: 'set-capacity', year: 2027, schoolId: 'C', capacity: 200 },
] }));

async function run(args: string[]) {
  const io = captureIo();
  io.writeFile = (p, b) => writeFile(p, b);
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

const schoolsOf = (out: { schools: { id: string; status: string; children: number; capacity: number }[] }) => Object.fromEntries(out.schools.map((s) => [s.id, s]));

describe('cli: school-network records', () => {
  it('indicators --edits gives each school its status in the year', async () => {
    const y2025 = await run(['indicators', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--year', '2025', '--edits', editsFile]);
    expect(y2025.err).toBe('');
    const a = schoolsOf(JSON.parse(y2025.out));
    expect(a.C).toMatchObject({ status: 'not-yet-open', children: 0 });
    expect(a.B.status).toBe('open');
    // 2027: B closed into C; C = columns 2–3, all rows, in 2027 = B's baseline 114 (tests/cli/project.test.ts).
    const y2027 = schoolsOf(JSON.parse((await run(['indicators', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--year', '2027', '--edits', editsFile])).out));
    expect(y2027.B).toMatchObject({ status: 'closed', children: 0 });
    expect(y2027.C.children).toBeCloseTo(114, 9);
    expect(y2027.C.capacity).toBe(200);
  });

  it('export writes one GeoJSON feature per open school with its figures', async () => {
    const out = join(dir, 'c.geojson');
    const r = await run(['export', '--bundle', TINY, '--base-year', '2024', '--year', '2026', '--edits', editsFile, '--network', 'fi-lower', '--format', 'geojson', '--out', out]);
    expect(r.code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3067');
    expect(fc.features.map((f: { properties: { school_id: string } }) => f.properties.school_id)).toEqual(['A', 'B', 'C']);
    // 2026: C = cells (2..3, 2..3) = 2 × (2 + 80/6 + 2 + 100/6) = 68; utilisation 68 / 60.
    const c = fc.features[2].properties;
    expect(c.children).toBeCloseTo(68, 1);
    expect(c.utilisation).toBeCloseTo(68 / 60, 3);
    expect(c).toHaveProperty('foreign_language');
    const wgs = join(dir, 'c4326.geojson');
    expect((await run(['export', '--bundle', TINY, '--base-year', '2024', '--year', '2027', '--edits', editsFile, '--network', 'fi-lower', '--format', 'geojson', '--crs', 'EPSG:4326', '--out', wgs])).code).toBe(0);
    const fc2 = JSON.parse(readFileSync(wgs, 'utf8'));
    expect(fc2.crs).toBeUndefined();
    expect(fc2.features.map((f: { properties: { school_id: string } }) => f.properties.school_id)).toEqual(['A', 'C']);
    const [lon, lat] = fc2.features[0].geometry.coordinates[0][0][0];
    expect(lon).toBeGreaterThan(20);
    expect(lat).toBeGreaterThan(59);
  });

  it('export writes a GeoPackage', async () => {
    const out = join(dir, 'c.gpkg');
    const r = await run(['export', '--bundle', TINY, '--network', 'fi-lower', '--format', 'gpkg', '--out', out]);
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(readFileSync(out).subarray(0, 15))).toBe('SQLite format 3');
  });

  it('refuses a record naming an unknown school, with the file named', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ edits: [{ kind: 'close-school', year: 2025, schoolId: 'Z', to: 'nearest' }] }));
    const r = await run(['indicators', '--bundle', TINY, '--base-year', '2024', '--edits', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown-school');
    expect(r.err).toContain('bad.json');
  });

  it('prints feeders and split feeders for a lower and an upper network', async () => {
    const bundle = twoNetworkBundle();
    const r = await run(['indicators', '--bundle', bundle, '--network', 'fi-lower']);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out);
    // A → U1 100; B → U1 column 2 = 80, B → U2 column 3 = 100: B sends 44 % to its second school.
    expect(out.feeders).toEqual([{ lower: 'A', upper: 'U1', children: 100 }, { lower: 'B', upper: 'U1', children: 80 }, { lower: 'B', upper: 'U2', children: 100 }]);
    expect(out.split_feeders).toEqual(['B']);
    const strict = JSON.parse((await run(['indicators', '--bundle', bundle, '--network', 'fi-upper', '--split-share', '0.5'])).out);
    expect(strict.split_feeders).toEqual([]);
  });

  it('CSV: a status column per school and the feeders as a second section (indicators and project)', async () => {
    const bundle = twoNetworkBundle();
    // indicators, all networks, base year 2024: school rows (status last), one empty line, the feeder table once per pair.
    const r = await run(['indicators', '--bundle', bundle, '--base-year', '2024', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [schoolPart, feederPart] = r.out.split('\n\n');
    const lines = schoolPart.trim().split('\n');
    expect(lines[0].endsWith(',status')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[1] + ':' + l.split(',').at(-1))).toEqual(['A:open', 'B:open', 'U1:open', 'U2:open']);
    // The same flows as the JSON test above (A → U1 100, B → U1 80, B → U2 100; B split at 10 %).
    expect(feederPart.trim().split('\n')).toEqual([
      'year,lower_school_id,upper_school_id,children,split_feeder',
      '2024,A,U1,100,no', '2024,B,U1,80,yes', '2024,B,U2,100,yes',
    ]);
    // project over 2024–2025 with B closed into A from 2025: B's status per year, A's flows carry B's children in 2025.
    const edits = join(dir, 'close-b.json');
    writeFileSync(edits, JSON.stringify({ edits: [{ kind: 'close-school', year: 2025, schoolId: 'B', to: 'A' }] }));
    const p = await run(['project', '--bundle', bundle, '--network', 'fi-lower', '--base-year', '2024', '--years', '2024-2025', '--edits', edits, '--format', 'csv']);
    expect(p.code).toBe(0);
    const [rows, feeders] = p.out.split('\n\n');
    expect(rows.trim().split('\n').slice(1).map((l) => `${l.split(',')[0]}:${l.split(',')[2]}:${l.split(',').at(-1)}`)).toEqual(['2024:A:open', '2024:B:open', '2025:A:open', '2025:B:closed']);
    // 2025 children per cell of column c: 1 + 5(10 + 5c)/6 (tiny-city-projection): columns 0–2 → U1, column 3 → U2, 4 cells each.
    const col = (c: number) => 4 * (1 + (5 * (10 + 5 * c)) / 6);
    const f2025 = feeders.trim().split('\n').filter((l) => l.startsWith('2025,'));
    expect(f2025.map((l) => l.split(',').slice(1, 3).join('>'))).toEqual(['A>U1', 'A>U2']);
    expect(Number(f2025[0].split(',')[3])).toBeCloseTo(Math.round((col(0) + col(1) + col(2)) * 10) / 10, 6);
    expect(Number(f2025[1].split(',')[3])).toBeCloseTo(Math.round(col(3) * 10) / 10, 6);
    expect(f2025.map((l) => l.split(',')[4])).toEqual(['yes', 'yes']);
  });

  it('"nearest" follows --streets as the app does (hand-worked in tests/core/school-network/nearest-on-streets.test.ts)', async () => {
    // A U of streets: west along x = 385 125, east along x = 385 875, joined only at y = 6 673 400.
    // C at (385 625, 6 672 500): by straight line it takes column 2 (80 children); along the
    // streets B (125 m connector) beats C (250 m) for every cell, so C takes nothing.
    const line = (c: number[][]) => ({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: c } });
    const streets = join(dir, 'u-streets.geojson');
    writeFileSync(streets, JSON.stringify({ type: 'FeatureCollection', features: [
      line([[385_125, 6_671_800], [385_125, 6_673_400]]), line([[385_875, 6_671_800], [385_875, 6_673_400]]), line([[385_125, 6_673_400], [385_875, 6_673_400]]),
    ] }));
    const nearestFile = join(dir, 'nearest.json');
    writeFileSync(nearestFile, JSON.stringify({ edits: [{ kind: 'open-school', year: 2024, school: { id: 'C', name: 'Uusikoulu', language: 'fi', grades: '1-6', capacity: 60, location: [385_625, 6_672_500] }, catchment: 'nearest' }] }));
    const straight = await run(['indicators', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--edits', nearestFile]);
    expect(straight.code).toBe(0);
    expect(schoolsOf(JSON.parse(straight.out)).C.children).toBeCloseTo(80, 9);
    const onStreets = await run(['indicators', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--edits', nearestFile, '--streets', streets]);
    expect(onStreets.code).toBe(0);
    const f = schoolsOf(JSON.parse(onStreets.out));
    expect(f.C.children).toBeCloseTo(0, 9);
    expect(f.B.children).toBeCloseTo(180, 9);
  });
});

