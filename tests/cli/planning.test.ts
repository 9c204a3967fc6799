/**
 * The CLI's planning flow (--area, --area-where, --schools-where, --catchments voronoi) on a small
 * file set made here, in EPSG:3067. Four 1 km postal areas (Paavo fields):
 *
 *   B (x 0–1000, y 1000–2000) kuntano 837, he_7_12 140 | D (x 1000–2000, y 1000–2000) kuntano 091, he_7_12 280
 *   A (x 0–1000, y    0–1000) kuntano 837, he_7_12  70 | C (x 1000–2000, y    0–1000) kuntano 091, he_7_12 210
 *
 * (x and y from 380 000 and 6 670 000.) Schools: S1 (500, 250) and S2 (500, 1750), kunta 837, olo 0;
 * S3 (250, 500) kunta 837, olo 2 (closed); S4 (1500, 500) kunta 091; S5 (1500, 1500) kunta 837, olo 0
 * but inside area D (outside the 837 area).
 * By hand: kuntano = 837 keeps A and B; kunta = 837 and olo = 0 keep S1, S2, S5; S5 lies outside the
 * area and is left out. The Voronoi bisector of S1 and S2 is y = 1000, so S1's catchment is A
 * (70 children) and S2's is B (140): 210 children, none outside a catchment.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import type { CapturedIo } from './cli-test-io';

const X = 380_000;
const Y = 6_670_000;
const CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } };
const square = (x: number, y: number) => [[[X + x, Y + y], [X + x + 1000, Y + y], [X + x + 1000, Y + y + 1000], [X + x, Y + y + 1000], [X + x, Y + y]]];
const area = (postinumero: string, x: number, y: number, kuntano: string, children: number) => ({
  type: 'Feature',
  properties: { postinumero, kuntano, he_vakiy: children * 10, he_7_12: children, he_13_15: children / 2 },
  geometry: { type: 'Polygon', coordinates: square(x, y) },
});
const school = (tunn: string, onimi: string, x: number, y: number, kunta: string, olo: string) => ({ type: 'Feature', properties: { tunn, onimi, oltyp: '11', olo, kunta }, geometry: { type: 'Point', coordinates: [X + x, Y + y] } });
const collection = (features: unknown[]) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', crs: CRS, features }));

const FILES: Record<string, Uint8Array> = {
  'paavo.geojson': collection([area('00010', 0, 0, '837', 70), area('00020', 0, 1000, '837', 140), area('00030', 1000, 0, '091', 210), area('00040', 1000, 1000, '091', 280)]),
  'register.geojson': collection([
    school('S1', 'Alakylän koulu', 500, 250, '837', '0'),
    school('S2', 'Yläkylän koulu', 500, 1750, '837', '0'),
    school('S3', 'Vanha koulu', 250, 500, '837', '2'),
    school('S4', 'Itäkylän koulu', 1500, 500, '091', '0'),
    school('S5', 'Rajakylän koulu', 1500, 1500, '837', '0'),
  ]),
  // Catchments of S1 and S2 over the western areas only.
  'west-catchments.geojson': collection([
    { type: 'Feature', properties: { network: 'fi-lower', school_id: 'S1' }, geometry: { type: 'Polygon', coordinates: square(0, 0) } },
    { type: 'Feature', properties: { network: 'fi-lower', school_id: 'S2' }, geometry: { type: 'Polygon', coordinates: square(0, 1000) } },
  ]),
};

function memoryIo(): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    readFile: async (path) => {
      const bytes = FILES[path];
      if (!bytes) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return bytes;
    },
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
  };
  return io;
}

const PLAN = ['--units', 'paavo.geojson', '--area', 'paavo.geojson', '--area-where', 'kuntano=837', '--schools', 'register.geojson', '--schools-where', 'kunta=837', '--schools-where', 'olo = 0'];

describe('indicators with a planning area and generated catchments', () => {
  it('kuntano = 837, kunta = 837 and olo = 0, voronoi: S1 70 children, S2 140, exit 0', async () => {
    const io = memoryIo();
    const code = await runCli(['indicators', ...PLAN, '--catchments', 'voronoi', '--network', 'fi-lower', '--format', 'json'], io);
    expect(io.err).not.toContain('error:');
    expect(code).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.network).toBe('fi-lower');
    expect(out.schools.map((s: { id: string; children: number }) => [s.id, s.children])).toEqual([['S1', 70], ['S2', 140]]);
    expect(io.err).toContain('[schools-outside-area]');
    expect(io.err).toContain('(ids: S5)');
    expect(io.err).toContain('2 of 4 units lie inside the planning area');
    expect(io.err).not.toContain('children-outside-catchments');
  });

  it('units far beyond the catchments: 490 of 700 children in no catchment, named with the fix --area', async () => {
    const io = memoryIo();
    const code = await runCli(['indicators', '--units', 'paavo.geojson', '--schools', 'register.geojson', '--catchments', 'west-catchments.geojson', '--network', 'fi-lower'], io);
    expect(code).toBe(0);
    // C and D: 210 + 280 = 490 of 70 + 140 + 210 + 280 = 700 children (70 %).
    expect(io.err).toContain('490 of 700 children (70 %) of network fi-lower live in units no catchment covers');
    expect(io.err).toContain('--area FILE --area-where');
    expect(io.err).toContain('[children-outside-catchments]');
  });

  it('the same with --area: the warning is gone and the figures are those of the generated ones', async () => {
    const io = memoryIo();
    const code = await runCli(['indicators', ...PLAN, '--catchments', 'west-catchments.geojson', '--network', 'fi-lower'], io);
    expect(code).toBe(0);
    expect(io.err).not.toContain('children-outside-catchments');
    expect(JSON.parse(io.out).schools.map((s: { children: number }) => s.children)).toEqual([70, 140]);
  });
});

describe('validate with units and schools only', () => {
  it('exit 0, no networks, the preset named as the app names it', async () => {
    const io = memoryIo();
    expect(await runCli(['validate', '--units', 'paavo.geojson', '--schools', 'register.geojson'], io)).toBe(0);
    expect(io.out).toContain('Networks: none');
    expect(io.out).toContain('preset paavo, Paavo (postal-code areas) (detected from the unit fields)');
    expect(io.out).toContain('[no-catchments]');
  });

  it('json: the planning area cut and the schools kept', async () => {
    const io = memoryIo();
    expect(await runCli(['validate', ...PLAN, '--format', 'json'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.units.count).toBe(2);
    expect(out.schools.count).toBe(2);
    expect(out.preset).toBe('paavo');
    expect(out.files.map((f: { role: string }) => f.role)).toEqual(['units', 'schools', 'area']);
  });
});

describe('bad planning options: exit 2 with a named problem', () => {
  it.each([
    [['--area-where', 'kuntano=837'], 'give --area too', 'invalid-arguments'],
    [['--schools-where', 'kunta'], 'not a condition of the form FIELD=VALUE', 'filter-syntax'],
    [['--area', 'paavo.geojson', '--area-where', 'kuntano<Tampere'], 'is not a number', 'filter-not-number'],
  ])('%j', async (extra, text, code) => {
    const io = memoryIo();
    expect(await runCli(['indicators', '--units', 'paavo.geojson', '--schools', 'register.geojson', '--catchments', 'voronoi', ...extra], io)).toBe(2);
    expect(io.err).toContain(text);
    expect(io.err).toContain(`[${code}]`);
  });

  it('a field the file lacks, a value no school has, a value no area has', async () => {
    const cases: [string[], string][] = [
      [['--schools-where', 'kunat=837'], '[filter-field-unknown]'],
      [['--schools-where', 'kunta=999'], '[schools-none-kept]'],
      [['--area', 'paavo.geojson', '--area-where', 'kuntano=999'], '[area-empty]'],
    ];
    for (const [extra, code] of cases) {
      const io = memoryIo();
      expect(await runCli(['indicators', '--units', 'paavo.geojson', '--schools', 'register.geojson', '--catchments', 'voronoi', ...extra], io)).toBe(2);
      expect(io.err).toContain(code);
      expect(io.err).not.toContain('undefined');
      expect(io.out).toBe('');
    }
  });
});

describe('the national file set (tests/helpers/national-files.ts), as in the wizard', () => {
  it('the issue\'s command: 33 schools, 4 206 children of grades 1–6 in the fi-lower network, none outside (see tests/app/import/import-national.test.ts)', { timeout: 60_000 }, async () => {
    const { paavoNational, registerNational } = await import('../helpers/national-files');
    FILES['paavo-fi.geojson'] = new TextEncoder().encode(paavoNational());
    FILES['register-fi.geojson'] = new TextEncoder().encode(registerNational());
    const io = memoryIo();
    const argv = ['indicators', '--units', 'paavo-fi.geojson', '--area', 'paavo-fi.geojson', '--area-where', 'kuntano=837', '--schools', 'register-fi.geojson', '--schools-where', 'kunta=837', '--schools-where', 'olo=0', '--catchments', 'voronoi', '--network', 'fi-lower', '--format', 'json'];
    expect(await runCli(argv, io)).toBe(0);
    const out = JSON.parse(io.out);
    // fi-lower: the 33 chosen schools less the 2 Swedish ones = 31 (all teach grades 1–9 by register type 11).
    expect(out.schools).toHaveLength(31);
    expect(out.schools.reduce((a: number, s: { children: number }) => a + s.children, 0)).toBeCloseTo(4206, 6);
    expect(io.err).toContain('9 of 3030 units lie inside the planning area');
    expect(io.err).toContain('[names-truncated]');
    expect(io.err).not.toContain('children-outside-catchments');
  });
});
