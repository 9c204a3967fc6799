/**
 * The forecast table's CSV reader (core/projection/read-forecast.ts) and `--forecast` in the CLI on
 * Tiny City (base year 2024). Hand values as in tiny-city-projection.test.ts: A = 8 + 500/6 in 2025 by
 * the model, of which cell (0, 0) holds 1 + 50/6; the forecast says 20 for that cell.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { readForecastBytes, readForecastCsv, unknownForecastIds } from '../../../src/core/projection/read-forecast';
import { captureIo, TINY } from '../../cli/cli-test-io';

const CELL00 = 'CRS3067RES250mN6672000E385000';

describe('reading a forecast table', () => {
  it('reads id, year, age band and people (any separator, decimal comma, area members)', () => {
    const r = readForecastCsv('ennuste.csv', `alue;vuosi;ikä;henkilöt;units\n${CELL00};2025;7-12;20,5;\neast;2026;7–12;100;u1 u2\n`);
    if (!r.ok) throw new Error(r.problems[0].message);
    expect(r.value).toEqual({
      name: 'ennuste',
      rows: [{ id: CELL00, year: 2025, from: 7, to: 12, value: 20.5 }, { id: 'east', year: 2026, from: 7, to: 12, value: 100 }],
      areas: { east: ['u1', 'u2'] },
    });
    const from = readForecastCsv('f.csv', 'id,year,from,to,people\nx,2030,13,15,7\n');
    expect(from.ok && from.value.rows).toEqual([{ id: 'x', year: 2030, from: 13, to: 15, value: 7 }]);
    expect(unknownForecastIds(from.ok ? from.value : { name: '', rows: [] }, new Set(['y'])).map((p) => p.code)).toEqual(['forecast-unknown-ids']);
  });

  it('names every bad row by its line and a missing column, and reads nothing', () => {
    const r = readForecastCsv('f.csv', 'id,year,age,people\n,2025,7-12,1\nx,20x5,7-12,1\nx,2025,seven,1\nx,2025,7-12,-3\n');
    expect(!r.ok && r.problems.map((p) => [p.code, p.feature])).toEqual([['forecast-bad-id', '2'], ['forecast-bad-year', '3'], ['forecast-bad-age', '4'], ['forecast-bad-people', '5']]);
    const m = readForecastCsv('f.csv', 'id,year,people\nx,2025,1\n');
    expect(!m.ok && m.problems[0].code).toBe('forecast-missing-column');
  });
});

describe('reading a forecast file\'s bytes', () => {
  it('reads Windows-1252 when the bytes are not UTF-8, and refuses a table matching no unit', () => {
    // "ikä;henkilöt" saved by a spreadsheet in Windows-1252: ä = 0xE4, ö = 0xF6 (not valid UTF-8 alone).
    const text = `alue;vuosi;ikä;henkilöt\n${CELL00};2025;7-12;20\n`;
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(bytes.includes(0xe4)).toBe(true);
    const r = readForecastBytes('ennuste.csv', bytes, new Set([CELL00]));
    expect(r.ok && r.value.rows).toEqual([{ id: CELL00, year: 2025, from: 7, to: 12, value: 20 }]);
    const none = readForecastBytes('ennuste.csv', new TextEncoder().encode('id,year,age,people\nx,2025,7-12,1\n'), new Set([CELL00]));
    expect(!none.ok && none.problems[0].code).toBe('forecast-no-match');
  });
});

describe('cli --forecast', () => {
  it('uses the forecast where it has figures, the model elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-forecast-'));
    const file = join(dir, 'forecast.csv');
    writeFileSync(file, `id,year,age,people\n${CELL00},2025,7-12,20\nnowhere,2025,7-12,5\n`);
    const io = captureIo();
    const code = await runCli(['project', '--bundle', TINY, '--network', 'fi-lower', '--base-year', '2024', '--years', '2024-2025', '--forecast', file], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    const a = out.years.map((y: { schools: { id: string; children: number }[] }) => y.schools.find((s) => s.id === 'A')!.children);
    // 2024 is the data itself; 2025: 8 + 500/6 − (1 + 50/6) + 20.
    expect(a[0]).toBeCloseTo(100, 9);
    expect(a[1]).toBeCloseTo(8 + 500 / 6 - (1 + 50 / 6) + 20, 9);
    expect(io.err).toContain('nowhere');
  });
});
