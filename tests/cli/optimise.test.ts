/**
 * `optimise` on Tiny City (4 × 4 cells; A owns columns 0–1, B columns 2–3; per cell in column c:
 * 10 + 5c children, foreign-language share 0.1c; capacities A 100, B 80): the plan file replays
 * with `indicators --edits`, and the printed D is the replayed plan's D.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo, FIXTURES } from './cli-test-io';

const bundle = `${FIXTURES}tiny-city`;

function io() {
  const c = captureIo();
  return Object.assign(c, { writeFile: (path: string, text: string) => writeFile(path, text) });
}

describe('cli optimise', () => {
  it('writes a plan that indicators --edits replays to the printed figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'optimise-'));
    const out = join(dir, 'plan.json');
    const a = io();
    const code = await runCli(['optimise', '--bundle', bundle, '--network', 'fi-lower', '--measure', 'share:foreign_language',
      '--utilisation', 'none', '--max-rezoned', '0.5', '--seconds', '0.5', '--seed', '2', '--bound', '--out', out], a);
    expect(a.err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(a.out);
    // --bound: both bounds below the plan; without bands the dual converges to the LP (LP duality).
    expect(summary.lp_status).toBe('Optimal');
    expect(summary.bound).toBeLessThanOrEqual(summary.measure_after + 1e-6);
    expect(Math.abs(summary.dual_bound - summary.lp_bound)).toBeLessThan(1e-4);
    expect(summary.max_drop).toBeCloseTo(1 - summary.bound / summary.measure_before, 3);
    expect(summary.share_of_max_drop).toBeGreaterThan(0);
    expect(summary.share_of_max_drop).toBeLessThanOrEqual(1 + 1e-3);
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['measure_before', 'measure_after', 'rezoned_share', 'mean_trip_m_before', 'mean_trip_m_after',
      'max_trip_m_before', 'max_trip_m_after', 'utilisation_min', 'utilisation_max', 'seconds']));
    // Baseline D = 3520 / 11856 (tests/core/scenario/scenario-engine.test.ts).
    expect(summary.measure_before).toBeCloseTo(3520 / 11856, 6);
    expect(summary.measure_after).toBeLessThan(summary.measure_before);
    expect(summary.rezoned_share).toBeLessThanOrEqual(0.5);
    expect(summary.straight_line).toBe(true);
    const plan = JSON.parse(await readFile(out, 'utf8'));
    expect(plan.edits.length).toBeGreaterThan(0);
    expect(plan.edits.every((e: { kind: string }) => e.kind === 'assign-cells')).toBe(true);
    const b = io();
    expect(await runCli(['indicators', '--bundle', bundle, '--network', 'fi-lower', '--edits', out], b)).toBe(0);
    expect(JSON.parse(b.out).indices.foreign_language.D).toBeCloseTo(summary.measure_after, 6);
  });

  it('--year: works on the projected year, dates the plan that year, and indicators --edits --year replays it', async () => {
    // Tiny City projected to 2027 with base year 2024 (tests/core/projection/tiny-city-projection.test.ts):
    // A 74 children, B 114 — so the figures differ from the base year's.
    const dir = await mkdtemp(join(tmpdir(), 'optimise-year-'));
    const out = join(dir, 'plan.json');
    const year = ['--base-year', '2024', '--year', '2027'];
    const a = io();
    const code = await runCli(['optimise', '--bundle', bundle, '--network', 'fi-lower', '--measure', 'share:foreign_language',
      '--utilisation', 'none', '--max-rezoned', '0.5', '--seconds', '0.5', '--seed', '2', '--out', out, ...year], a);
    expect(a.err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(a.out);
    expect(summary.year).toBe(2027);
    const before = io();
    expect(await runCli(['indicators', '--bundle', bundle, '--network', 'fi-lower', ...year], before)).toBe(0);
    expect(summary.measure_before).toBeCloseTo(JSON.parse(before.out).indices.foreign_language.D, 6);
    const plan = JSON.parse(await readFile(out, 'utf8'));
    expect(plan.edits.length).toBeGreaterThan(0);
    expect(plan.edits.every((e: { year?: number }) => e.year === 2027)).toBe(true);
    const b = io();
    expect(await runCli(['indicators', '--bundle', bundle, '--network', 'fi-lower', '--edits', out, ...year], b)).toBe(0);
    expect(JSON.parse(b.out).indices.foreign_language.D).toBeCloseTo(summary.measure_after, 6);
    // In the base year the plan's records are not yet in effect: the baseline D 3520 / 11856.
    const c = io();
    expect(await runCli(['indicators', '--bundle', bundle, '--network', 'fi-lower', '--edits', out, '--base-year', '2024'], c)).toBe(0);
    expect(JSON.parse(c.out).indices.foreign_language.D).toBeCloseTo(3520 / 11856, 9);
  });

  it('--lock-area: units whose centre lies in the file\'s polygons keep their school; a file without polygons is named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'optimise-lock-'));
    const polygons = (x1: number) => JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[384_900, 6_671_900], [x1, 6_671_900], [x1, 6_673_100], [384_900, 6_673_100], [384_900, 6_671_900]]] } }],
    });
    const run = async (area: string) => {
      const lock = join(dir, `lock-${area.length}.geojson`);
      await writeFile(lock, area);
      const out = join(dir, `plan-${area.length}.json`);
      const c = io();
      const code = await runCli(['optimise', '--bundle', bundle, '--network', 'fi-lower', '--measure', 'share:foreign_language',
        '--utilisation', 'none', '--max-rezoned', 'none', '--seconds', '0.5', '--seed', '2', '--lock-area', lock, '--out', out], c);
      return { code, c, plan: code === 0 ? (JSON.parse(await readFile(out, 'utf8')) as { edits: { cells: [number, number][] }[] }) : null };
    };
    // Columns 0–1 locked (cell centres x = 385 125 and 385 375): the plan moves only cells of columns 2–3.
    const west = await run(polygons(385_500));
    expect(west.code).toBe(0);
    expect(west.plan!.edits.length).toBeGreaterThan(0);
    for (const e of west.plan!.edits) for (const [col] of e.cells) expect(col).toBeGreaterThanOrEqual(2);
    // The whole grid locked: no change.
    const all = await run(polygons(386_100) + ' ');
    expect(all.code).toBe(0);
    expect(all.plan!.edits).toEqual([]);
    expect(JSON.parse(all.c.out).rezoned_share).toBe(0);
    // Points only: refused, naming the option.
    const points = await run(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [385_100, 6_672_100] } }] }));
    expect(points.code).toBe(2);
    expect(points.c.err).toContain('field "lock-area"');
    expect(points.c.err).toContain('has no polygons');
  });

  it('names bad limits, a missing --out and a year outside the projection', async () => {
    const cases: [string[], string][] = [
      [['--utilisation', '1.2,0.8', '--out', 'x.json'], 'utilisation'],
      [['--max-rezoned', 'lots', '--out', 'x.json'], 'max-rezoned'],
      [[], 'out'],
      [['--base-year', '2024', '--year', '2060', '--out', 'x.json'], 'year'],
    ];
    for (const [extra, field] of cases) {
      const c = io();
      const code = await runCli(['optimise', '--bundle', bundle, '--network', 'fi-lower', '--measure', 'share:foreign_language', ...extra], c);
      expect(code).toBe(2);
      expect(c.err).toContain(`field "${field}"`);
      expect(c.err).not.toContain('undefined');
    }
  });
});

describe('cli optimise --streets', () => {
  // The street layer of tests/cli/travel-cli.test.ts: one east–west street through both schools
  // and a north–south street up each column of cell centres. A child's street trip = |Δx| + |Δy|
  // = 250 m (rows 1–2) or 500 m (rows 0 and 3): mean 375 m, max 500 m at the start (straight
  // lines would give (√(125² + 125²) + √(125² + 375²)) / 2 ≈ 286 m).
  const xs = [0, 1, 2, 3].map((c) => 385_125 + 250 * c);
  const streets = {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
    features: [
      { type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: [[385_000, 6_672_500], ...xs.map((x) => [x, 6_672_500]), [386_000, 6_672_500]] } },
      ...xs.map((x) => ({ type: 'Feature', properties: { highway: 'footway' }, geometry: { type: 'LineString', coordinates: [[x, 6_672_000], [x, 6_672_500], [x, 6_673_000]] } })),
    ],
  };

  it('limits and figures use street trips; the plan replays to the same street trips', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'optimise-streets-'));
    const path = join(dir, 'streets.geojson');
    await writeFile(path, JSON.stringify(streets));
    const out = join(dir, 'plan.json');
    const a = io();
    expect(await runCli(['optimise', '--bundle', bundle, '--streets', path, '--network', 'fi-lower', '--measure', 'share:foreign_language',
      '--utilisation', 'none', '--max-rezoned', '0.5', '--seconds', '0.5', '--seed', '2', '--out', out], a)).toBe(0);
    const summary = JSON.parse(a.out);
    expect(summary.straight_line).toBe(false);
    expect(summary.mean_trip_m_before).toBe(375);
    expect(summary.max_trip_m_before).toBe(500);
    expect(summary.edits).toBeGreaterThan(0);
    const b = io();
    expect(await runCli(['indicators', '--bundle', bundle, '--streets', path, '--network', 'fi-lower', '--edits', out], b)).toBe(0);
    const travel = JSON.parse(b.out).travel;
    expect(travel.straight_line).toBe(false);
    expect(Math.abs(travel.mean_m - summary.mean_trip_m_after)).toBeLessThanOrEqual(1);
    expect(travel.max_m).toBe(summary.max_trip_m_after);
  });
});
