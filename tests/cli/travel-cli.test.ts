/**
 * `indicators --streets` on Tiny City: one east–west street along y = 6 672 500 (through both
 * schools) and a north–south street through each column of cell centres (x = 385 125 + 250c),
 * joined at shared vertices. A cell's trip = |Δx| along the east–west street + |Δy| up its column:
 * from A (385 250, 6 672 500), columns 0–1 are 125 m away in x; rows 1–2 are 125 m and rows 0/3
 * 375 m away in y → 250 m and 500 m. Children: A 50 at 250 m and 50 at 500 m (B alike).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo, tinyArgs } from './cli-test-io';

const xs = [0, 1, 2, 3].map((c) => 385_125 + 250 * c);
const streets = {
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
  features: [
    { type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[385_000, 6_672_500], ...xs.map((x) => [x, 6_672_500]), [386_000, 6_672_500]] } },
    ...xs.map((x) => ({ type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: [[x, 6_672_000], [x, 6_672_500], [x, 6_673_000]] } })),
  ],
};

async function streetsFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'travel-cli-'));
  const path = join(dir, 'streets.geojson');
  await writeFile(path, JSON.stringify(streets));
  return path;
}

describe('indicators --streets', () => {
  it('prints network trip lengths per school and for the network', async () => {
    const io = captureIo();
    const code = await runCli(['indicators', ...tinyArgs(), '--streets', await streetsFile(), '--network', 'fi-lower'], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    // A: mean (50·250 + 50·500)/100 = 375; median 250 (exactly half ≤ 250); p90 and max 500.
    expect(out.schools[0].travel).toEqual({ mean_m: 375, median_m: 250, p90_m: 500, max_m: 500, over_5km_children: 0, over_limit_children: null, max_daily_travel_h: null, over_daily_limit_children: 0 });
    expect(out.travel).toMatchObject({ mean_m: 375, median_m: 250, p90_m: 500, max_m: 500, nearest_school_share: 1, off_network_units: [], unreachable_units: [], straight_line: false });
    expect(io.err).not.toMatch(/off the network|cannot reach/);
  });

  it('CSV output carries the travel columns', async () => {
    const io = captureIo();
    expect(await runCli(['indicators', ...tinyArgs(), '--streets', await streetsFile(), '--network', 'fi-lower', '--format', 'csv'], io)).toBe(0);
    const [header, a] = io.out.trim().split('\n').map((l) => l.split(','));
    const col = (k: string) => a[header.indexOf(k)];
    // School A as in the JSON above: mean 375 m, median 250 m, p90 and max 500 m, none over 5 km; the limit is off.
    expect([col('travel_mean_m'), col('travel_median_m'), col('travel_p90_m'), col('travel_max_m'), col('travel_over_5km_children'), col('travel_over_limit_children'), col('travel_straight_line')])
      .toEqual(['375', '250', '500', '500', '0', '', 'false']);
  });

  it('without --streets the same keys hold straight-line figures', async () => {
    const io = captureIo();
    expect(await runCli(['indicators', ...tinyArgs(), '--network', 'fi-lower'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.travel.straight_line).toBe(true);
    // straight lines: 50 children at √(125² + 125²) and 50 at √(125² + 375²)
    expect(out.schools[0].travel.mean_m).toBeCloseTo((Math.hypot(125, 125) + Math.hypot(125, 375)) / 2, 9);
  });

  it('validate reports the street graph; a unit far from every street is named in a warning', async () => {
    const io = captureIo();
    const path = await streetsFile();
    expect(await runCli(['validate', ...tinyArgs(), '--streets', path], io)).toBe(0);
    // 1 + 4 links; nodes: 6 on the east–west street + 2 ends of each column street = 14
    expect(io.out).toContain('5 walkable links');
    expect(io.out).toContain('14 nodes');
    const cfgDir = await mkdtemp(join(tmpdir(), 'travel-cfg-'));
    const cfg = join(cfgDir, 'config.json');
    const { presets } = await import('../../src/core/config/presets');
    // A 300 m snap limit and only the east–west street: rows 1–2 are 125 m from it, rows 0 and 3 are 375 m away and fall off the network.
    await writeFile(cfg, JSON.stringify({ ...presets['statfi-grid'], travel: { snapLimitM: 300 } }));
    const only = { ...streets, features: [streets.features[0]] };
    await writeFile(path, JSON.stringify(only));
    const io2 = captureIo();
    expect(await runCli(['indicators', ...tinyArgs(), '--streets', path, '--config', cfg, '--network', 'fi-lower'], io2)).toBe(0);
    const out = JSON.parse(io2.out);
    // 8 cells in rows 0 and 3 are 375 m > 300 m from the only street
    expect(out.travel.off_network_units).toHaveLength(8);
    expect(io2.err).toContain('8 unit(s) are more than 300 m from any walkable street');
  });
});

describe('driving speeds by road class (travel.driveKmhByClass)', () => {
  it('reads the classes of the street file and names those without a speed; trips without transport stay null', async () => {
    const cfgDir = await mkdtemp(join(tmpdir(), 'travel-cfg-'));
    const cfg = join(cfgDir, 'config.json');
    const { presets } = await import('../../src/core/config/presets');
    await writeFile(cfg, JSON.stringify({ ...presets['statfi-grid'], travel: { driveKmhByClass: { residential: 30 } } }));
    const io = captureIo();
    expect(await runCli(['indicators', ...tinyArgs(), '--streets', await streetsFile(), '--config', cfg, '--network', 'fi-lower'], io)).toBe(0);
    // The layer's classes: residential (has a speed) and footway (has none: driven at driveKmh).
    expect(io.err).toContain('"footway"');
    expect(io.err).not.toContain('"residential"');
    // Every trip here is under 5 km: nobody is transported, so no daily time.
    expect(JSON.parse(io.out).schools[0].travel).toMatchObject({ mean_m: 375, max_daily_travel_h: null, over_daily_limit_children: 0 });
    const bad = join(cfgDir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...presets['statfi-grid'], travel: { driveKmhByClass: { residential: -5 } } }));
    const io2 = captureIo();
    expect(await runCli(['indicators', ...tinyArgs(), '--streets', await streetsFile(), '--config', bad, '--network', 'fi-lower'], io2)).not.toBe(0);
    expect(io2.err).toContain('travel.driveKmhByClass.residential');
  });
});

describe('project --streets', () => {
  it('gives every year its travel figures: the base year as worked above, later years as indicators --year gives them', async () => {
    const file = await streetsFile();
    const io = captureIo();
    expect(await runCli(['project', ...tinyArgs(), '--streets', file, '--network', 'fi-lower', '--base-year', '2024', '--years', '2024-2026'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026]);
    // 2024 (the base year): A's trips as in `indicators --streets` above.
    expect(out.years[0].schools[0].travel).toMatchObject({ mean_m: 375, median_m: 250, p90_m: 500, max_m: 500, over_5km_children: 0 });
    expect(out.years[0].travel).toMatchObject({ straight_line: false, nearest_school_share: 1, off_network_units: [] });
    // 2026: the projected children of that year (the engine moved year by year) equal a run built for 2026 alone.
    const alone = captureIo();
    expect(await runCli(['indicators', ...tinyArgs(), '--streets', file, '--network', 'fi-lower', '--base-year', '2024', '--year', '2026'], alone)).toBe(0);
    const direct = JSON.parse(alone.out);
    // Equal to rounding: the project run updated its sums incrementally from 2024, the direct run built them for 2026.
    const close = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 6) : v]));
    expect(out.years[2].travel).toEqual(close(direct.travel));
    out.years[2].schools.forEach((s: { travel: Record<string, unknown> }, i: number) => expect(s.travel).toEqual(close(direct.schools[i].travel)));
  });

  it('CSV carries the travel columns per year', async () => {
    const io = captureIo();
    expect(await runCli(['project', ...tinyArgs(), '--streets', await streetsFile(), '--network', 'fi-lower', '--base-year', '2024', '--years', '2024-2025', '--format', 'csv'], io)).toBe(0);
    const [header, a2024] = io.out.trim().split('\n').map((l) => l.split(','));
    const col = (k: string) => a2024[header.indexOf(k)];
    // 2024, school A: mean 375 m, median 250 m, max 500 m (worked out at the top of this file).
    expect([col('year'), col('school_id'), col('travel_mean_m'), col('travel_median_m'), col('travel_max_m'), col('travel_straight_line')]).toEqual(['2024', 'A', '375', '250', '500', 'false']);
  });
});
