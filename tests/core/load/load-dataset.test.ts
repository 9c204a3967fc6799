import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../../src/core/load/load-bundle';
import { loadDataset, loadDatasetWithReport } from '../../../src/core/load/load-dataset';
import { writeFlatGeobuf } from '../../../src/core/load/write-flatgeobuf';

const TINY = fileURLToPath(new URL('../../fixtures/tiny-city/', import.meta.url));
const read = async (name: string) => new Uint8Array(await readFile(TINY + name));

async function tinyInputs() {
  return {
    units: { name: 'units.geojson', bytes: await read('units.geojson') },
    schools: { name: 'schools.geojson', bytes: await read('schools.geojson') },
    catchments: { name: 'catchments.geojson', bytes: await read('catchments.geojson') },
  };
}

describe('loadDataset', () => {
  it('loads Tiny City from GeoJSON files', async () => {
    const r = await loadDataset(await tinyInputs());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value;
    expect(d.name).toBe('units');
    expect(d.units.kind).toBe('grid');
    if (d.units.kind !== 'grid') return;
    expect(d.units.grid).toEqual({ originX: 385000, originY: 6672000, cellSize: 250, cols: 4, rows: 4 });
    // he_7_12 = 10 + 5·col over 4 rows: 4·(10 + 15 + 20 + 25) = 280.
    expect(d.units.attributes.columns.he_7_12.reduce((a, b) => a + b, 0)).toBe(280);
    expect(d.schools.map((s) => s.id)).toEqual(['A', 'B']);
    expect(d.networks).toEqual([{ id: 'fi-lower', label: 'fi-lower', language: 'fi', level: 'lower', schoolIds: ['A', 'B'] }]);
    expect(d.partitions['fi-lower'].catchments[0]).toEqual([[[[385000, 6672000], [385500, 6672000], [385500, 6673000], [385000, 6673000], [385000, 6672000]]]]);
  });

  it('loads the Tiny City bundle with context, manifest name and localised label', async () => {
    const manifest = JSON.parse(new TextDecoder().decode(await read('manifest.json')));
    const r = await loadBundle(manifest, read);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Tiny City (test fixture)');
    expect(r.value.networks[0].label).toBe('Finnish-language, grades 1–6');
    expect(r.value.boundary).toHaveLength(1);
    expect(r.value.water).toBeUndefined();
  });

  it('reads a FlatGeobuf bundle with point units on the manifest grid', async () => {
    const units: Feature[] = [
      { type: 'Feature', properties: { grd_id: 'CRS3067RES250mN6672000E385000', he_vakiy: 50, he_7_12: 5 }, geometry: { type: 'Point', coordinates: [385125, 6672125] } },
      { type: 'Feature', properties: { grd_id: 'CRS3067RES250mN6672250E385250', he_vakiy: 60, he_7_12: -1 }, geometry: { type: 'Point', coordinates: [385375, 6672375] } },
    ];
    const schools: Feature[] = [{ type: 'Feature', properties: { id: 'A', name: 'Skolan', language: 'sv', grades: '1-6', capacity: 40 }, geometry: { type: 'Point', coordinates: [385200, 6672200] } }];
    const catchments: Feature[] = [{ type: 'Feature', properties: { network: 'sv-lower', school_id: 'A' }, geometry: { type: 'Polygon', coordinates: [[[385000, 6672000], [385500, 6672000], [385500, 6672500], [385000, 6672500], [385000, 6672000]]] } }];
    const files: Record<string, Uint8Array> = { 'u.fgb': writeFlatGeobuf(units), 's.fgb': writeFlatGeobuf(schools), 'c.fgb': writeFlatGeobuf(catchments) };
    const manifest = {
      format: 'catchment-studio-bundle', version: 1, name: 'Mini', source: 'test', crs: 'EPSG:3067', preset: 'statfi-grid',
      grid: { originX: 385000, originY: 6672000, cellSize: 250, cols: 2, rows: 2 },
      networks: [{ id: 'sv-lower', label: { fi: 'r', sv: 's', en: 'e' }, language: 'sv', level: 'lower' }],
      files: { units: 'u.fgb', schools: 's.fgb', catchments: 'c.fgb' },
    };
    const r = await loadBundle(manifest, async (n) => files[n]);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.units.kind !== 'grid') return;
    expect([...r.value.units.col]).toEqual([0, 1]);
    expect([...r.value.units.row]).toEqual([0, 1]);
    expect([...r.value.units.attributes.columns.he_7_12]).toEqual([5, -1]);
    const missing = await loadBundle({ ...manifest, files: { ...manifest.files, schools: 'nope.fgb' } }, async (n) => {
      if (!files[n]) throw new Error('ENOENT');
      return files[n];
    });
    expect(!missing.ok && missing.problems[0]).toMatchObject({ code: 'file-not-found', file: 'nope.fgb' });
  });

  it('refuses files over the size limit', async () => {
    const r = await loadDataset(await tinyInputs(), { maxBytes: 1000 });
    // units.geojson (10 666 bytes) is over 1 000 bytes; schools and catchments (< 1 000) are not.
    expect(!r.ok && r.problems.map((p) => [p.code, p.file])).toEqual([['file-too-large', 'units.geojson']]);
  });

  it('collects problems of every file before failing', async () => {
    const inputs = await tinyInputs();
    const r = await loadDatasetWithReport({ ...inputs, units: { name: 'u.geojson', bytes: '' }, schools: { name: 's.geojson', bytes: '{"type": "Foo"}' } });
    expect(!r.ok && r.problems.map((p) => [p.code, p.file])).toEqual([['empty-file', 'u.geojson'], ['not-geojson', 's.geojson']]);
  });
});
