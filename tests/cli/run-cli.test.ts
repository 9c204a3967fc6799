/** Argument parsing, help, validate on the good fixtures, and exit codes. Numeric output is tested by the lead. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/cli-options';
import { runCli } from '../../src/cli/run-cli';
import { captureIo, TINY, tinyArgs } from './cli-test-io';

describe('parseCliArgs', () => {
  it('parses a full indicators command', () => {
    const r = parseCliArgs(['indicators', ...tinyArgs(), '--network', 'fi-lower', '--format', 'csv', '--privacy-threshold', '5']);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ command: 'indicators', options: { network: 'fi-lower', format: 'csv', 'privacy-threshold': '5' } });
  });
  it.each([
    [['frobnicate'], 'Unknown command'],
    [['indicators', '--bundle', 'x', '--units', 'u'], 'either --bundle'],
    [['indicators', '--units', 'u'], 'Give --units, --schools and --catchments'],
    [['indicators', ...tinyArgs(), '--format', 'xml'], 'must be one of'],
    [['indicators', ...tinyArgs(), '--privacy-threshold', '0'], 'whole number ≥ 1'],
    [['indicators', ...tinyArgs(), '--privacy-threshold', 'ten'], 'whole number ≥ 1'],
    [['validate', ...tinyArgs(), '--network', 'fi-lower'], 'does not apply'],
    [['validate', ...tinyArgs(), '--format', 'csv'], 'not csv'],
    [['indicators', ...tinyArgs(), '--bogus'], 'Unknown option'],
    [['indicators', ...tinyArgs(), 'extra'], 'Unexpected argument'],
  ])('rejects %j', (argv, text) => {
    const r = parseCliArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0].code).toBe('invalid-arguments');
      expect(r.problems[0].message).toContain(text);
    }
  });
});

describe('runCli', () => {
  it('prints help built from the option declarations, exit 0', async () => {
    for (const argv of [[], ['help'], ['--help'], ['indicators', '-h']]) {
      const io = captureIo();
      expect(await runCli(argv, io)).toBe(0);
      for (const opt of ['--units FILE', '--bundle DIR', '--network ID', '--privacy-threshold N', '--format json|csv|text']) expect(io.out).toContain(opt);
    }
  });

  it('bad arguments: exit 2 with the problem on stderr', async () => {
    const io = captureIo();
    expect(await runCli(['indicators', '--units', 'x'], io)).toBe(2);
    expect(io.err).toMatch(/^error: .*\[invalid-arguments\]\n$/);
  });

  it('validate on Tiny City (files): report with counts, CRS and preset', async () => {
    const io = captureIo();
    expect(await runCli(['validate', ...tinyArgs()], io)).toBe(0);
    expect(io.out).toContain('16 features, EPSG:3067 (declared as urn:ogc:def:crs:EPSG::3067)');
    expect(io.out).toContain('Units: 16 grid cells of 250 m; id field grd_id');
    expect(io.out).toContain('Schools: 2 (fi 2, sv 0; capacity known for 2)');
    expect(io.out).toContain('Networks: fi-lower (2 schools)');
    expect(io.out).toContain('preset statfi-grid, Statistics Finland grid (detected from the unit fields)');
    expect(io.out).toMatch(/he_7_12 +0 \/ +0/);
    expect(io.err).toBe('');
  });

  it('validate on the Tiny City bundle, JSON report', async () => {
    const io = captureIo();
    expect(await runCli(['validate', '--bundle', TINY, '--format', 'json'], io)).toBe(0);
    const report = JSON.parse(io.out);
    expect(report.name).toBe('Tiny City (test fixture)');
    expect(report.config).toBe('preset statfi-grid, Statistics Finland grid (from the manifest)');
    expect(report.units).toMatchObject({ kind: 'grid', count: 16, cellSize: 250 });
    expect(report.files.map((f: { role: string }) => f.role)).toEqual(['units', 'schools', 'catchments', 'context']);
    expect(report.networks).toEqual([{ id: 'fi-lower', label: 'Finnish-language, grades 1–6', schools: 2 }]);
  });

  it('indicators: an unknown --network is exit 2 listing the networks', async () => {
    const io = captureIo();
    expect(await runCli(['indicators', ...tinyArgs(), '--network', 'sv-lower'], io)).toBe(2);
    expect(io.err).toContain('[unknown-network]');
    expect(io.err).toContain('Choose one of: fi-lower');
  });

  it('a bug (an exception in the core) is exit 1, not 2', async () => {
    const io = captureIo();
    io.readFile = async () => {
      throw new TypeError('boom');
    };
    // readFile failures are input problems (exit 2)…
    expect(await runCli(['validate', ...tinyArgs()], io)).toBe(2);
    // …but an exception thrown by stdout is a bug.
    const io2 = captureIo();
    io2.stdout = () => {
      throw new Error('bug');
    };
    expect(await runCli(['validate', ...tinyArgs()], io2)).toBe(1);
    expect(io2.err).toContain('internal error');
  });
});
