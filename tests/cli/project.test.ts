/**
 * `project` and `indicators --edits/--year` on Tiny City. Children worked out by hand in
 * tests/core/projection/tiny-city-projection.test.ts: A = 100, 8 + 500/6, 16 + 400/6, 74 and
 * B = 180, 158, 136, 114 in 2024…2027. The housing project: 100 ARA block dwellings in cell (0, 0),
 * completed 2026, default yield for lower grades 0.16 × 0.45 = 0.072 per dwelling in its first year.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo, TINY } from './cli-test-io';

const dir = mkdtempSync(join(tmpdir(), 'cs-project-'));
const editsFile = join(dir, 'edits.json');
writeFileSync(editsFile, JSON.stringify({ edits: [
  { kind: 'housing-project', year: 2026, id: 'h1', name: 'Rantapuisto', dwellings: 100, tenure: 'social_rental', buildingType: 'block', location: [385_100, 6_672_100] },
  { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0]], year: 2027 },
] }));

async function run(args: string[]) {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out, err: io.err };
}

describe('cli project', () => {
  it('prints every year with the records in effect', async () => {
    const r = await run(['project', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--years', '2024-2027', '--edits', editsFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.network).toBe('fi-lower');
    expect(out.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    const a = out.years.map((y: { schools: { id: string; children: number }[] }) => y.schools.find((s) => s.id === 'A')!.children);
    expect(a[0]).toBeCloseTo(100, 9);
    expect(a[1]).toBeCloseTo(8 + 500 / 6, 9);
    expect(a[2]).toBeCloseTo(16 + 400 / 6 + 7.2, 9);
    // 2027: 74, + 100 × 0.16 × 0.65 = 10.4 from the project, + cell (2, 0) from 2027: 3 + 3 × 20/6 = 13.
    expect(a[3]).toBeCloseTo(74 + 10.4 + 13, 9);
    expect(out.years[0].indices.foreign_language.D).toBeGreaterThan(0);
  });

  it('prints CSV rows per year and school', async () => {
    const r = await run(['project', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--years', '2025-2026', '--format', 'csv']);
    const lines = r.out.trim().split('\n');
    expect(lines[0].startsWith('year,network,school_id,name,children,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['2025,fi-lower,A', '2025,fi-lower,B', '2026,fi-lower,A', '2026,fi-lower,B']);
    expect(Number(lines[4].split(',')[4])).toBeCloseTo(136, 5);
  });

  it('indicators takes --edits and --year', async () => {
    const r = await run(['indicators', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--year', '2026', '--edits', editsFile]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).schools[0].children).toBeCloseTo(16 + 400 / 6 + 7.2, 9);
  });

  it('names what is wrong', async () => {
    const noYear = await run(['project', '--bundle', TINY, '--network', 'fi-lower']);
    expect(noYear.code).toBe(2);
    expect(noYear.err).toContain('--base-year');
    const range = await run(['project', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--years', '2020-2030']);
    expect(range.err).toContain('outside the projection');
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify({ edits: [{ kind: 'housing-project', year: 2020, id: 'x', name: 'X', dwellings: 10, tenure: 'owner', buildingType: 'block', location: [385_100, 6_672_100] }] }));
    const before = await run(['project', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--edits', badFile]);
    expect(before.code).toBe(2);
    expect(before.err).toContain('housing-year-before-base');
    const noNetwork = await run(['project', '--bundle', TINY]);
    expect(noNetwork.err).toContain('--network');
  });
});
